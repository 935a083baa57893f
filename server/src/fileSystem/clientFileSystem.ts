// The workspace's files read through the client (isms/fs/* requests, ../protocol.ts), for the browser build and
// for folders that are not on disk. One request lists a folder, one reads a batch of files, so a large folder
// costs tens of round trips, not thousands. No Node APIs.
import { URI, Utils } from 'vscode-uri';
import { IsmsWorkspace, isMarkdownPath } from '../engine/workspace/workspace';
import { addMarkdownFile, ExcludeFilter, isInside, loadConfigFrom, nestedRootsOf, settleNestedRoots, unreadableFile, type LoadOptions, type ScannedFolder } from '../engine/workspace/loader';
import type { IsmsFileRequests } from '../protocol';
import type { RootLocation, WorkspaceFileSystem } from './workspaceFileSystem';

/** Sends one of the file requests to the client (connection.sendRequest). */
export type SendFileRequest = <M extends keyof IsmsFileRequests>(method: M, params: IsmsFileRequests[M]['params']) => Promise<IsmsFileRequests[M]['result']>;

/** Files read per isms/fs/readFiles request. */
const BATCH = 100;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class ClientFileSystem implements WorkspaceFileSystem {
  constructor(
    private readonly send: SendFileRequest,
    private readonly log: (message: string) => void,
  ) {}

  async scanFolder(root: RootLocation, options: LoadOptions): Promise<ScannedFolder> {
    // Like `fs.readFile(path, 'utf8')`: invalid bytes become U+FFFD and a byte-order mark is kept.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const readText = async (name: string) => {
      const bytes = await this.readFile(this.uriOf(root, name));
      return bytes && decoder.decode(bytes);
    };
    const { config, configPath, configText, diagnostics } = await loadConfigFrom(readText, options.settings);
    const workspace = new IsmsWorkspace(config, diagnostics, configPath, configText);
    const markdown: [string, string][] = [];
    options.onConfig?.(workspace, markdown);
    let uris: unknown;
    try {
      uris = (await this.send('isms/fs/findFiles', { baseUri: root.uri, exclude: [...config.exclude] }))?.uris;
    } catch (e) {
      this.log(`could not list the files of ${root.uri}: ${message(e)}`);
    }
    const exclude = new ExcludeFilter(config.exclude);
    const files: [string, string][] = [];
    for (const uri of Array.isArray(uris) ? uris : []) {
      const rel = typeof uri === 'string' ? this.relative(root, uri) : undefined;
      if (rel !== undefined && !exclude.excludes(rel)) files.push([rel, uri as string]);
    }
    // Sorted, so a folder loads the same whatever order the client's search returns.
    files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const nested = nestedRootsOf(files.map(([rel]) => rel));
    for (const file of files) {
      if (nested.some((folder) => isInside(file[0], folder))) continue; // a nested ISMS's own file
      if (isMarkdownPath(file[0], config.markdownExtensions)) markdown.push(file);
      else workspace.addFile(file[0]);
    }
    const scanned: ScannedFolder = { workspace, markdown };
    settleNestedRoots(scanned, nested);
    return scanned;
  }

  async readMarkdownFiles(_root: RootLocation, scanned: ScannedFolder, options: Pick<LoadOptions, 'onProgress'>): Promise<void> {
    const { workspace, markdown } = scanned;
    const maxBytes = workspace.config.maxFileSizeKb * 1024;
    for (let start = 0; start < markdown.length; start += BATCH) {
      const batch = markdown.slice(start, start + BATCH);
      const results = await this.read(batch.map(([, uri]) => uri), maxBytes);
      batch.forEach(([rel], i) => {
        const result = results[i];
        if ('error' in result) workspace.setFileProblem(rel, unreadableFile(rel, `File could not be read (${result.error}).`));
        else addMarkdownFile(workspace, rel, result, maxBytes);
      });
      options.onProgress?.(Math.min(start + BATCH, markdown.length), markdown.length);
    }
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    const [result] = await this.read([uri], Number.MAX_SAFE_INTEGER);
    return 'bytes' in result ? result.bytes : undefined;
  }

  /** One result per URI, whatever the client answers (a failed request or a malformed answer: an error each). */
  private async read(uris: string[], maxBytes: number): Promise<({ bytes: Uint8Array } | { tooLarge: number } | { error: string })[]> {
    let files: unknown;
    let failure = 'no answer from the editor';
    try {
      files = (await this.send('isms/fs/readFiles', { uris, maxBytes }))?.files;
    } catch (e) {
      failure = message(e);
    }
    return uris.map((_uri, i) => {
      const r = Array.isArray(files) ? (files[i] as Partial<Record<'base64' | 'tooLarge' | 'error', unknown>> | undefined) : undefined;
      if (typeof r?.base64 === 'string') {
        try {
          return { bytes: fromBase64(r.base64) };
        } catch {
          return { error: 'the editor sent malformed base64' };
        }
      }
      if (typeof r?.tooLarge === 'number') return { tooLarge: r.tooLarge };
      return { error: typeof r?.error === 'string' ? r.error : failure };
    });
  }

  relative(root: RootLocation, docUri: string): string | undefined {
    const base = URI.parse(root.uri);
    const doc = URI.parse(docUri);
    if (doc.scheme !== base.scheme || doc.authority !== base.authority) return undefined;
    const prefix = base.path.endsWith('/') ? base.path : `${base.path}/`;
    if (!doc.path.startsWith(prefix)) return undefined;
    const rel = doc.path.slice(prefix.length);
    return rel && !rel.split('/').some((part) => part === '' || part === '.' || part === '..') ? rel : undefined;
  }

  uriOf(root: RootLocation, path: string): string {
    return Utils.joinPath(URI.parse(root.uri), ...path.split('/')).toString();
  }

  /** Only workspace folders are listed through the client: a document outside them is not checked. */
  folderOf(_docUri: string): string | undefined {
    return undefined;
  }
}
