// A minimal LSP client for protocol-level tests: starts the built server over stdio and speaks JSON-RPC to it
// with vscode-languageserver-protocol, the same library editors' clients use.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { distFile } from '../support/dist';
import type { CheckSummaryResult } from '../../server/src/protocol';

export const fileUri = (path: string) => pathToFileURL(path).toString();

export class LspTestClient {
  private process!: ChildProcess;
  connection!: ProtocolConnection;
  /** The latest diagnostics per URI, and every publish in order. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly publishes: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';
  /** The server's window/logMessage lines, in order. */
  readonly logs: string[] = [];
  /** What the client answers to workspace/configuration (set by `start`; tests may change it). */
  settings: unknown;
  /** The server's answer to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown> } | undefined;

  /**
   * Starts the server on one folder, or on several (a multi-root workspace). `capabilities` are merged into
   * the client's `workspace` and `textDocument` capabilities.
   */
  async start(
    rootPath: string | string[],
    options: {
      env?: Record<string, string>;
      settings?: unknown;
      initializationOptions?: unknown;
      capabilities?: { workspace?: Record<string, unknown>; textDocument?: Record<string, unknown> };
    } = {},
  ): Promise<void> {
    this.process = spawn(process.execPath, [distFile('server.js'), '--stdio'], {
      env: { ...process.env, ISMS_TODAY: '2026-11-21', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishes.push(p);
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((w) => w());
    });
    this.settings = options.settings;
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings ?? null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.listen();
    const roots = (Array.isArray(rootPath) ? rootPath : [rootPath]).map(fileUri);
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: roots[0],
      workspaceFolders: roots.map((uri, i) => ({ uri, name: `ws${i}` })),
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, ...options.capabilities?.workspace },
        textDocument: { publishDiagnostics: { versionSupport: true }, ...options.capabilities?.textDocument },
      },
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves once `predicate` holds for the diagnostics of `uri` (checked after every publish). The bound only stops
   * a hang: it is generous because a loaded CI machine can take seconds, and speed is measured by the benchmark. */
  async waitFor(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && predicate(current)) return current;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for diagnostics of ${uri}; have ${JSON.stringify(current?.map((d) => d.code))}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * Resolves once the checks asked for by what was sent are done: isms/checkSummary waits for a running check, and
   * each pause lets a scheduled one (and its follow-up) start. Returns the last summary.
   */
  async settle(pauses: readonly number[] = [300, 50, 0]): Promise<CheckSummaryResult> {
    let summary: CheckSummaryResult | undefined;
    for (const pause of pauses) {
      summary = await this.request<CheckSummaryResult>('isms/checkSummary', {});
      await new Promise((r) => setTimeout(r, pause));
    }
    return summary!;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

export const codes = (d: Diagnostic[]) => d.map((x) => String(x.code)).sort();
