// The ISMS language server: adapts the engine to LSP. Started by the VS Code client over IPC, or by any LSP
// client with --stdio.
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as nodePath from 'node:path';
import { Roots, type Root } from './roots';
import { DiagnosticsPublisher } from './features/diagnostics';
import { parseIsoDate, todayUtc } from './engine/util/dates';
import { FEATURES } from './features';
import type { ServerContext } from './features/context';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let supportsConfiguration = false;
let folders: string[] = [];
let clientCapabilities: ClientCapabilities = {};
let initializationOptions: unknown;

// ISMS_TODAY pins "today" for reproducible demos and tests, like the CLI's --today.
const pinnedToday = parseIsoDate(process.env.ISMS_TODAY);

const roots = new Roots(
  async (rootUri) => (supportsConfiguration ? connection.workspace.getConfiguration({ scopeUri: rootUri, section: 'isms' }) : undefined),
  (message) => connection.console.log(message),
);
const diagnostics = new DiagnosticsPublisher(connection, roots, () => pinnedToday, (uri) => documents.get(uri)?.version);

let ready: Promise<void> = Promise.resolve();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  clientCapabilities = params.capabilities;
  initializationOptions = params.initializationOptions;
  folders =
    params.workspaceFolders?.map((f) => f.uri) ??
    (params.rootUri ? [params.rootUri] : params.rootPath ? [URI.file(params.rootPath).toString()] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...Object.assign({}, ...FEATURES.map((f) => f.capabilities)),
    },
    serverInfo: { name: 'isms-language-server' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'isms' });
  ready = loadAll();
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    for (const removed of event.removed) diagnostics.clearRoot(removed.uri);
    folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((a) => a.uri)];
    ready = loadAll();
  });
});

async function loadAll(): Promise<void> {
  try {
    await roots.setFolders(folders);
    for (const root of roots.all()) diagnostics.publish(root);
  } catch (e) {
    connection.console.error(`loading the workspace failed: ${(e as Error).stack ?? String(e)}`);
  }
}

/** Documents outside every workspace folder are checked as a root of their own folder. */
async function ensureRootFor(uri: string): Promise<void> {
  await ready;
  if (roots.locate(uri) || URI.parse(uri).scheme !== 'file') return;
  folders.push(URI.file(nodePath.dirname(URI.parse(uri).fsPath)).toString());
  ready = loadAll();
  await ready;
}

const recheck = (root: Root | undefined) => {
  if (root) diagnostics.schedule(root);
};

/**
 * Index updates that read files (a closed editor's file, watched files, a new root) are in flight here;
 * features wait for them through ctx.ready() so they never answer from an index older than the last event.
 */
let updates: Promise<unknown> = Promise.resolve();
const settle = (work: () => Promise<void>) => {
  updates = Promise.all([updates, work().catch((e: unknown) => connection.console.error(String(e)))]);
};

documents.onDidOpen((e) =>
  settle(async () => {
    await ensureRootFor(e.document.uri);
    recheck(roots.setOpenText(e.document.uri, e.document.getText()));
  }),
);
documents.onDidChangeContent(async (e) => {
  await ready;
  recheck(roots.setOpenText(e.document.uri, e.document.getText()));
});
documents.onDidClose((e) =>
  settle(async () => {
    await ready;
    recheck(await roots.closeText(e.document.uri));
  }),
);

connection.onDidChangeWatchedFiles((params) =>
  settle(async () => {
    await ready;
    const touched = new Set<Root>();
    for (const change of params.changes) {
      const root = await roots.fileChanged(change.uri, change.type === FileChangeType.Deleted);
      if (root) touched.add(root);
    }
    // A reloaded root replaces its old object; schedule() looks the current one up by URI.
    for (const root of touched) diagnostics.schedule(root);
  }),
);

connection.onDidChangeConfiguration(() => {
  ready = loadAll();
});

const context: ServerContext = {
  connection,
  documents,
  roots,
  diagnostics,
  ready: async () => {
    await ready;
    await updates;
    await ready; // an update may have started a reload (a new root, a changed .isms.yaml)
  },
  today: () => pinnedToday ?? todayUtc(),
  clientCapabilities: () => clientCapabilities,
  initializationOptions: () => initializationOptions,
};
for (const feature of FEATURES) feature.register(context);

documents.listen(connection);
connection.listen();
