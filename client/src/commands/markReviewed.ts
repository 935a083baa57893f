// "ISMS: Mark Reviewed": records today's review of the active document (or a tree item's) with the same edit as
// the review quick fixes, computed by the server (isms/markReviewed): `last_reviewed` today and `next_review`
// moved on by the `review_cycle`, or `reviewed_on` / `reviewed_by` for an exception.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { IsmsServer } from '../ismsServer';

export async function markReviewed(server: IsmsServer, client: () => BaseLanguageClient | undefined, target?: vscode.Uri | { data?: { uri?: string } }): Promise<boolean> {
  const uri = target instanceof vscode.Uri ? target : target?.data?.uri ? vscode.Uri.parse(target.data.uri) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Open the ISMS document you reviewed first.');
    return false;
  }
  // The server computes the edit from the editor's text: open the document so it sees the current one.
  await vscode.workspace.openTextDocument(uri);
  const result = await server.request('isms/markReviewed', { uri: uri.toString() });
  const lsp = client();
  if (!result?.edit || !lsp) {
    void vscode.window.showWarningMessage(result?.message ?? 'The ISMS language server is not running.');
    return false;
  }
  const edit = await lsp.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) void vscode.window.setStatusBarMessage(`$(check) ${result.title ?? 'Marked reviewed'}`, 5000);
  return applied;
}
