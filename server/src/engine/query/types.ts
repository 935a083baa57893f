// What editor queries return: places and edits by workspace-relative path, free of any editor API, so the
// language server adapts them to LSP and the CLI or tests can use them directly.
import type { Range } from '../model';

export interface Location {
  path: string;
  range: Range;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FileEdit {
  path: string;
  edits: TextEdit[];
}

/** Reads a workspace file's current text (the editor's when open); undefined when it cannot be read. */
export type TextSource = (path: string) => Promise<string | undefined>;
