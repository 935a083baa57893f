// Loading a folder into an IsmsWorkspace, whatever the files come from: the configuration layers, which paths
// `exclude` leaves out, and a file's bytes turned into a document or a finding. No Node APIs: the Node walk
// (nodeLoader.ts) and the language server's client-backed file system (browser build) share it.
import type { Diagnostic } from '../model';
import { START_RANGE } from '../model';
import { CONFIG_FILE_NAMES, parseConfigFile, resolveConfig } from '../config/load';
import { GlobSet } from '../util/glob';
import type { IsmsWorkspace } from './workspace';
import { decodeText, tooLarge } from './textFile';

export interface LoadOptions {
  /** Editor settings, applied before `.isms.yaml`. */
  settings?: unknown;
  /** Called for files skipped with a note (unreadable folders and the like). */
  log?: (message: string) => void;
  /** Called while Markdown files are read and parsed: how many of how many are done. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with the workspace (configuration known, no file yet) before the folder is walked, and the list of
   * Markdown files the walk fills as it goes.
   */
  onConfig?: (workspace: IsmsWorkspace, markdown: readonly [string, string][]) => void;
}

/** A folder walked but not yet read: the workspace (configuration, other files) and the Markdown files in it. */
export interface ScannedFolder {
  workspace: IsmsWorkspace;
  /** Workspace-relative path and location (absolute path on disk, or URI) of each Markdown file, in walk order. */
  markdown: [string, string][];
  /**
   * Folders below this one with a configuration file of their own: separate ISMSs, whose files this workspace
   * leaves to them (the nearest configuration up the tree governs a file). Outermost only, sorted.
   */
  nestedRoots?: string[];
  /**
   * The folder has no configuration file but nested ISMSs do: it is only their container, and its own Markdown
   * (outside every ISMS) is not checked.
   */
  container?: boolean;
}

/**
 * The outermost folders among `paths` (workspace-relative files) that hold a configuration file of their own, for
 * listings that are flat (the client's file search) rather than walked.
 */
export function nestedRootsOf(paths: Iterable<string>): string[] {
  const folders: string[] = [];
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    if (slash > 0 && CONFIG_FILE_NAMES.includes(path.slice(slash + 1))) folders.push(path.slice(0, slash));
  }
  folders.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const outermost: string[] = [];
  for (const folder of folders) if (!outermost.some((o) => isInside(folder, o))) outermost.push(folder);
  return outermost;
}

/** Whether a workspace-relative path lies in (or is) a folder. */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + '/');
}

/** Drops what nested ISMSs own, and all Markdown of a container (see ScannedFolder); call once the walk is done. */
export function settleNestedRoots(scanned: ScannedFolder, nested: string[]): void {
  if (nested.length === 0) return;
  scanned.nestedRoots = [...nested].sort(); // the same order whatever order the folders were listed in
  if (!scanned.workspace.configPath) {
    scanned.container = true;
    scanned.markdown.length = 0;
  }
}

/**
 * The effective configuration of a root: editor settings, then the first configuration file `readText` finds
 * (by name relative to the root; undefined when there is none).
 */
export async function loadConfigFrom(readText: (name: string) => Promise<string | undefined>, settings?: unknown) {
  const layers: Parameters<typeof resolveConfig>[0] = [{ data: settings }];
  let configPath: string | undefined;
  let configText: string | undefined;
  const fileDiagnostics: Diagnostic[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const text = await readText(name);
    if (text === undefined) continue;
    configPath = name;
    configText = text;
    const parsed = parseConfigFile(name, text);
    fileDiagnostics.push(...parsed.diagnostics);
    layers.push({ data: parsed.data, path: name, keyRanges: parsed.keyRanges });
    break;
  }
  const { config, diagnostics } = resolveConfig(layers);
  return { config, configPath, configText, diagnostics: [...fileDiagnostics, ...diagnostics] };
}

/** A file that is listed but not checked, with the reason. */
export const unreadableFile = (path: string, message: string): Diagnostic => ({ path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message });

/** Adds a Markdown file from its bytes (or its size, when it was too large to read) as a document or a finding. */
export function addMarkdownFile(workspace: IsmsWorkspace, rel: string, read: { bytes: Uint8Array } | { tooLarge: number }, maxBytes: number): void {
  const decoded = 'bytes' in read ? decodeText(read.bytes, maxBytes) : { problem: tooLarge(read.tooLarge, maxBytes) };
  if ('text' in decoded) workspace.setMarkdown(rel, decoded.text);
  else workspace.setFileProblem(rel, unreadableFile(rel, decoded.problem));
}

/**
 * `exclude` applied to a flat list of files, as a walk applies it: a file is left out when it matches, or when
 * one of its folders does (the walk never enters those). Folder answers are memoised.
 */
export class ExcludeFilter {
  private readonly globs: GlobSet;
  private readonly folders = new Map<string, boolean>();

  constructor(globs: readonly string[]) {
    this.globs = new GlobSet(globs);
  }

  /** A folder (workspace-relative, no trailing slash) the walk does not enter. */
  folderExcluded(rel: string): boolean {
    let excluded = this.folders.get(rel);
    if (excluded === undefined) {
      excluded = this.globs.matches(`${rel}/`) || this.globs.excludesFolder(rel);
      this.folders.set(rel, excluded);
    }
    return excluded;
  }

  fileMatches(rel: string): boolean {
    return this.globs.matches(rel);
  }

  /** A file the walk would not list: excluded itself, or inside an excluded folder. */
  excludes(rel: string): boolean {
    for (let slash = rel.indexOf('/'); slash >= 0; slash = rel.indexOf('/', slash + 1)) {
      if (this.folderExcluded(rel.slice(0, slash))) return true;
    }
    return this.fileMatches(rel);
  }
}
