// The ISMS language server's logic, shared by its two entries: server.ts (Node: IPC or --stdio, files read from
// disk) and browserServer.ts (a Web Worker, files read through the client). Adapts the engine to LSP. No Node
// APIs here: what differs between the entries comes in through ServerHost.
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Roots, type Root } from './roots';
import type { ResultCache } from './engine/workspace/resultCache';
import { DiagnosticsPublisher } from './features/diagnostics';
import { parseIsoDate, todayUtc } from './engine/util/dates';
import { FEATURES } from './features';
import type { ServerContext } from './features/context';
import type { WorkspaceFileSystem } from './fileSystem/workspaceFileSystem';

/** What the entry provides: the connection, how files are read, and the extras only Node has. */
export interface ServerHost {
  connection: Connection;
  fs: WorkspaceFileSystem;
  /** "Today" pinned by the environment (ISMS_TODAY); `initializationOptions.today` takes precedence. */
  pinnedToday?: number;
  /** The result cache in the client's storage folder (`initializationOptions.cacheDir`), if the host has one. */
  resultCache?(cacheDir: unknown): ResultCache | undefined;
  systemUserName?: ServerContext['systemUserName'];
  gitCommit?: ServerContext['gitCommit'];
  packWriter?: ServerContext['packWriter'];
  /** When set, each check is logged with what this returns (memory use). */
  logChecks?: () => string;
  /** Overrides which workspace rules count as slow (ISMS_SLOW_WORKSPACE_RULE_MS, for tests). */
  slowWorkspaceRuleMs?: number;
  /** Called each time the workspace folders have been loaded and checked (the first time: the first full index). */
  onLoaded?: () => void;
  /** Overrides how long a check runs before the event loop turns (ISMS_CHECK_SLICE_MS, for tests). */
  checkSliceMs?: number;
}

/** Files changed on disk that are indexed before their findings are checked and published (see below). */
const FILES_PER_CHECK = 100;

export function startServer(host: ServerHost): void {
  const { connection } = host;
  const documents = new TextDocuments(TextDocument);
  let supportsConfiguration = false;
  let folders: string[] = [];
  let clientCapabilities: ClientCapabilities = {};
  let initializationOptions: unknown;
  // Pinned for reproducible demos and tests, like the CLI's --today: by the client (`initializationOptions.today`,
  // the only way in a browser worker) or the environment (ISMS_TODAY).
  let pinnedToday = host.pinnedToday;

  const roots = new Roots(
    async (rootUri) => (supportsConfiguration ? connection.workspace.getConfiguration({ scopeUri: rootUri, section: 'isms' }) : undefined),
    (message) => connection.console.log(message),
    host.fs,
  );
  const diagnostics = new DiagnosticsPublisher(connection, roots, () => pinnedToday, (uri) => documents.get(uri)?.version, host.logChecks, host.slowWorkspaceRuleMs, host.checkSliceMs);
  roots.onRemoved = (uris) => uris.forEach((uri) => diagnostics.clearRoot(uri));

  let ready: Promise<void> = Promise.resolve();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    clientCapabilities = params.capabilities;
    initializationOptions = params.initializationOptions;
    const options = initializationOptions as { cacheDir?: unknown; today?: unknown } | undefined;
    pinnedToday = (typeof options?.today === 'string' ? parseIsoDate(options.today) : undefined) ?? host.pinnedToday;
    roots.cache = host.resultCache?.(options?.cacheDir);
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
        await diagnostics.publish(root);
        const checker = diagnostics.checkerOf(root);
        if (checker) await roots.saveToCache(root, (path) => checker.findings(path), checker.paths());
      }
    } catch (e) {
      connection.console.error(`loading the workspace failed: ${(e as Error).stack ?? String(e)}`);
    } finally {
      reportProgress = undefined;
      loadProgress.clear();
      progress?.done();
      host.onLoaded?.();
    }
  }

  /** Documents outside every workspace folder are checked as a root of their own folder (where the host can list it). */
  async function ensureRootFor(uri: string): Promise<void> {
    await ready;
    if (roots.locate(uri)) return;
    const folder = roots.fs.folderOf(uri);
    if (folder === undefined) return;
    folders.push(folder);
    ready = loadAll();
    await ready;
  }

  const recheck = (root: Root | undefined) => {
    if (root) diagnostics.schedule(root);
  };

  /**
   * Index updates that read files (a closed editor's file, watched files, a new root) run here one after another,
   * in the order their events came: run side by side, a read of a file that was still there could finish after
   * the event saying it was deleted, and bring it back (the soak found this). Features wait for them through
   * ctx.ready() so they never answer from an index older than the last event.
   */
  let updates: Promise<unknown> = Promise.resolve();
  const settle = (work: () => Promise<void>) => {
    updates = updates.then(() => work().catch((e: unknown) => connection.console.error(String(e))));
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
      let sinceCheck = 0;
      for (const change of params.changes) {
        const kind = change.type === FileChangeType.Deleted ? 'deleted' : change.type === FileChangeType.Created ? 'created' : 'changed';
        for (const root of await roots.fileChanged(change.uri, kind)) touched.add(root);
        // A branch switch rewrites hundreds of files in one event: checked all at once, they held the event loop
        // for seconds (the soak's stall log). Checked a slice at a time, with a turn of the loop in between.
        if (++sinceCheck < FILES_PER_CHECK) continue;
        sinceCheck = 0;
        for (const root of touched) void diagnostics.publishCurrent(root.uri);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      for (const root of await roots.reloadPending()) touched.add(root);
      // A reloaded root replaces its old object; schedule() looks the current one up by URI.
      for (const root of touched) diagnostics.schedule(root, 120);
    }),
  );

  connection.onDidChangeConfiguration(() => {
    const previous = ready;
    // Features wait on `ready`, so they see the reload (if any) and never an index older than the settings.
    ready = (async () => {
      if (await roots.settingsChanged(folders)) await loadAll();
      else await previous;
    })();
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
      await diagnostics.idle(); // a long check goes on in slices (see DiagnosticsPublisher.publish)
      // A large document edited since: parsed in turns of its own first, so the index update is short (Roots.parseAhead).
      if (roots.hasLargeUnparsed()) await roots.parseAhead();
    },
    today: () => pinnedToday ?? todayUtc(),
    clientCapabilities: () => clientCapabilities,
    initializationOptions: () => initializationOptions,
    ...(host.systemUserName ? { systemUserName: host.systemUserName } : {}),
    ...(host.gitCommit ? { gitCommit: host.gitCommit } : {}),
    ...(host.packWriter ? { packWriter: host.packWriter } : {}),
  };
  for (const feature of FEATURES) feature.register(context);

  documents.listen(connection);
  connection.listen();
}
