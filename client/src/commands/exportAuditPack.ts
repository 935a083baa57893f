// "ISMS: Export Audit Pack": `isms export` in the editor. The user picks the formats (HTML, PDF, Excel) and a
// folder; the server writes the pack there itself when it is on disk (isms/exportAuditPack with outputUri,
// progress in a notification with Cancel), else it hands back the HTML pack for this to write with the editor's
// file system (PDF and Excel need the desktop's Node server). A folder holding anything but an earlier pack is
// never written into: the pack goes into a new folder inside it instead, when the user agrees. Of an earlier pack
// only the files its manifest.json lists are removed; a symbolic link in the folder stops the export.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { ExportAuditPackResult } from '../../../server/src/protocol';
import { EXPORT_FORMATS, PACK_ENTRIES, earlierPack, foldersOf, type ExportFormat, type PackEntry } from '../../../server/src/engine/export/types';
import { SERVER_NOT_RUNNING, commandFolder, optionsArg, reportingFailure, uriArg } from './commandArgs';

export interface ExportAuditPackOptions {
  /** The workspace folder of the ISMS (skips the pick). */
  folder?: vscode.Uri;
  /** The folder to write the pack into (skips the dialog). */
  output?: vscode.Uri;
  /** Replace an earlier pack in `output` without asking, and show no message afterwards. */
  confirm?: boolean;
  /** The formats to write (skips the pick); default: all the editor can write. */
  formats?: ExportFormat[];
}

const FORMAT_LABELS: Record<ExportFormat, { label: string; detail: string }> = {
  html: { label: 'HTML', detail: 'index.html: every document and the findings in one static page' },
  pdf: { label: 'PDF', detail: 'one PDF per document, in a folder per clause area' },
  xlsx: { label: 'Excel', detail: 'statement-of-applicability.xlsx, risk-register.xlsx, findings.xlsx' },
};

/**
 * The formats to write: those given, all of them for a scripted call (an output folder given), else asked with a
 * multi-select pick, all ticked; undefined when cancelled.
 */
async function pickFormats(options: ExportAuditPackOptions, available: readonly ExportFormat[]): Promise<ExportFormat[] | undefined> {
  if (options.formats) return options.formats.filter((f) => available.includes(f));
  if (options.output || available.length === 1) return [...available];
  const picked = await vscode.window.showQuickPick(
    available.map((f) => ({ ...FORMAT_LABELS[f], format: f, picked: true })),
    { title: `${TITLE}: formats`, canPickMany: true, placeHolder: 'The formats to write (a manifest.json with the SHA-256 of every file is always written)' },
  );
  return picked?.length ? picked.map((p) => p.format) : undefined;
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
  // Every entry is one a pack has, and its manifest or index.html says it is a pack.
  if (!entries.every(([name]) => PACK_ENTRIES.includes(name))) return 'other';
  const text = async (name: string) => (entries.some(([n]) => n === name) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, name))) : '');
  return (await text('manifest.json')).includes('"tool": "ISMS Markdown') || (await text('index.html')).includes('<title>ISMS evidence pack: ') ? 'pack' : 'other';
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

function base64Bytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function writePack(target: vscode.Uri, pack: ExportAuditPackResult, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<void> {
  const fs = vscode.workspace.fs;
  await fs.createDirectory(target);
  for (const file of pack.files) {
    const destination = vscode.Uri.joinPath(target, ...file.path.split('/'));
    progress.report({ message: file.path, increment: 100 / pack.files.length });
    await fs.createDirectory(vscode.Uri.joinPath(destination, '..'));
    if ('text' in file) await fs.writeFile(destination, new TextEncoder().encode(file.text));
    else await fs.writeFile(destination, base64Bytes(file.base64));
  }
}

/** Every file and symbolic link below `dir`, by its path in the pack. */
async function entriesOf(dir: vscode.Uri, prefix = ''): Promise<PackEntry[]> {
  const out: PackEntry[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (type & vscode.FileType.SymbolicLink) out.push({ path, link: true });
    else if (type & vscode.FileType.Directory) out.push(...(await entriesOf(vscode.Uri.joinPath(dir, name), path)));
    else out.push({ path, link: false });
  }
  return out;
}

/**
 * An earlier pack's own files (those its manifest lists) go before a new one is written, so none goes stale; a
 * file it does not list, or a symbolic link, stops the export instead (the reason is returned). The Node server
 * does the same for a folder on disk it writes itself.
 */
async function clearEarlierPack(target: vscode.Uri): Promise<string | undefined> {
  if ((await stateOf(target)) === 'missing') return undefined;
  const entries = await entriesOf(target);
  if (entries.length === 0) return undefined;
  const manifest = entries.some((e) => e.path === 'manifest.json') ? new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, 'manifest.json'))) : undefined;
  const earlier = earlierPack(target.scheme === 'file' ? target.fsPath : target.toString(), entries, manifest);
  if ('refused' in earlier) return earlier.refused;
  for (const path of earlier.remove) {
    if (path === 'manifest.json') {
      for (const folder of foldersOf(earlier.remove)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(target, ...folder.split('/')), { recursive: false, useTrash: false }).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(target, ...path.split('/')), { recursive: false, useTrash: false });
  }
  return undefined;
}

