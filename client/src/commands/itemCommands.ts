// Commands on tree items (view/item/context): create a missing locker item from its template, insert a missing
// scope section with the server's quick fix, preview a document, copy an ID.
import * as vscode from 'vscode';
import type { Node } from '../views/tree';

/** Inserts a missing clause 4.3 section through the server's `scope-missing-section` quick fix. */
export async function insertScopeSection(node: Node | undefined): Promise<boolean> {
  const uri = node?.data?.uri ? vscode.Uri.parse(node.data.uri) : undefined;
  const title = node?.data?.title;
  if (!uri || !title) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const diagnostic = vscode.languages
    .getDiagnostics(uri)
    .find((d) => d.source === 'isms' && (typeof d.code === 'object' ? d.code.value : d.code) === 'scope-missing-section' && d.message.includes(`"${title}"`));
  if (!diagnostic) {
    void vscode.window.showInformationMessage(`The scope already has a "${title}" section, or it has not been checked yet.`);
    return false;
  }
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions?.find((a) => a.title === `Insert a "${title}" section`);
  if (!action?.edit) return false;
  const applied = await vscode.workspace.applyEdit(action.edit);
  const editor = vscode.window.activeTextEditor;
  if (applied && editor?.document.uri.toString() === uri.toString()) {
    const line = editor.document.getText().split('\n').findIndex((l) => l === `## ${title}`);
    if (line >= 0) {
      editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
      editor.revealRange(new vscode.Range(line, 0, line + 2, 0));
    }
  }
  return applied;
}

export async function copyId(node: Node | undefined): Promise<void> {
  const id = node?.data?.id;
  if (!id) return;
  await vscode.env.clipboard.writeText(id);
  void vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
}
