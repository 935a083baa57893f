// Loads a workspace folder from disk (Node only; the CLI and the language server use it). Walks the folder
// without following symlinks out of it, honours `exclude`, and never throws on a bad file.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from '../model';
import { START_RANGE } from '../model';
import { CONFIG_FILE_NAMES, parseConfigFile, resolveConfig } from '../config/load';
import { GlobSet } from '../util/glob';
import { IsmsWorkspace, isMarkdownPath } from './workspace';
import { decodeText, tooLarge } from './textFile';
import { readShared } from './readShared';

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
  /** Workspace-relative and absolute paths of the Markdown files, in walk order. */
  markdown: [string, string][];
}

/** Reads `.isms.yaml` (if any) and builds the effective configuration for a root folder. */
export async function loadConfig(root: string, settings?: unknown) {
  const layers: Parameters<typeof resolveConfig>[0] = [{ data: settings }];
  let configPath: string | undefined;
  const fileDiagnostics: Diagnostic[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const text = await fs.readFile(nodePath.join(root, name), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    configPath = name;
    const parsed = parseConfigFile(name, text);
    fileDiagnostics.push(...parsed.diagnostics);
    layers.push({ data: parsed.data, path: name, keyRanges: parsed.keyRanges });
    break;
  }
  const { config, diagnostics } = resolveConfig(layers);
  return { config, configPath, diagnostics: [...fileDiagnostics, ...diagnostics] };
}

export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<IsmsWorkspace> {
  const scanned = await scanFolder(root, options);
  await readMarkdownFiles(scanned, options);
  return scanned.workspace;
}

const problem = (path: string, message: string): Diagnostic => ({ path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message });

/**
 * Reads and parses the Markdown files of a walked folder. Files are read synchronously (several times faster than
 * one promise per file) in slices of about 20 ms, yielding to the event loop between slices so a server stays
 * responsive while a large folder loads.
 */
export async function readMarkdownFiles(scanned: ScannedFolder, options: Pick<LoadOptions, 'onProgress'> = {}): Promise<void> {
  const { workspace, markdown } = scanned;
  const maxBytes = workspace.config.maxFileSizeKb * 1024;
  let next = 0;
  while (next < markdown.length) {
    const sliceEnd = Date.now() + 20;
    do {
      const [rel, abs] = markdown[next++];
      readMarkdown(workspace, rel, abs, maxBytes);
    } while (next < markdown.length && Date.now() < sliceEnd);
    options.onProgress?.(next, markdown.length);
    if (next < markdown.length) await new Promise((resolve) => setImmediate(resolve));
  }
}

function readMarkdown(workspace: IsmsWorkspace, rel: string, abs: string, maxBytes: number): void {
  let read: ReturnType<typeof readShared>;
  try {
    read = readShared(abs, maxBytes);
  } catch (e) {
    workspace.setFileProblem(rel, problem(rel, `File could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`));
    return;
  }
  const decoded = 'bytes' in read ? decodeText(read.bytes, maxBytes) : { problem: tooLarge(read.tooLarge, maxBytes) };
  if ('text' in decoded) workspace.setMarkdown(rel, decoded.text);
  else workspace.setFileProblem(rel, problem(rel, decoded.problem));
}

/** Loads the configuration and walks the folder: every file is known, no Markdown file is read yet. */
export async function scanFolder(root: string, options: LoadOptions = {}): Promise<ScannedFolder> {
  const { config, configPath, diagnostics } = await loadConfig(root, options.settings);
  const workspace = new IsmsWorkspace(config, diagnostics, configPath);
  const markdown: [string, string][] = [];
  options.onConfig?.(workspace, markdown);
  const exclude = new GlobSet(config.exclude);
  const realRoot = await fs.realpath(root);

  async function walk(relDir: string): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(nodePath.join(root, relDir), { withFileTypes: true });
    } catch (e) {
      options.log?.(`skipped folder ${relDir || '.'}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      return;
    }
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!exclude.matches(`${rel}/`) && !exclude.excludesFolder(rel)) await walk(rel);
        continue;
      }
      if (exclude.matches(rel)) continue;
      const abs = nodePath.join(root, rel);
      if (entry.isSymbolicLink()) {
        // Follow a symlink only when it stays inside the workspace; never read what lies outside.
        const target = await fs.realpath(abs).catch(() => undefined);
        const inside = target !== undefined && (target === realRoot || target.startsWith(realRoot + nodePath.sep));
        const stat = inside ? await fs.stat(target!).catch(() => undefined) : undefined;
        if (!inside || !stat) {
          if (isMarkdownPath(rel)) workspace.setFileProblem(rel, problem(rel, target === undefined ? 'Symbolic link is broken; it was not checked.' : 'Symbolic link points outside the workspace; it was not read.'));
          else options.log?.(`skipped symlink ${rel}`);
          continue;
        }
        if (stat.isDirectory()) continue;
      } else if (!entry.isFile()) continue;
      if (isMarkdownPath(rel)) markdown.push([rel, abs]);
      else workspace.addFile(rel);
    }
  }

  await walk('');
  return { workspace, markdown };
}
