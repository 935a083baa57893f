// "ISMS: New Risk…" (also New Document → Risk): asks for the risk, its owner (from the owners the ISMS already
// names), likelihood and impact (on the register's own scales) and the treatment decision, each of which may be
// left empty so the checker asks for it (risk-field-missing); nothing is made up. The risk goes into an existing
// register as a row (the server builds the edit: next free ID, the register's column order and line breaks) or
// into a risk document of its own from templates/documents/risk.md.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { IsmsServer } from '../ismsServer';
import type { NewRiskOptionsResult, RiskRegisterInfo } from '../../../server/src/protocol';
import { fileSlug, templateKind } from '../templates/kinds';
import { fillTemplate, yamlText } from '../templates/render';
import { pickFolder } from './newDocument';
import { createFiles, uniqueUri } from './createFiles';

/** Arguments for callers that know the answers (tests); `null` means "leave empty". */
export interface NewRiskOptions {
  rootUri?: string;
  /** A register's URI, or `document` for a risk document of its own. */
  target?: string;
  description?: string;
  owner?: string | null;
  likelihood?: number | null;
  impact?: number | null;
  treatment?: string | null;
}

const TITLE = 'ISMS: New Risk';
const EMPTY = '$(circle-slash) Leave empty';
const EMPTY_DETAIL = 'The checker will ask for it (risk-field-missing) until it is filled in.';

const TREATMENTS: { label: string; detail: string }[] = [
  { label: 'modify', detail: 'Reduce the risk with controls (treat, mitigate)' },
  { label: 'retain', detail: 'Accept the risk as it is, with a named approver above the threshold (tolerate, accept)' },
  { label: 'avoid', detail: 'Stop the activity that causes the risk (terminate)' },
  { label: 'share', detail: 'Share the risk with an insurer or a supplier (transfer)' },
];

interface Pick<T> extends vscode.QuickPickItem {
  value?: T;
}

