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
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as nodePath from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Roots, type Root } from './roots';
import { ResultCache } from './engine/workspace/resultCache';
import { stdioTransport } from './stdioTransport';
import { DiagnosticsPublisher } from './features/diagnostics';
import { parseIsoDate, todayUtc } from './engine/util/dates';
import { FEATURES } from './features';
import type { ServerContext } from './features/context';

// Over --stdio, a writer that batches messages (see stdioTransport.ts); other transports as vscode-languageserver sets them up.
let shutdownReceived = false;
const connection: Connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, ...stdioTransport(() => connection.console, () => shutdownReceived))
  : createConnection(ProposedFeatures.all);
connection.onShutdown(() => {
  shutdownReceived = true;
});
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
  roots.cache = resultCache((initializationOptions as { cacheDir?: unknown } | undefined)?.cacheDir);
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

/**
 * The result cache lives in the folder the client gives for the extension's storage (`initializationOptions.cacheDir`,
 * e.g. VS Code's storageUri) or ISMS_CACHE_DIR; without one there is no cache. Keyed by this server build.
 */
function resultCache(dir: unknown): ResultCache | undefined {
  const folder = typeof dir === 'string' && dir ? dir : process.env.ISMS_CACHE_DIR;
  if (!folder) return undefined;
  let engineId = 'unknown';
  try {
    engineId = createHash('sha1').update(readFileSync(__filename)).digest('hex');
  } catch {
    return undefined;
  }
  return new ResultCache(folder, engineId);
}

// Loading shows progress (window/workDoneProgress) and publishes cached findings as soon as the files are known
// to be unchanged; open documents of large folders get their own findings before the index is built.
const loadProgress = new Map<string, { done: number; total: number }>();
let reportProgress: ((done: number, total: number) => void) | undefined;
roots.hooks = {
  today: () => pinnedToday ?? todayUtc(),
  onProgress: (rootUri, done, total) => {
    loadProgress.set(rootUri, { done, total });
    let d = 0;
    let t = 0;
    for (const p of loadProgress.values()) [d, t] = [d + p.done, t + p.total];
    reportProgress?.(d, t);
  },
  onCached: (root, cached) => diagnostics.publishCached(root, cached.findings),
};

async function loadAll(): Promise<void> {
  const loading = roots.setFolders(folders); // first, so documents opened meanwhile know a folder is loading
  loading.catch(() => undefined); // handled below; not an unhandled rejection while progress is being created
  let progress: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | undefined;
  try {
    progress = clientCapabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
  } catch {
    progress = undefined;
  }
  progress?.begin('ISMS', 0, 'Indexing the ISMS…');
  let lastReport = 0;
  reportProgress = (done, total) => {
    if (Date.now() - lastReport < 100 || total === 0) return;
    lastReport = Date.now();
    progress?.report(Math.floor((done / total) * 90), `Indexing ${done} of ${total} Markdown files`);
  };
  try {
    await loading;
    progress?.report(90, 'Checking');
    for (const root of roots.all()) {
      diagnostics.publish(root);
      const checker = diagnostics.checkerOf(root);
      if (checker) await roots.saveToCache(root, (path) => checker.findings(path), checker.paths());
    }
  } catch (e) {
    connection.console.error(`loading the workspace failed: ${(e as Error).stack ?? String(e)}`);
  } finally {
    reportProgress = undefined;
    loadProgress.clear();
    progress?.done();
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
    const early = await roots.earlyFindings(e.document.uri, e.document.getText());
    if (early) diagnostics.publishEarly(early.root, early.path, early.diagnostics);
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
    for (const root of touched) diagnostics.schedule(root, 120);
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
