// Loads a workspace folder from disk (Node only; the CLI and the language server use it). Walks the folder
// without following symlinks out of it, honours `exclude`, and never throws on a bad file.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from '../model';
import { START_RANGE } from '../model';
import { CONFIG_FILE_NAMES, parseConfigFile, resolveConfig } from '../config/load';
import { GlobSet } from '../util/glob';
import { IsmsWorkspace, isMarkdownPath } from './workspace';
import { decodeText } from './textFile';

export interface LoadOptions {
  /** Editor settings, applied before `.isms.yaml`. */
  settings?: unknown;
  /** Called for files skipped with a note (unreadable folders and the like). */
  log?: (message: string) => void;
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
  const { config, configPath, diagnostics } = await loadConfig(root, options.settings);
  const workspace = new IsmsWorkspace(config, diagnostics, configPath);
  const exclude = new GlobSet(config.exclude);
  const realRoot = await fs.realpath(root);
  const maxBytes = config.maxFileSizeKb * 1024;
  const markdown: [string, string][] = [];

  const problem = (path: string, message: string): Diagnostic => ({ path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message });

  async function readMarkdown(rel: string, abs: string): Promise<void> {
    try {
      const bytes = await fs.readFile(abs);
      const decoded = decodeText(bytes, maxBytes);
      if ('text' in decoded) workspace.setMarkdown(rel, decoded.text);
      else workspace.setFileProblem(rel, problem(rel, decoded.problem));
    } catch (e) {
      workspace.setFileProblem(rel, problem(rel, `File could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`));
    }
  }

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
  // A bounded number of reads in flight keeps file descriptors well under the OS limit in huge folders.
  let next = 0;
  const worker = async () => {
    while (next < markdown.length) {
      const [rel, abs] = markdown[next++];
      await readMarkdown(rel, abs);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return workspace;
}
