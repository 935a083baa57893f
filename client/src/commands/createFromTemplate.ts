// "ISMS: Create ISMS from Template": writes the starter ISMS (templates/starter: scope, policies, risk
// methodology, register and treatment plan, an SoA of all 93 controls, objectives, records, the first audit and
// management review) into a folder, with today's dates and the organisation's name, as one workspace edit the user
// can undo. Existing files are never overwritten, and nothing is written outside the workspace folders (through a
// symbolic link, say). With no folder open, it asks for one and opens it afterwards.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import { fillTemplate, yamlText } from '../templates/render';
import { pickFolder } from './newDocument';
import { createFiles, exists, workspaceFolderOf } from './createFiles';

async function listFiles(dir: vscode.Uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (type === vscode.FileType.Directory) out.push(...(await listFiles(vscode.Uri.joinPath(dir, name), `${prefix}${name}/`)));
    else out.push(`${prefix}${name}`);
  }
  return out.sort();
}

export interface CreateIsmsOptions {
  /** Target folder (skips the folder prompt). */
  folder?: vscode.Uri;
  organisation?: string;
  /** Do not ask before adding to a folder that already holds ISMS documents. */
  force?: boolean;
}

/** Returns the files written (relative paths), or undefined when cancelled. */
export async function createFromTemplate(context: vscode.ExtensionContext, server: IsmsServer, options: CreateIsmsOptions = {}): Promise<string[] | undefined> {
  let target = options.folder ?? (await pickFolder('Folder to create the ISMS in'))?.uri;
  let openAfter = false;
  if (!target) {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create ISMS Here', title: 'ISMS: Create ISMS from Template' });
    if (!chosen?.[0]) return undefined;
    target = chosen[0];
    openAfter = true;
  }
  // Only inside the workspace folder it belongs to; the folder picked with no folder open becomes the workspace.
  const allowed = openAfter ? target : workspaceFolderOf(target)?.uri;
  if (!allowed) {
    void vscode.window.showWarningMessage(`ISMS: Create ISMS from Template: ${target.fsPath || target.toString()} is outside the workspace folders; nothing was written. Open it as a folder first.`);
    return undefined;
  }
  if (!options.force && !openAfter) {
    const locker = await server.request('isms/evidenceLocker', { rootUri: target.toString() });
    const existing = locker?.roots[0]?.ismsDocuments ?? 0;
    if (existing > 0) {
      const answer = await vscode.window.showWarningMessage(
        `This folder already holds ${existing} ISMS document${existing === 1 ? '' : 's'}. Add the starter files that do not exist yet? Existing files are not changed.`,
        { modal: true },
        'Add Missing Files',
      );
      if (answer !== 'Add Missing Files') return undefined;
    }
  }
  const folderName = target.path.replace(/\/+$/, '').replace(/^.*\//, '');
  const organisation =
    options.organisation ??
    (await vscode.window.showInputBox({ title: 'ISMS: Create ISMS from Template', prompt: 'Name of the organisation', value: folderName.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()) || 'Example Ltd' }));
  if (organisation === undefined) return undefined;

  const starter = vscode.Uri.joinPath(context.extensionUri, 'templates', 'starter');
  const now = new Date();
  const files: { rel: string; uri: vscode.Uri; text: string }[] = [];
  let kept = 0;
  for (const rel of await listFiles(starter)) {
    const destRel = fillTemplate(rel, {}, now);
    const dest = vscode.Uri.joinPath(target, ...destRel.split('/'));
    if (await exists(dest)) {
      kept++;
      continue;
    }
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(starter, ...rel.split('/'))));
    files.push({ rel: destRel, uri: dest, text: fillTemplate(text, { organisation: yamlText(organisation.trim() || 'Example Ltd') }, now) });
  }
  const result = await createFiles(files, [allowed], 'Create ISMS from Template');
  if ('refused' in result) {
    void vscode.window.showWarningMessage(`ISMS: Create ISMS from Template: ${result.refused}`);
    return undefined;
  }
  const written = files.map((f) => f.rel);
  if (openAfter) {
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
    return written;
  }
  const unchanged = kept ? ` ${kept} existing file${kept === 1 ? ' was' : 's were'} left unchanged.` : '';
  void vscode.window.showInformationMessage(`Created ${written.length} ISMS file${written.length === 1 ? '' : 's'} in ${folderName}.${unchanged} Start with the scope, then the risk assessment and the Statement of Applicability.`);
  // In a workspace folder the views fill up; start with the scope.
  if (vscode.workspace.getWorkspaceFolder(target)) {
    if (written.includes('00-scope.md')) await vscode.window.showTextDocument(vscode.Uri.joinPath(target, '00-scope.md'), { preview: false });
    void vscode.commands.executeCommand('workbench.view.extension.isms');
  }
  return written;
}
