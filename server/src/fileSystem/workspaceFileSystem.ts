// How the language server reaches the files of its workspace folders. The Node server reads the disk itself
// (nodeFileSystem.ts); the browser build, and the Node server for folders that are not on disk (virtual
// workspaces such as github.dev), ask the client through the isms/fs/* requests (clientFileSystem.ts).
import type { LoadOptions, ScannedFolder } from '../engine/workspace/loader';

/** A workspace folder: its URI as the client sent it, and that URI's file-system path. */
export interface RootLocation {
  uri: string;
  fsPath: string;
}

export interface WorkspaceFileSystem {
  /**
   * Reads the root's configuration and lists its Markdown and other files, honouring `exclude`; no Markdown
   * file is read yet.
   */
  scanFolder(root: RootLocation, options: LoadOptions): Promise<ScannedFolder>;
  /** Reads and parses a scanned folder's Markdown files (over `maxFileSizeKb`: a finding instead). */
  readMarkdownFiles(root: RootLocation, scanned: ScannedFolder, options: Pick<LoadOptions, 'onProgress'>): Promise<void>;
  /** A file's bytes; undefined when it is missing or cannot be read. */
  readFile(uri: string): Promise<Uint8Array | undefined>;
  /** A document's '/'-separated path inside a root, or undefined when it lies outside. */
  relative(root: RootLocation, docUri: string): string | undefined;
  /** The URI of a '/'-separated path inside a root. */
  uriOf(root: RootLocation, path: string): string;
  /** The folder to check a document in when it lies outside every workspace folder; undefined: not checked. */
  folderOf(docUri: string): string | undefined;
}

/** Roots and documents on disk (`file:` URIs) through `local`, any other scheme through `other`. */
export function byScheme(local: WorkspaceFileSystem, other: WorkspaceFileSystem): WorkspaceFileSystem {
  // A prefix test, not URI.parse: this runs for every URI the server maps.
  const pick = (uri: string) => (/^file:/i.test(uri) ? local : other);
  return {
    scanFolder: (root, options) => pick(root.uri).scanFolder(root, options),
    readMarkdownFiles: (root, scanned, options) => pick(root.uri).readMarkdownFiles(root, scanned, options),
    readFile: (uri) => pick(uri).readFile(uri),
    relative: (root, docUri) => pick(root.uri).relative(root, docUri),
    uriOf: (root, path) => pick(root.uri).uriOf(root, path),
    folderOf: (docUri) => pick(docUri).folderOf(docUri),
  };
}
