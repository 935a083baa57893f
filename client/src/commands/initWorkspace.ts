// "ISMS: Initialise Workspace": `isms init` in the editor. The server proposes a .isms.yaml for the folder from
// the documents it indexed and says what the checker would then find (isms/proposeConfig); the proposal opens as
// a read-only diff against the current file (or nothing) with Accept / Cancel in the editor, and is written only
// when accepted, and only if the file has not changed on disk meanwhile. Once written, the file watcher makes the
// server reload the folder.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { ProposeConfigResult } from '../../../server/src/protocol';
import { SERVER_NOT_RUNNING, commandFolder, optionsArg, reportingFailure, uriArg } from './commandArgs';

export interface InitWorkspaceOptions {
  /** The workspace folder (skips the pick). */
  folder?: vscode.Uri;
  /** Write without showing the proposal or asking. */
  confirm?: boolean;
  /** With `confirm`: replace an existing configuration file too. */
  overwrite?: boolean;
}

const SCHEME = 'isms-proposal';

/** Proposals as read-only documents: shown and compared without leaving an unsaved editor behind. */
class Proposals implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A document for the proposal, named so that it opens as YAML; one per folder, updated on each run. */
  uriFor(proposal: ProposeConfigResult): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${proposal.name}/proposed.isms.yaml`, query: proposal.rootUri });
    this.texts.set(uri.toString(), proposal.yaml);
    this.changed.fire(uri);
    return uri;
  }

  /** The empty left side of the diff when the folder has no configuration file yet. */
  emptyFor(proposal: ProposeConfigResult): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${proposal.name}/no configuration file`, query: proposal.rootUri });
    this.texts.set(uri.toString(), '');
    return uri;
  }

  async close(uri: vscode.Uri): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      const input = t.input;
      if (input instanceof vscode.TabInputText) return input.uri.toString() === uri.toString();
      return input instanceof vscode.TabInputTextDiff && input.modified.toString() === uri.toString();
    });
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Returns the URI of the configuration file written, or undefined when nothing was written. */
async function initWorkspace(server: IsmsServer, proposals: Proposals, options: InitWorkspaceOptions): Promise<vscode.Uri | undefined> {
  const folder = await commandFolder(options.folder, 'Folder of the ISMS to initialise');
  if (!folder) return undefined;
  const proposal = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Inspecting ${folder.name}…` }, () =>
    server.request('isms/proposeConfig', { rootUri: folder.uri.toString() }),
  );
  if (proposal === undefined) {
    void vscode.window.showErrorMessage(SERVER_NOT_RUNNING);
    return undefined;
  }
  if (proposal === null) {
    void vscode.window.showErrorMessage(`The ISMS language server has not loaded ${folder.name}; try again once it has.`);
    return undefined;
  }
  const configUri = vscode.Uri.parse(proposal.configUri);
  const fileName = configUri.path.replace(/^.*\//, '');
  // What the proposal replaces: written only if the file still says this (or is still missing) when accepted.
  const proposedOver = await diskText(configUri);

  if (options.confirm) {
    if (proposal.exists && !options.overwrite) {
      void vscode.window.showWarningMessage(`${folder.name} already has ${fileName}; it was not replaced.`);
      return undefined;
    }
  } else if (!(await confirmed(proposals, proposal, configUri, fileName))) return undefined;

  if (vscode.workspace.getWorkspaceFolder(configUri)?.uri.toString() !== folder.uri.toString()) {
    void vscode.window.showErrorMessage(`The proposed ${fileName} is not in ${folder.name}; nothing was written.`);
    return undefined;
  }
  if ((await diskText(configUri)) !== proposedOver) {
    void vscode.window.showWarningMessage(`${fileName} in ${folder.name} changed on disk while the proposal was open; nothing was written. Run "ISMS: Initialise Workspace" again to compare with it.`);
    return undefined;
  }
  if (!(await writeConfig(configUri, proposal.yaml))) {
    void vscode.window.showErrorMessage(`${fileName} could not be written in ${folder.name}.`);
    return undefined;
  }
  if (!options.confirm) {
    void vscode.window.showInformationMessage(`Wrote ${fileName} in ${folder.name}; the ISMS is checked again with it.`, `Open ${fileName}`).then((open) => {
      if (open) void vscode.window.showTextDocument(configUri);
    });
  }
  return configUri;
}

/** A file's text on disk, or undefined when there is none. */
async function diskText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The proposal under review: Accept / Cancel (editor title buttons, the notification, closing its tab) settle it. */
let pending: { proposalUri: vscode.Uri; settle: (write: boolean) => void } | undefined;

/**
 * Writes the configuration as an edit the user can undo: a new file, or the existing file's text replaced in its
 * editor buffer (which keeps its BOM and line ends, and any open editor in step) and saved so the server reloads.
 */
async function writeConfig(configUri: vscode.Uri, yaml: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  let existing: vscode.TextDocument | undefined;
  try {
    await vscode.workspace.fs.stat(configUri);
    existing = await vscode.workspace.openTextDocument(configUri);
  } catch {
    existing = undefined;
  }
  if (existing) edit.replace(configUri, new vscode.Range(existing.positionAt(0), existing.positionAt(existing.getText().length)), yaml);
  else edit.createFile(configUri, { overwrite: false, contents: new TextEncoder().encode(yaml) });
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  return existing ? existing.save() : true;
}

/**
 * Shows the proposal as a diff against the folder's current file (or nothing), with Accept / Cancel in the
 * editor's title bar and in a notification that says what the proposal does; true to write it. Nothing modal:
 * the proposal is what the user reads before answering.
 */
async function confirmed(proposals: Proposals, proposal: ProposeConfigResult, configUri: vscode.Uri, fileName: string): Promise<boolean> {
  pending?.settle(false); // an earlier review left open is cancelled by the new one
  const proposalUri = proposals.uriFor(proposal);
  const before = proposal.exists ? configUri : proposals.emptyFor(proposal);
  const title = proposal.exists ? `${fileName} ↔ proposed (${proposal.name})` : `Proposed ${fileName} (${proposal.name})`;
  const answer = new Promise<boolean>((resolve) => {
    pending = { proposalUri, settle: resolve };
  });
  const closed = vscode.window.tabGroups.onDidChangeTabs((e) => {
    if (e.closed.some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === proposalUri.toString())) pending?.settle(false);
  });
  await vscode.commands.executeCommand('setContext', 'isms.reviewingProposal', true);
  await vscode.commands.executeCommand('vscode.diff', before, proposalUri, title, { preview: false });
  const what = proposal.exists ? `Replace ${fileName} in ${proposal.name} with the proposal?` : `Write the proposed ${fileName} to ${proposal.name}?`;
  void vscode.window
    .showInformationMessage(`${what} ${proposal.summary.join(' ')}`, { detail: proposal.notes.join('\n') }, 'Accept', 'Cancel')
    .then((choice) => {
      if (choice) pending?.settle(choice === 'Accept');
    });
  try {
    return await answer;
  } finally {
    closed.dispose();
    if (pending?.proposalUri.toString() === proposalUri.toString()) pending = undefined;
    await vscode.commands.executeCommand('setContext', 'isms.reviewingProposal', false);
    await proposals.close(proposalUri);
  }
}

export function registerInitWorkspace(server: IsmsServer): vscode.Disposable {
  const proposals = new Proposals();
  return vscode.Disposable.from(
    proposals,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, proposals),
    vscode.commands.registerCommand('isms.acceptProposal', () => pending?.settle(true)),
    vscode.commands.registerCommand('isms.cancelProposal', () => pending?.settle(false)),
    vscode.commands.registerCommand('isms.initWorkspace', (arg?: unknown) => {
      const o = optionsArg(arg);
      const options: InitWorkspaceOptions = { folder: uriArg(o.folder), confirm: o.confirm === true, overwrite: o.overwrite === true };
      return reportingFailure('ISMS: Initialise Workspace', () => initWorkspace(server, proposals, options));
    }),
  );
}
