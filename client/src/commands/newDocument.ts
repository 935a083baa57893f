// "ISMS: New Document…": pick a kind, name it, and write it from templates/documents/<kind>.md into the right
// folder with a free ID (isms/nextDocumentId), today's dates and the owner; then open it. The Evidence Locker's
// "Create from Template" calls it with the kind of the missing item. The file is created by a workspace edit
// (Ctrl+Z takes it back), beside any file of the same name, never over it.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import { TEMPLATE_KINDS, fileSlug, templateKind, type TemplateKindInfo } from '../templates/kinds';
import { fillTemplate, yamlText } from '../templates/render';
import { createFiles, uniqueUri } from './createFiles';

const LAST_OWNER = 'isms.lastOwner';

export async function pickFolder(placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}

export interface NewDocumentOptions {
  kind?: string;
  rootUri?: string;
  /** Skip the prompts (tests, or callers that know them). */
  title?: string;
  owner?: string;
}

export async function newDocument(context: vscode.ExtensionContext, server: IsmsServer, options: NewDocumentOptions = {}): Promise<vscode.Uri | undefined> {
  let kind: TemplateKindInfo | undefined = options.kind ? templateKind(options.kind) : undefined;
  if (!kind) {
    const picked = await vscode.window.showQuickPick(
      TEMPLATE_KINDS.map((k) => ({ label: k.label, detail: k.detail, description: k.folder ? `${k.folder}/` : '', info: k })),
      { title: 'ISMS: New Document', placeHolder: 'What kind of document?', matchOnDetail: true },
    );
    kind = picked?.info;
  }
  if (!kind) return undefined;
  // A risk is data, not prose: New Risk asks for its fields (and can add it to a register instead).
  if (kind.kind === 'risk') return vscode.commands.executeCommand<vscode.Uri | undefined>('isms.newRisk', { rootUri: options.rootUri });
  const folder = options.rootUri ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(options.rootUri)) : await pickFolder('Folder of the ISMS to add the document to');
  if (!folder) {
    void vscode.window.showWarningMessage('Open the folder of your ISMS first (or create one with "ISMS: Create ISMS from Template").');
    return undefined;
  }
  const title = options.title ?? (await vscode.window.showInputBox({ title: `New ${kind.label}`, prompt: 'Title', value: kind.defaultTitle, validateInput: (v) => (v.trim() ? undefined : 'A title is needed') }));
  if (!title) return undefined;
  const owner =
    options.owner ??
    (await vscode.window.showInputBox({ title: `New ${kind.label}`, prompt: 'Owner (a role or a name)', value: context.globalState.get<string>(LAST_OWNER) ?? 'Information Security Manager' }));
  if (owner === undefined) return undefined;
  await context.globalState.update(LAST_OWNER, owner);

  const now = new Date();
  const prefix = kind.prefix.replace('{year}', String(now.getUTCFullYear()));
  const rootUri = folder.uri.toString();
  const id = (await server.request('isms/nextDocumentId', { rootUri, prefix }))?.id ?? `${prefix}-001`;
  const riskId = kind.kind === 'risk-register' ? ((await server.request('isms/nextDocumentId', { rootUri, prefix: 'R' }))?.id ?? 'R-001') : '';
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', 'documents', `${kind.kind}.md`)));
  const text = fillTemplate(template, { id, title: yamlText(title.trim()), owner: yamlText(owner.trim() || 'TBD'), riskId, organisation: folder.name }, now);
  const dir = kind.folder ? vscode.Uri.joinPath(folder.uri, ...kind.folder.split('/')) : folder.uri;
  const uri = await uniqueUri(dir, kind.kind === 'break-glass' || kind.kind === 'deviation' ? `${now.toISOString().slice(0, 10)}-${fileSlug(title)}` : fileSlug(title));
  const result = await createFiles([{ uri, text }], [folder.uri], `New ${kind.label}`);
  if ('refused' in result) {
    void vscode.window.showWarningMessage(`ISMS: New Document: ${result.refused}`);
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  // Put the cursor on the first heading's line, below the frontmatter.
  const heading = editor.document.getText().split('\n').findIndex((l) => l.startsWith('# '));
  if (heading >= 0) editor.selection = new vscode.Selection(heading + 2, 0, heading + 2, 0);
  return uri;
}
