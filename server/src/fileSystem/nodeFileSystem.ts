// The workspace's files read from disk (Node only): the folder walk and synchronous batch reads of
// engine/workspace/nodeLoader.ts, and Node path semantics for mapping URIs to workspace paths.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import { readMarkdownFiles, scanFolder } from '../engine/workspace/nodeLoader';
import type { WorkspaceFileSystem } from './workspaceFileSystem';

export const nodeFileSystem: WorkspaceFileSystem = {
  scanFolder: (root, options) => scanFolder(root.fsPath, options),
  readMarkdownFiles: (_root, scanned, options) => readMarkdownFiles(scanned, options),
  readFile: async (uri) => fs.readFile(URI.parse(uri).fsPath).catch(() => undefined),
  relative(root, docUri) {
    const parsed = URI.parse(docUri);
    if (parsed.scheme !== 'file') return undefined;
    const rel = nodePath.relative(root.fsPath, parsed.fsPath);
    if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
    return rel.split(nodePath.sep).join('/');
  },
  uriOf: (root, path) => URI.file(nodePath.join(root.fsPath, ...path.split('/'))).toString(),
  folderOf(docUri) {
    const parsed = URI.parse(docUri);
    return parsed.scheme === 'file' ? URI.file(nodePath.dirname(parsed.fsPath)).toString() : undefined;
  },
};
