// New files from the commands that create them (New Document…, Create ISMS from Template): one workspace edit
// (create + insert, so Ctrl+Z takes it back), never over an existing file, only inside the allowed folder (a
// workspace folder, or the folder the user picked to create an ISMS in) and never through a symbolic link.
import * as vscode from 'vscode';

export interface NewFile {
  uri: vscode.Uri;
  text: string;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `name.md` in `folder`, or `name-2.md`, `name-3.md`... when taken. */
export async function uniqueUri(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? `${name}.md` : `${name}-${n}.md`);
    if (!(await exists(uri))) return uri;
  }
}

const inside = (uri: vscode.Uri, folder: vscode.Uri) =>
  uri.scheme === folder.scheme && uri.authority === folder.authority && (uri.path + '/').startsWith(folder.path.replace(/\/+$/, '') + '/');

/** The workspace folder `uri` lies in, if any. */
export function workspaceFolderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (vscode.workspace.workspaceFolders ?? []).find((f) => inside(uri, f.uri));
}

/**
 * Why `uri` may not be written, or undefined: it lies outside every allowed folder, or one of the existing folders
 * on its way (or the file itself) is a symbolic link, which could lead anywhere on the disk.
 */
export async function refusal(uri: vscode.Uri, allowed: readonly vscode.Uri[]): Promise<string | undefined> {
  const root = allowed.find((f) => inside(uri, f));
  if (!root) return `${uri.fsPath || uri.toString()} is outside the workspace folders`;
  let at = root;
  for (const segment of uri.path.slice(root.path.replace(/\/+$/, '').length).split('/').filter(Boolean)) {
    at = vscode.Uri.joinPath(at, segment);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(at);
    } catch {
      return undefined; // it does not exist yet, so neither does anything below it
    }
    if (stat.type & vscode.FileType.SymbolicLink) return `${vscode.workspace.asRelativePath(at, true)} is a symbolic link`;
  }
  return undefined;
}

export type CreateResult = { created: vscode.Uri[] } | { refused: string };

/**
 * Creates the files in one workspace edit and saves them. Refuses (writing nothing) when one is outside the
 * allowed folders, behind a symbolic link, or already exists; the edit itself is told not to overwrite either,
 * so a file appearing meanwhile fails the whole edit instead of being replaced.
 */
export async function createFiles(files: readonly NewFile[], allowed: readonly vscode.Uri[], label: string): Promise<CreateResult> {
  for (const file of files) {
    const why = (await refusal(file.uri, allowed)) ?? ((await exists(file.uri)) ? `${vscode.workspace.asRelativePath(file.uri, true)} already exists` : undefined);
    if (why) return { refused: `${why}; nothing was written.` };
  }
  if (files.length === 0) return { created: [] };
  const edit = new vscode.WorkspaceEdit();
  for (const file of files) {
    // The label names the step in Undo's confirmation when it spans several files.
    edit.createFile(file.uri, { overwrite: false, ignoreIfExists: false }, { label, needsConfirmation: false });
    edit.insert(file.uri, new vscode.Position(0, 0), file.text, { label, needsConfirmation: false });
  }
  if (!(await vscode.workspace.applyEdit(edit))) return { refused: 'The editor did not apply the edit (a file may have appeared meanwhile); nothing was written.' };
  // Saved, so the checker and git see them; the edit stays on the undo stack.
  for (const file of files) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri.toString()) ?? (await vscode.workspace.openTextDocument(file.uri));
    if (doc.isDirty) await doc.save();
  }
  return { created: files.map((f) => f.uri) };
}
