// Rename a risk ID or a document ID: its declaration and every reference in the workspace, in open and closed
// files alike. Anything else (control IDs, plain words) is refused in prepareRename with a reason.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Feature } from './context';
import { cancelled, ChangedOnDiskError, documentAt, editableTextSource, textSource, throwIfCancelled, toWorkspaceEdit, type At } from './shared';
import { prepareRename, renameEdits, validateNewId } from '../engine/query/rename';
import type { ServerContext } from './context';
import type { Position } from '../engine/model';

async function prepare(ctx: ServerContext, uri: string, position: Position): Promise<{ at: At; result: ReturnType<typeof prepareRename> } | undefined> {
  const at = await documentAt(ctx, uri);
  if (!at) return undefined;
  const text = await textSource(ctx, at.root)(at.path);
  if (text === undefined) return undefined;
  return { at, result: prepareRename(at.root.workspace, at.doc, position, text) };
}

export const rename: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register(ctx) {
    ctx.connection.onPrepareRename(async (params) => {
      const prepared = await prepare(ctx, params.textDocument.uri, params.position);
      if (!prepared) return null;
      if ('error' in prepared.result) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.result.error);
      return { range: prepared.result.range, placeholder: prepared.result.placeholder };
    });
    ctx.connection.onRenameRequest(async (params, token) => {
      const prepared = await prepare(ctx, params.textDocument.uri, params.position);
      throwIfCancelled(token);
      if (!prepared) return null;
      const { at, result } = prepared;
      if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      const problem = validateNewId(at.root.workspace, result.target, params.newName);
      if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
      const edits = await renameEdits(at.root.workspace, result.target, params.newName, editableTextSource(ctx, at.root), cancelled(token)).catch((e: unknown) => {
        throw e instanceof ChangedOnDiskError ? new ResponseError(LSPErrorCodes.RequestFailed, e.message) : e;
      });
      throwIfCancelled(token);
      return toWorkspaceEdit(ctx, at.root, edits);
    });
  },
};
