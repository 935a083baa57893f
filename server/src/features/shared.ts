// What every feature needs to turn an LSP request into an engine query and the answer back into LSP: the
// document under the request, file text (the editor's when open, else the file's), and URI mapping.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Location as LspLocation, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { IsmsDocument } from '../engine/model';
import type { Root } from '../roots';
import { decodeText } from '../engine/workspace/textFile';
import type { FileEdit, Location, TextSource } from '../engine/query/types';
import type { ServerContext } from './context';

export interface At {
  root: Root;
  /** Workspace-relative path. */
  path: string;
  doc: IsmsDocument;
}

/** The parsed document behind a URI, read from the index as it is after pending loads. */
export async function documentAt(ctx: ServerContext, uri: string): Promise<At | undefined> {
  await ctx.ready();
  const at = ctx.roots.locate(uri);
  const doc = at?.root.workspace.getDocument(at.path);
  return at && doc ? { root: at.root, path: at.path, doc } : undefined;
}

/** File text by workspace path: the open editor's, else read from the file. */
export function textSource(ctx: ServerContext, root: Root): TextSource {
  return async (path) => {
    const uri = ctx.roots.uriOf(root, path);
    const open = ctx.documents.get(uri);
    if (open) return open.getText();
    const bytes = await ctx.roots.fs.readFile(uri);
    if (!bytes) return undefined;
    const decoded = decodeText(bytes, root.workspace.config.maxFileSizeKb * 1024);
    return 'text' in decoded ? decoded.text : undefined;
  };
}

/** A closed file changed on disk after the server last read it; the command that would edit it refuses. */
export class ChangedOnDiskError extends Error {}

/**
 * The text to compute edits from: an open document's, or a closed file's as long as it still says what the index
 * read. Otherwise it throws ChangedOnDiskError, so no edit is built from positions that no longer fit the file
 * (a branch switch whose file events have not arrived yet, say).
 */
export function editableTextSource(ctx: ServerContext, root: Root): TextSource {
  const read = textSource(ctx, root);
  return async (path) => {
    const text = await read(path);
    if (text === undefined || ctx.documents.get(ctx.roots.uriOf(root, path))) return text;
    // The configuration file's edits are found in the text read here (enableCatalog), not at positions the index holds.
    if (path === root.workspace.configPath) return text;
    if (!root.workspace.describesText(path, text)) {
      throw new ChangedOnDiskError(`${path} changed on disk since the ISMS server last read it, so nothing was edited. Try again once the server has re-read it.`);
    }
    return text;
  };
}

export function toLspLocation(ctx: ServerContext, root: Root, location: Location): LspLocation {
  return { uri: ctx.roots.uriOf(root, location.path), range: location.range };
}

/** `documentChanges` (versioned for open files) when the client supports them, else `changes` by URI. */
export function toWorkspaceEdit(ctx: ServerContext, root: Root, fileEdits: FileEdit[]): WorkspaceEdit {
  if (ctx.clientCapabilities().workspace?.workspaceEdit?.documentChanges) {
    const documentChanges: TextDocumentEdit[] = fileEdits.map((f) => {
      const uri = ctx.roots.uriOf(root, f.path);
      return { textDocument: { uri, version: ctx.documents.get(uri)?.version ?? null }, edits: f.edits };
    });
    return { documentChanges };
  }
  const changes: WorkspaceEdit['changes'] = {};
  for (const f of fileEdits) {
    const uri = ctx.roots.uriOf(root, f.path);
    changes[uri] = [...(changes[uri] ?? []), ...f.edits];
  }
  return { changes };
}

export const cancelled = (token: CancellationToken | undefined) => () => token?.isCancellationRequested === true;

/** Answers a cancelled request as LSP asks: with a RequestCancelled error instead of a stale result. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Lets queued messages (such as `$/cancelRequest`) through before long work continues. */
export { yieldToEventLoop } from '../engine/util/eventLoop';
