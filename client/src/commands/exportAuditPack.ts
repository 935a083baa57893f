// "ISMS: Export Audit Pack": `isms export` in the editor. The server renders the pack (isms/exportAuditPack: the
// static index.html and the evidence files it links to); this writes it with the editor's file system into a
// folder the user picks. A folder holding anything but an earlier pack is never written into: the pack goes into a
// new folder inside it instead, when the user agrees.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { ExportAuditPackResult } from '../../../server/src/protocol';
import { SERVER_NOT_RUNNING, commandFolder, optionsArg, reportingFailure, uriArg } from './commandArgs';

export interface ExportAuditPackOptions {
  /** The workspace folder of the ISMS (skips the pick). */
  folder?: vscode.Uri;
  /** The folder to write the pack into (skips the dialog). */
  output?: vscode.Uri;
  /** Replace an earlier pack in `output` without asking, and show no message afterwards. */
  confirm?: boolean;
}

const TITLE = 'ISMS: Export Audit Pack';

type OutputState = 'missing' | 'empty' | 'pack' | 'other' | 'file';

async function stateOf(uri: vscode.Uri): Promise<OutputState> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return 'missing';
  }
  if (!(stat.type & vscode.FileType.Directory)) return 'file';
  const entries = await vscode.workspace.fs.readDirectory(uri);
  if (entries.length === 0) return 'empty';
  if (!entries.some(([name]) => name === 'index.html')) return 'other';
  const index = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, 'index.html')));
  return index.includes('<title>ISMS evidence pack: ') ? 'pack' : 'other';
}

/** A name for a new pack folder inside `parent` that is not taken yet. */
async function newPackFolder(parent: vscode.Uri, ismsName: string): Promise<vscode.Uri> {
  const base = `${ismsName}-audit-pack-${new Date().toISOString().slice(0, 10)}`;
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(parent, n === 1 ? base : `${base}-${n}`);
    if ((await stateOf(uri)) === 'missing') return uri;
  }
}

/** Where to write: the folder asked for, a new folder inside it, or undefined (cancelled or refused, with a message). */
async function packFolder(output: vscode.Uri, ismsName: string, confirm: boolean): Promise<vscode.Uri | undefined> {
  const state = await stateOf(output);
  const shown = output.scheme === 'file' ? output.fsPath : output.toString();
  if (state === 'missing' || state === 'empty') return output;
  if (state === 'file') {
    void vscode.window.showErrorMessage(`${shown} is a file; the audit pack needs a folder.`);
    return undefined;
  }
  if (state === 'pack') {
    if (confirm) return output;
    const answer = await vscode.window.showWarningMessage(`${shown} holds an earlier audit pack. Replace it?`, { modal: true }, 'Replace');
    return answer === 'Replace' ? output : undefined;
  }
  if (confirm) {
    void vscode.window.showErrorMessage(`${shown} is not empty and holds no earlier audit pack; the pack was not written there.`);
    return undefined;
  }
  const inside = await newPackFolder(output, ismsName);
  const name = inside.path.replace(/^.*\//, '');
  const answer = await vscode.window.showWarningMessage(
    `${shown} is not empty. Write the pack into a new folder "${name}" inside it?`,
    { modal: true, detail: 'Files already in the folder are never replaced by the pack.' },
    'Create Folder',
  );
  return answer === 'Create Folder' ? inside : undefined;
}

async function writePack(target: vscode.Uri, pack: ExportAuditPackResult, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<void> {
  const fs = vscode.workspace.fs;
  // Evidence copies of an earlier pack may be stale (a file no longer linked): start that part afresh.
  const files = vscode.Uri.joinPath(target, 'files');
  if ((await stateOf(files)) !== 'missing') await fs.delete(files, { recursive: true, useTrash: false });
  await fs.createDirectory(target);
  for (const file of pack.files) {
    const destination = vscode.Uri.joinPath(target, ...file.path.split('/'));
    progress.report({ message: file.path, increment: 100 / pack.files.length });
    await fs.createDirectory(vscode.Uri.joinPath(destination, '..'));
    if ('text' in file) await fs.writeFile(destination, new TextEncoder().encode(file.text));
    else await fs.copy(vscode.Uri.parse(file.copyFrom), destination, { overwrite: true });
  }
}

/** Returns the pack's index.html, or undefined when nothing was written. */
async function exportAuditPack(server: IsmsServer, options: ExportAuditPackOptions): Promise<vscode.Uri | undefined> {
  const folder = await commandFolder(options.folder, 'Folder of the ISMS to export');
  if (!folder) return undefined;
  let output = options.output;
  if (!output) {
    const chosen = await vscode.window.showOpenDialog({
      title: `${TITLE}: folder for the pack of ${folder.name}`,
      openLabel: 'Export Here',
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      // Beside the ISMS rather than in it: a pack is a snapshot to hand over, not part of the ISMS.
      defaultUri: vscode.Uri.joinPath(folder.uri, '..'),
    });
    output = chosen?.[0];
  }
  if (!output) return undefined;
  const target = await packFolder(output, folder.name, options.confirm === true);
  if (!target) return undefined;

  const done = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting the audit pack of ${folder.name}`, cancellable: true },
    async (progress, token): Promise<ExportAuditPackResult | 'failed' | undefined> => {
      progress.report({ message: 'checking and rendering the ISMS…' });
      const pack = await server.request('isms/exportAuditPack', { rootUri: folder.uri.toString() }, token);
      if (token.isCancellationRequested) return undefined;
      if (!pack) {
        void vscode.window.showErrorMessage(pack === null ? `The ISMS language server has not loaded ${folder.name}; try again once it has.` : SERVER_NOT_RUNNING);
        return 'failed';
      }
      await writePack(target, pack, progress);
      return pack;
    },
  );
  if (!done || done === 'failed') return undefined;
  const index = vscode.Uri.joinPath(target, 'index.html');
  if (!options.confirm) {
    const reveal = vscode.env.uiKind === vscode.UIKind.Desktop && index.scheme === 'file' ? ['Reveal'] : [];
    void vscode.window.showInformationMessage(`Exported the audit pack of ${folder.name}: ${done.summary}.`, 'Open in Browser', ...reveal).then((action) => {
      if (action === 'Open in Browser') void vscode.env.openExternal(index);
      else if (action === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', index);
    });
  }
  return index;
}

export function registerExportAuditPack(server: IsmsServer): vscode.Disposable {
  return vscode.commands.registerCommand('isms.exportAuditPack', (arg?: unknown) => {
    const o = optionsArg(arg);
    const options: ExportAuditPackOptions = { folder: uriArg(o.folder), output: uriArg(o.output), confirm: o.confirm === true };
    return reportingFailure(TITLE, () => exportAuditPack(server, options));
  });
}
