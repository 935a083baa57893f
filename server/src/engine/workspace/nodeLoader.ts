// Loads a workspace folder from disk (Node only; the CLI and the language server use it). Walks the folder
// without following symlinks out of it, honours `exclude`, and never throws on a bad file.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { IsmsWorkspace, isMarkdownPath } from './workspace';
import { readShared } from './readShared';
import { addMarkdownFile, ExcludeFilter, loadConfigFrom, settleNestedRoots, unreadableFile, type LoadOptions, type ScannedFolder } from './loader';
import { CONFIG_FILE_NAMES } from '../config/load';

export type { LoadOptions, ScannedFolder } from './loader';

/** Reads `.isms.yaml` (if any) and builds the effective configuration for a root folder. */
export async function loadConfig(root: string, settings?: unknown) {
  return loadConfigFrom((name) => fs.readFile(nodePath.join(root, name), 'utf8').catch(() => undefined), settings);
}

export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<IsmsWorkspace> {
  const scanned = await scanFolder(root, options);
  await readMarkdownFiles(scanned, options);
  return scanned.workspace;
}

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
    workspace.setFileProblem(rel, unreadableFile(rel, `File could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`));
    return;
  }
  addMarkdownFile(workspace, rel, read, maxBytes);
}

/** Loads the configuration and walks the folder: every file is known, no Markdown file is read yet. */
export async function scanFolder(root: string, options: LoadOptions = {}): Promise<ScannedFolder> {
  const { config, configPath, configText, diagnostics } = await loadConfig(root, options.settings);
  const workspace = new IsmsWorkspace(config, diagnostics, configPath, configText);
  const markdown: [string, string][] = [];
  options.onConfig?.(workspace, markdown);
  const exclude = new ExcludeFilter(config.exclude);
  const realRoot = await fs.realpath(root);

  const nested: string[] = [];

  async function walk(relDir: string): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(nodePath.join(root, relDir), { withFileTypes: true });
    } catch (e) {
      options.log?.(`skipped folder ${relDir || '.'}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      return;
    }
    // A folder with its own configuration file is an ISMS of its own: its files are its, not this workspace's.
    if (relDir && entries.some((e) => !e.isDirectory() && CONFIG_FILE_NAMES.includes(e.name))) {
      nested.push(relDir);
      return;
    }
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!exclude.folderExcluded(rel)) await walk(rel);
        continue;
      }
      if (exclude.fileMatches(rel)) continue;
      const abs = nodePath.join(root, rel);
      if (entry.isSymbolicLink()) {
        // Follow a symlink only when it stays inside the workspace; never read what lies outside.
        const target = await fs.realpath(abs).catch(() => undefined);
        const inside = target !== undefined && (target === realRoot || target.startsWith(realRoot + nodePath.sep));
        const stat = inside ? await fs.stat(target!).catch(() => undefined) : undefined;
        if (!inside || !stat) {
          if (isMarkdownPath(rel, config.markdownExtensions)) workspace.setFileProblem(rel, unreadableFile(rel, target === undefined ? 'Symbolic link is broken; it was not checked.' : 'Symbolic link points outside the workspace; it was not read.'));
          else options.log?.(`skipped symlink ${rel}`);
          continue;
        }
        if (stat.isDirectory()) continue;
      } else if (!entry.isFile()) continue;
      if (isMarkdownPath(rel, config.markdownExtensions)) markdown.push([rel, abs]);
      else workspace.addFile(rel);
    }
  }

  await walk('');
  const scanned: ScannedFolder = { workspace, markdown };
  settleNestedRoots(scanned, nested);
  return scanned;
}

/** One ISMS found under a folder: its path relative to that folder ('' for the folder itself) and its workspace. */
export interface LoadedRoot {
  path: string;
  workspace: IsmsWorkspace;
}

/**
 * Loads a folder and every ISMS nested in it (a folder with its own `.isms.yaml`), each as a workspace of its own;
 * a folder without configuration that holds nested ISMSs is only their container and is not checked itself.
 */
export async function loadWorkspaces(root: string, options: LoadOptions = {}): Promise<LoadedRoot[]> {
  const scanned = await scanFolder(root, options);
  await readMarkdownFiles(scanned, options);
  const found: LoadedRoot[] = scanned.container ? [] : [{ path: '', workspace: scanned.workspace }];
  for (const folder of scanned.nestedRoots ?? []) {
    for (const inner of await loadWorkspaces(nodePath.join(root, folder), options)) found.push({ path: inner.path ? `${folder}/${inner.path}` : folder, workspace: inner.workspace });
  }
  return found;
}
