// The VS Code side: starts the ISMS language server and adapts it to the editor's UI: the ISMS views (Evidence
// Locker, Statement of Applicability, Risks, Scope), the preview, the status bar item and the commands. All ISMS
// data comes from the server through the custom requests of server/src/protocol.ts; nothing here parses files.
// Shared by the two entries, which say how the server runs: nodeExtension.ts (desktop, a Node process) and
// browserExtension.ts (vscode.dev, github.dev: a Web Worker). Nothing here may need Node.
import * as vscode from 'vscode';
import { restartingErrorHandler } from './serverRestarts';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { answerFileRequests } from './workspaceFiles';
import { IsmsServer } from './ismsServer';
import { IsmsStatusBar } from './statusBar';
import { IsmsPresence } from './presence';
import { IsmsFileDecorations } from './fileDecorations';
import { markdownOverlapMiddleware } from './markdownOverlap';
import { EvidenceLockerView } from './views/evidenceLocker';
import { SoaView } from './views/soaTree';
import { RisksView } from './views/risksTree';
import { ActionsView } from './views/actionsTree';
import { ScopeView } from './views/scopeView';
import type { IsmsTree, Node } from './views/tree';
import { PREVIEW_VIEW_TYPE, PreviewManager } from './preview/previewPanel';
import { MarkdownTarget } from './markdownTarget';
import { registerOpenLocation } from './commands/openLocation';
import { newDocument, type NewDocumentOptions } from './commands/newDocument';
import { newRisk, type NewRiskOptions } from './commands/newRisk';
import { createFromTemplate, type CreateIsmsOptions } from './commands/createFromTemplate';
import { markReviewed } from './commands/markReviewed';
import { showControl } from './commands/showControl';
import { checkWorkspace } from './commands/checkWorkspace';
import { copyId, insertScopeSection } from './commands/itemCommands';
import { registerInitWorkspace } from './commands/initWorkspace';
import { registerExportAuditPack } from './commands/exportAuditPack';

/** A language client that can restart its server (the Node client's own restart; the browser's, a new worker). */
export type IsmsLanguageClient = BaseLanguageClient & { restart(): Promise<void> };

let client: IsmsLanguageClient | undefined;

/** What activate() returns: the extension's parts, for the in-editor tests and for other extensions. */
export interface IsmsExtensionApi {
  server: IsmsServer;
  views: { evidenceLocker: EvidenceLockerView; soa: SoaView; risks: RisksView; scope: ScopeView };
  preview: PreviewManager;
  statusBar: IsmsStatusBar;
  presence: IsmsPresence;
  decorations: IsmsFileDecorations;
  client(): IsmsLanguageClient | undefined;
  newDocument(options: NewDocumentOptions): Promise<vscode.Uri | undefined>;
  createFromTemplate(options: CreateIsmsOptions): Promise<string[] | undefined>;
}

/** What differs between the entries. */
export interface IsmsClientHost {
  /** A language client (not started) for the ISMS server with these options. */
  createClient(options: LanguageClientOptions): IsmsLanguageClient;
  /** Further `initializationOptions` (the Node server's result-cache folder). */
  initializationOptions?: Record<string, unknown>;
}

/** Markdown files on disk, and in the workspace folders' own schemes (virtual workspaces, the browser's). */
function markdownSelector(): LanguageClientOptions['documentSelector'] {
  const schemes = new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  return [...schemes].map((scheme) => ({ scheme, language: 'markdown' }));
}

