// Opens a file at a line: what a click on a tree item or on an ID in the preview does.
import * as vscode from 'vscode';

export async function openLocation(uri: vscode.Uri, line: number, character = 0, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const pos = new vscode.Position(Math.min(line, Math.max(0, doc.lineCount - 1)), character);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false, preview: true, selection: new vscode.Range(pos, pos) });
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerOpenLocation(): vscode.Disposable {
  return vscode.commands.registerCommand('isms.openLocation', (uri: string | vscode.Uri, line = 0, character = 0) =>
    openLocation(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, Number(line) || 0, Number(character) || 0),
  );
}
