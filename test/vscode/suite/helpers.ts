// Shared by the in-editor suites: the extension's API (what activate() returns), the example workspace, waiting,
// and putting documents back as they were.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IsmsExtensionApi } from '../../../client/src/extension';
import type { Node } from '../../../client/src/views/tree';
import expected from '../expected-faults.json';

export const EXT_ID = expected.extensionId;

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder is open');
  return f;
}

export const uriOf = (rel: string) => vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
export const rel = (uri: vscode.Uri) => path.posix.relative(folder().uri.path, uri.path);

export async function api(): Promise<IsmsExtensionApi> {
  const ext = vscode.extensions.getExtension<IsmsExtensionApi>(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not installed`);
  return ext.isActive ? ext.exports : await ext.activate();
}

export async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
export const ismsDiagnostics = (uri: vscode.Uri, code?: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'isms' && (!code || codeOf(d) === code));

/** The 0-based line of the first line containing `needle` in a workspace file (as open, or on disk). */
export async function lineOf(relPath: string, needle: string): Promise<number> {
  const doc = await vscode.workspace.openTextDocument(uriOf(relPath));
  const line = doc.getText().split(/\r?\n/).findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${relPath}`);
  return line;
}

/** Puts an open document back to its text on disk and closes its editors. */
export async function revert(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return;
  if (doc.isDirty) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await waitFor(`${rel(uri)} to be reverted`, 10_000, () => !doc.isDirty);
}

/** Runs a tree item's click command, as a click in the view does. */
export async function click(tree: vscode.TreeDataProvider<Node>, node: Node): Promise<vscode.TextEditor> {
  const item = await tree.getTreeItem(node);
  assert.ok(item.command, `${typeof node.label === 'string' ? node.label : node.label.label} has no click command`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  return waitFor('an editor after the click', 10_000, () => vscode.window.activeTextEditor);
}

export const labelOf = (n: Node) => (typeof n.label === 'string' ? n.label : n.label.label);

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