export async function activateIsms(context: vscode.ExtensionContext, host: IsmsClientHost): Promise<IsmsExtensionApi> {
  const output = vscode.window.createOutputChannel('ISMS Markdown');
  const report = vscode.window.createOutputChannel('ISMS Check');
  context.subscriptions.push(output, report);
  const clientOptions: LanguageClientOptions = {
    documentSelector: markdownSelector(),
    synchronize: {
      configurationSection: 'isms',
      // Evidence files count too: a deleted PDF must turn its links into findings.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
    outputChannel: output,
    // Ask for isms/indexChanged after each check, so views, status bar and preview follow edits. In Restricted
    // Mode the server does not run git.
    initializationOptions: {
      indexChangedNotification: true,
      trusted: vscode.workspace.isTrusted,
      ...host.initializationOptions,
    },
    errorHandler: restartingErrorHandler((m) => output.appendLine(m)),
    // The built-in Markdown support answers outline, references and definitions too: no second copy of its answers.
    middleware: markdownOverlapMiddleware,
  };
  client = host.createClient(clientOptions);
  const server = new IsmsServer(() => client, (m) => output.appendLine(m));
  context.subscriptions.push(server, ...answerFileRequests(client));
  server.starter = async () => {
    if (!client) return;
    await client.start();
    server.attach(client);
  };
  const presence = new IsmsPresence(() => server.start(), context.workspaceState);
  context.subscriptions.push(presence, presence.onDidChange(() => server.markDecided()));

  const views = {
    evidenceLocker: new EvidenceLockerView('isms.evidenceLocker', server, 'isms.evidenceLocker.filtered'),
    soa: new SoaView('isms.soa', server, 'isms.soa.filtered'),
    risks: new RisksView('isms.risks', server, 'isms.risks.filtered'),
    actions: new ActionsView('isms.actions', server, 'isms.actions.filtered'),
    scope: new ScopeView('isms.scope', server),
  };
  for (const view of Object.values(views)) {
    view.register();
    context.subscriptions.push(view);
  }
  const preview = new PreviewManager(context.extensionUri, server);
  const statusBar = new IsmsStatusBar(server, presence);
  const decorations = new IsmsFileDecorations(server, presence);
  context.subscriptions.push(preview, statusBar, decorations);

  const markdownTarget = new MarkdownTarget();
  context.subscriptions.push(markdownTarget);
  const documentUri = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const data = (arg as Node | undefined)?.data;
    if (data?.uri) return vscode.Uri.parse(data.uri);
    return markdownTarget.uri();
  };
  const openPreview = (arg: unknown, column: vscode.ViewColumn) => {
    const uri = documentUri(arg);
    if (!uri) return void vscode.window.showWarningMessage('Open a Markdown document of your ISMS first.');
    preview.show(uri, column);
    // Ticks the walkthrough's Preview step (its completion event), only once a preview did open.
    void vscode.commands.executeCommand('setContext', 'isms.previewOpened', true);
  };
  const filter = (name: string, view: IsmsTree) => [
    vscode.commands.registerCommand(`isms.${name}.filter`, () => view.askFilter()),
    vscode.commands.registerCommand(`isms.${name}.clearFilter`, () => view.setFilter('')),
  ];

  context.subscriptions.push(
    registerOpenLocation(),
    registerInitWorkspace(server),
    registerExportAuditPack(server),
    vscode.commands.registerCommand('isms.restartServer', async () => {
      // Never started (a quiet workspace): start it now instead.
      if (server.awake) await client?.restart();
      else await presence.activate();
      server.fireSoon();
      void vscode.window.setStatusBarMessage('ISMS language server restarted', 3000);
    }),
    vscode.commands.registerCommand('isms.openPreview', (arg?: unknown) => openPreview(arg, vscode.ViewColumn.Active)),
    vscode.commands.registerCommand('isms.openPreviewToSide', (arg?: unknown) => openPreview(arg, vscode.ViewColumn.Beside)),
    vscode.commands.registerCommand('isms.newDocument', (options?: NewDocumentOptions) => newDocument(context, server, options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options : {})),
    vscode.commands.registerCommand('isms.newRisk', (options?: NewRiskOptions) => newRisk(context, server, () => client, options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options : {})),
    vscode.commands.registerCommand('isms.createFromLockerItem', (node?: Node) => newDocument(context, server, { kind: node?.data?.template, rootUri: node?.data?.rootUri })),
    vscode.commands.registerCommand('isms.createFromTemplate', (options?: CreateIsmsOptions) => createFromTemplate(context, server, options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options : {})),
    vscode.commands.registerCommand('isms.markReviewed', (arg?: vscode.Uri | Node) => markReviewed(server, () => client, arg)),
    vscode.commands.registerCommand('isms.showControl', () => showControl(server)),
    vscode.commands.registerCommand('isms.checkWorkspace', () => checkWorkspace(server, report)),
    vscode.commands.registerCommand('isms.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
    vscode.commands.registerCommand('isms.showOutput', () => output.show()),
    vscode.commands.registerCommand('isms.refreshViews', () => {
      for (const view of Object.values(views)) view.refresh();
      void statusBar.refresh();
      void decorations.refresh();
    }),
    vscode.commands.registerCommand('isms.insertScopeSection', (node?: Node) => insertScopeSection(node)),
    vscode.commands.registerCommand('isms.copyId', (node?: Node) => copyId(node)),
    ...filter('evidenceLocker', views.evidenceLocker),
    ...filter('soa', views.soa),
    ...filter('risks', views.risks),
    ...filter('actions', views.actions),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
    }),
  );

  // An ISMS starts the server before activation returns (as before the probe); elsewhere it stays quiet.
  await presence.start();
  return {
    server,
    views,
    preview,
    statusBar,
    presence,
    decorations,
    client: () => client,
    newDocument: (options) => newDocument(context, server, options),
    createFromTemplate: (options) => createFromTemplate(context, server, options),
  };
}

export async function deactivateIsms(): Promise<void> {
  await client?.stop();
  client = undefined;
}
