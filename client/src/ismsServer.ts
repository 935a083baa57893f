// The client's one way to ISMS data: typed custom requests to the language server (../../server/src/protocol.ts)
// and the server's isms/indexChanged notification, debounced into one "refresh" event for views and status bar.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ExportProgressParams, IndexChangedParams, IsmsRequestMethod, IsmsRequests } from '../../server/src/protocol';

export class IsmsServer implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) when the server re-checked a folder or restarted: ISMS data may have changed. */
  readonly onDidChange = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly exportProgress = new vscode.EventEmitter<ExportProgressParams>();
  /** The server's progress while it writes an audit pack (isms/exportProgress). */
  readonly onExportProgress = this.exportProgress.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.exportProgress];
  private starting: Promise<void> | undefined;
  /** Starts the language client (set by the extension). A quiet workspace starts it when a request needs it. */
  starter: (() => Promise<void>) | undefined;

  constructor(
    private readonly client: () => BaseLanguageClient | undefined,
    private readonly log: (message: string) => void,
    private readonly debounceMs = 300,
  ) {}

  /** Called once the client runs; the client keeps the handler across restarts. */
  attach(client: BaseLanguageClient): void {
    this.disposables.push(client.onNotification('isms/indexChanged', (_params: IndexChangedParams) => this.fireSoon()));
    this.disposables.push(client.onNotification('isms/exportProgress', (params: ExportProgressParams) => this.exportProgress.fire(params)));
    this.disposables.push(client.onDidChangeState(() => this.fireSoon()));
    this.fireSoon();
  }

  private decide: () => void = () => undefined;
  /** Resolves once the start-up probe has decided whether this workspace is quiet (views wait for it). */
  readonly decided = new Promise<void>((resolve) => (this.decide = resolve));

  markDecided(): void {
    this.decide();
  }

  /** Starts the server once; later calls wait for that start. */
  start(): Promise<void> {
    this.starting ??= this.starter?.() ?? Promise.resolve();
    return this.starting;
  }

  /** Whether the server has been started (it may still be loading); views of a quiet workspace stay empty until then. */
  get awake(): boolean {
    return this.starting !== undefined;
  }

  fireSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), this.debounceMs);
  }

  get running(): boolean {
    return this.client()?.isRunning() === true;
  }

  /** A typed ISMS request; undefined (logged) when the server is not running or fails. */
  async request<M extends IsmsRequestMethod>(method: M, params: IsmsRequests[M]['params'], token?: vscode.CancellationToken): Promise<IsmsRequests[M]['result'] | undefined> {
    try {
      return await this.requestOrThrow(method, params, token);
    } catch {
      return undefined;
    }
  }

  /**
   * A typed ISMS request whose failure is thrown (for commands that say why they failed, e.g. an export that
   * could not write a file); undefined when the server is not running or the request was cancelled.
   */
  async requestOrThrow<M extends IsmsRequestMethod>(method: M, params: IsmsRequests[M]['params'], token?: vscode.CancellationToken): Promise<IsmsRequests[M]['result'] | undefined> {
    // Also when already starting: a request sent before the client is running got no answer, and a view's first
    // load, asked for while the server started, showed "no ISMS here" for a moment.
    await this.start().catch((e: unknown) => this.log(`starting the server failed: ${e instanceof Error ? e.message : String(e)}`));
    const client = this.client();
    if (!client) return undefined;
    try {
      return (await client.sendRequest(method, params, token)) as IsmsRequests[M]['result'];
    } catch (e) {
      if (token?.isCancellationRequested) return undefined;
      this.log(`${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
