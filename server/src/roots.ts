// The server's view of the workspace folders: one IsmsWorkspace per root (each root is its own ISMS), loaded
// from disk, with open editors' text layered on top and kept current from file-watcher events.
import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import { IsmsWorkspace, isMarkdownPath } from './engine/workspace/workspace';
import { loadWorkspace } from './engine/workspace/nodeLoader';
import { decodeText } from './engine/workspace/textFile';
import { CONFIG_FILE_NAMES } from './engine/config/load';
import { START_RANGE } from './engine/model';
import { promises as fs } from 'node:fs';

export interface Root {
  /** Folder URI as the client sent it. */
  uri: string;
  fsPath: string;
  workspace: IsmsWorkspace;
}

export class Roots {
  private roots: Root[] = [];
  /** Text of documents open in the editor, which wins over what is on disk. */
  private readonly open = new Map<string, string>();

  constructor(
    private readonly settings: (rootUri: string) => Promise<unknown>,
    private readonly log: (message: string) => void,
  ) {}

  all(): readonly Root[] {
    return this.roots;
  }

  async setFolders(folderUris: string[]): Promise<void> {
    this.roots = await Promise.all(folderUris.map((uri) => this.load(uri)));
  }

  async reload(root: Root): Promise<Root> {
    const fresh = await this.load(root.uri);
    this.roots = this.roots.map((r) => (r.uri === root.uri ? fresh : r));
    return fresh;
  }

  private async load(uri: string): Promise<Root> {
    const fsPath = URI.parse(uri).fsPath;
    const started = Date.now();
    const workspace = await loadWorkspace(fsPath, { settings: await this.settings(uri), log: this.log });
    for (const [docUri, text] of this.open) {
      const rel = this.relative(fsPath, docUri);
      if (rel !== undefined) workspace.setText(rel, text);
    }
    this.log(`loaded ${fsPath}: ${workspace.markdownDocuments().length} Markdown files, ${workspace.ismsDocuments().length} ISMS documents in ${Date.now() - started} ms`);
    return { uri, fsPath, workspace };
  }

  private relative(rootPath: string, docUri: string): string | undefined {
    const parsed = URI.parse(docUri);
    if (parsed.scheme !== 'file') return undefined;
    const rel = nodePath.relative(rootPath, parsed.fsPath);
    if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
    return rel.split(nodePath.sep).join('/');
  }

  /** The root a document belongs to (the innermost, for nested folders) and its path inside it. */
  locate(docUri: string): { root: Root; path: string } | undefined {
    let best: { root: Root; path: string } | undefined;
    for (const root of this.roots) {
      const path = this.relative(root.fsPath, docUri);
      if (path !== undefined && (!best || root.fsPath.length > best.root.fsPath.length)) best = { root, path };
    }
    return best;
  }

  uriOf(root: Root, path: string): string {
    if (path === '.') return root.workspace.configPath ? this.uriOf(root, root.workspace.configPath) : root.uri;
    return URI.file(nodePath.join(root.fsPath, ...path.split('/'))).toString();
  }

  /** An editor opened or changed a document. Returns the root to re-check. */
  setOpenText(docUri: string, text: string): Root | undefined {
    this.open.set(docUri, text);
    const at = this.locate(docUri);
    if (!at || !isMarkdownPath(at.path)) return undefined;
    at.root.workspace.setText(at.path, text);
    return at.root;
  }

  /** An editor closed a document: what is on disk counts again. */
  async closeText(docUri: string): Promise<Root | undefined> {
    this.open.delete(docUri);
    return this.refreshFromDisk(docUri);
  }

  /** A file changed, appeared or vanished on disk. Returns the root to re-check (reloaded for config changes). */
  async fileChanged(docUri: string, deleted: boolean): Promise<Root | undefined> {
    const at = this.locate(docUri);
    if (!at) return undefined;
    if (CONFIG_FILE_NAMES.includes(at.path)) return this.reload(at.root);
    if (deleted) {
      at.root.workspace.removeFile(at.path);
      return at.root;
    }
    if (this.open.has(docUri)) return undefined; // the editor's text wins until it is closed
    return this.refreshFromDisk(docUri);
  }

  private async refreshFromDisk(docUri: string): Promise<Root | undefined> {
    const at = this.locate(docUri);
    if (!at) return undefined;
    const { workspace } = at.root;
    const abs = URI.parse(docUri).fsPath;
    const bytes = await fs.readFile(abs).catch(() => undefined);
    if (bytes === undefined) {
      workspace.removeFile(at.path);
      return at.root;
    }
    if (!isMarkdownPath(at.path)) {
      workspace.addFile(at.path);
      return at.root;
    }
    const decoded = decodeText(bytes, workspace.config.maxFileSizeKb * 1024);
    if ('text' in decoded) workspace.setMarkdown(at.path, decoded.text);
    else workspace.setFileProblem(at.path, { path: at.path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message: decoded.problem });
    return at.root;
  }
}