/** Returns the pack's index.html (its folder when no HTML was asked for), or undefined when nothing was written. */
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
  // The Node server writes PDFs and workbooks into a folder on disk; elsewhere only the HTML pack can be made.
  const onDisk = output.scheme === 'file';
  const formats = await pickFormats(options, onDisk ? EXPORT_FORMATS : ['html']);
  if (!formats) return undefined;
  const target = await packFolder(output, folder.name, options.confirm === true);
  if (!target) return undefined;
  // On disk the server checks the folder and removes the earlier pack itself, resolving symbolic links as it goes.
  const refused = onDisk ? undefined : await clearEarlierPack(target);
  if (refused) {
    void vscode.window.showErrorMessage(`${TITLE}: ${refused}`);
    return undefined;
  }

  const done = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting the audit pack of ${folder.name}`, cancellable: true },
    async (progress, token): Promise<ExportAuditPackResult | 'failed' | undefined> => {
      progress.report({ message: 'checking the ISMS…' });
      let reported = 0;
      const listening = server.onExportProgress((p) => {
        const percent = (100 * p.done) / Math.max(1, p.total);
        progress.report({ message: `${p.done} of ${p.total}: ${p.message}`, increment: percent - reported });
        reported = percent;
      });
      const pack = await server
        .requestOrThrow('isms/exportAuditPack', { rootUri: folder.uri.toString(), formats, outputUri: onDisk ? target.toString() : undefined }, token)
        .finally(() => listening.dispose());
      // A pack the server finished writing before the cancellation reached it stands.
      if (token.isCancellationRequested && !pack?.written) {
        void vscode.window.showWarningMessage(`The export was cancelled; no file of it is left in ${target.scheme === 'file' ? target.fsPath : target.toString()}.`);
        return undefined;
      }
      if (!pack) {
        void vscode.window.showErrorMessage(pack === null ? `The ISMS language server has not loaded ${folder.name}; try again once it has.` : SERVER_NOT_RUNNING);
        return 'failed';
      }
      if (!pack.written) {
        if (formats.some((f) => f !== 'html')) void vscode.window.showWarningMessage('PDF and Excel export need the desktop build of the ISMS language server (Node.js); only the HTML pack was written.');
        await writePack(target, pack, progress);
      }
      return pack;
    },
  );
  if (!done || done === 'failed') return undefined;
  const index = formats.includes('html') ? vscode.Uri.joinPath(target, 'index.html') : target;
  if (!options.confirm) {
    const reveal = vscode.env.uiKind === vscode.UIKind.Desktop && index.scheme === 'file' ? ['Reveal'] : [];
    void vscode.window.showInformationMessage(`Exported the audit pack of ${folder.name}: ${done.summary}.`, ...(formats.includes('html') ? ['Open in Browser'] : []), ...reveal).then((action) => {
      if (action === 'Open in Browser') void vscode.env.openExternal(index);
      else if (action === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', index);
    });
  }
  return index;
}

export function registerExportAuditPack(server: IsmsServer): vscode.Disposable {
  return vscode.commands.registerCommand('isms.exportAuditPack', (arg?: unknown) => {
    const o = optionsArg(arg);
    const formats = Array.isArray(o.formats) ? EXPORT_FORMATS.filter((f) => (o.formats as unknown[]).includes(f)) : undefined;
    const options: ExportAuditPackOptions = { folder: uriArg(o.folder), output: uriArg(o.output), confirm: o.confirm === true, formats };
    return reportingFailure(TITLE, () => exportAuditPack(server, options));
  });
}