/** A pick whose "Leave empty" item answers null; undefined when cancelled. */
async function pickOrEmpty<T>(items: Pick<T>[], placeHolder: string): Promise<T | null | undefined> {
  const picked = await vscode.window.showQuickPick<Pick<T>>([...items, { label: '', kind: vscode.QuickPickItemKind.Separator }, { label: EMPTY, detail: EMPTY_DETAIL }], {
    title: TITLE,
    placeHolder,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return picked.value === undefined ? null : picked.value;
}

const SOMEONE_ELSE = '$(person-add) Someone else…';

async function askOwner(owners: string[]): Promise<string | null | undefined> {
  const items: Pick<string>[] = owners.map((o) => ({ label: o, value: o }));
  const picked = await vscode.window.showQuickPick<Pick<string>>(
    [...items, { label: '', kind: vscode.QuickPickItemKind.Separator }, { label: SOMEONE_ELSE }, { label: EMPTY, detail: EMPTY_DETAIL }],
    { title: TITLE, placeHolder: owners.length ? 'Risk owner: one the ISMS already names, or someone else' : 'Risk owner', ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.value !== undefined) return picked.value;
  if (picked.label !== SOMEONE_ELSE) return null;
  const typed = await vscode.window.showInputBox({ title: TITLE, prompt: 'Risk owner (a role or a name); empty to leave it for later', ignoreFocusOut: true });
  if (typed === undefined) return undefined;
  return typed.trim() || null;
}

const scaleItems = (max: number): Pick<number>[] => Array.from({ length: max }, (_, i) => ({ label: String(i + 1), description: `of ${max}`, value: i + 1 }));

export async function newRisk(context: vscode.ExtensionContext, server: IsmsServer, client: () => BaseLanguageClient | undefined, options: NewRiskOptions = {}): Promise<vscode.Uri | undefined> {
  const folder = options.rootUri ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(options.rootUri)) : await pickFolder('Folder of the ISMS to add the risk to');
  if (!folder) {
    void vscode.window.showWarningMessage('Open the folder of your ISMS first (or create one with "ISMS: Create ISMS from Template").');
    return undefined;
  }
  const known: NewRiskOptionsResult = (await server.request('isms/newRiskOptions', { rootUri: folder.uri.toString() })) ?? { registers: [], owners: [], nextRiskId: 'R-001' };

  let register: RiskRegisterInfo | undefined;
  if (options.target !== undefined) register = known.registers.find((r) => r.uri === options.target);
  else if (known.registers.length) {
    const picked = await vscode.window.showQuickPick<Pick<RiskRegisterInfo | 'document'>>(
      [
        ...known.registers.map((r) => ({
          label: `$(table) Add ${r.nextId} to ${r.title ?? r.path}`,
          description: r.path,
          detail: `${r.risks} risk${r.risks === 1 ? '' : 's'}; columns ${r.columns.join(', ')}`,
          value: r,
        })),
        { label: `$(new-file) A risk document of its own (${known.nextRiskId})`, description: `${templateKind('risk')?.folder ?? 'risk'}/`, value: 'document' as const },
      ],
      { title: TITLE, placeHolder: 'Where does the risk go?', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    register = picked.value === 'document' ? undefined : picked.value;
  }

  const description =
    options.description ??
    (await vscode.window.showInputBox({
      title: TITLE,
      prompt: 'The risk: threat, vulnerability, asset and consequence',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Describe the risk'),
    }));
  if (!description?.trim()) return undefined;
  const owner = options.owner !== undefined ? options.owner : await askOwner(known.owners);
  if (owner === undefined) return undefined;
  const likelihoodMax = register?.likelihoodScale ?? known.registers[0]?.likelihoodScale ?? 5;
  const impactMax = register?.impactScale ?? known.registers[0]?.impactScale ?? 5;
  const likelihood = options.likelihood !== undefined ? options.likelihood : await pickOrEmpty(scaleItems(likelihoodMax), `Likelihood, 1 to ${likelihoodMax}, with the controls in place`);
  if (likelihood === undefined) return undefined;
  const impact = options.impact !== undefined ? options.impact : await pickOrEmpty(scaleItems(impactMax), `Impact, 1 to ${impactMax}`);
  if (impact === undefined) return undefined;
  const treatment = options.treatment !== undefined ? options.treatment : await pickOrEmpty(TREATMENTS.map((t) => ({ ...t, value: t.label })), 'Treatment decision');
  if (treatment === undefined) return undefined;
  const values = { description: description.trim(), owner: owner ?? undefined, likelihood: likelihood ?? undefined, impact: impact ?? undefined, treatment: treatment ?? undefined };

  if (register) return appendToRegister(server, client, register, values);
  return writeRiskDocument(context, server, folder, values);
}

async function appendToRegister(server: IsmsServer, client: () => BaseLanguageClient | undefined, register: RiskRegisterInfo, values: { description: string; owner?: string; likelihood?: number; impact?: number; treatment?: string }): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.parse(register.uri);
  // The server builds the edit from the editor's text: open the document so it sees the current one.
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  const result = await server.request('isms/appendRisk', { uri: register.uri, ...values });
  const lsp = client();
  if (!result?.edit || !lsp || result.line === undefined) {
    void vscode.window.showWarningMessage(result?.message ?? 'The ISMS language server is not running.');
    return undefined;
  }
  if (!(await vscode.workspace.applyEdit(await lsp.protocol2CodeConverter.asWorkspaceEdit(result.edit)))) return undefined;
  // Saved like a new document is written, unless the register held unsaved changes of the user's.
  if (!wasDirty) await document.save();
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const row = document.lineAt(Math.min(result.line, document.lineCount - 1)).range;
  editor.selection = new vscode.Selection(row.start, row.end);
  editor.revealRange(row, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  void vscode.window.setStatusBarMessage(`$(check) Added ${result.id} to ${register.path}`, 5000);
  return uri;
}

async function writeRiskDocument(context: vscode.ExtensionContext, server: IsmsServer, folder: vscode.WorkspaceFolder, values: { description: string; owner?: string; likelihood?: number; impact?: number; treatment?: string }): Promise<vscode.Uri | undefined> {
  const kind = templateKind('risk')!;
  const id = (await server.request('isms/nextDocumentId', { rootUri: folder.uri.toString(), prefix: kind.prefix }))?.id ?? `${kind.prefix}-001`;
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', 'documents', 'risk.md')));
  const score = values.likelihood !== undefined && values.impact !== undefined ? String(values.likelihood * values.impact) : '';
  const text = fillTemplate(
    template,
    {
      id,
      title: yamlText(values.description),
      owner: yamlText(values.owner ?? ''),
      likelihood: values.likelihood === undefined ? '' : String(values.likelihood),
      impact: values.impact === undefined ? '' : String(values.impact),
      score,
      treatment: values.treatment ?? '',
    },
    new Date(),
  );
  const dir = vscode.Uri.joinPath(folder.uri, ...kind.folder.split('/'));
  const uri = await uniqueUri(dir, `${id.toLowerCase()}-${fileSlug(values.description)}`);
  // Like New Document: one undoable edit, inside the workspace folder, never over a file.
  const result = await createFiles([{ uri, text }], [folder.uri], 'New Risk');
  if ('refused' in result) {
    void vscode.window.showWarningMessage(`ISMS: New Risk: ${result.refused}`);
    return undefined;
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
