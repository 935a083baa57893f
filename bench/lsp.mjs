// A small LSP client for the benchmark: starts the language server over stdio, records when each
// publishDiagnostics arrives (high-resolution), and reads the server's peak RSS from /proc.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const fileUri = (path) => pathToFileURL(path).toString();

/**
 * The Node flags the extension starts the language server with (its `run` server options in
 * client/src/nodeExtension.ts), so that the benchmark and the soak measure the server as users run it.
 */
export const SERVER_EXEC_ARGV = (() => {
  const source = readFileSync(new URL('../client/src/nodeExtension.ts', import.meta.url), 'utf8');
  const flags = /run: \{[^}]*execArgv: \[([^\]]*)\]/.exec(source);
  return flags ? [...flags[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
})();

/** VmHWM (peak resident set) of a process, in MB. */
export function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** VmRSS (resident set now) of a process, in MB. */
export function rssMb(pid) {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 when it is gone). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second on Linux)
  } catch {
    return 0;
  }
}

/** Starts a new peak for peakRssMb (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
export function resetPeakRss(pid) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export class BenchClient {
  constructor(serverJs) {
    this.serverJs = serverJs;
    /** Latest diagnostics per URI, and when each URI was last published. */
    this.diagnostics = new Map();
    this.publishedAt = new Map();
    this.firstPublishedAt = new Map();
    this.lastPublish = 0;
    this.publishCount = 0;
    /** URIs published since the last takeRecent(). */
    this.recent = [];
    this.waiters = [];
    this.logs = [];
    this.progressEnded = undefined;
  }

  /** Spawns the server and sends initialize + initialized; `t0` is taken just before spawning. */
  async start(root, { cacheDir, env = {}, execArgv = SERVER_EXEC_ARGV } = {}) {
    this.t0 = performance.now();
    this.process = spawn(process.execPath, [...execArgv, this.serverJs, '--stdio'], {
      env: { ...process.env, ISMS_TODAY: '2026-11-21', ISMS_LOG_CHECKS: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.stderr = '';
    this.process.stderr.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.diagnostics.set(p.uri, p);
      this.recent.push(p.uri);
      this.publishedAt.set(p.uri, now);
      if (!this.firstPublishedAt.has(p.uri)) this.firstPublishedAt.set(p.uri, now);
      this.lastPublish = now;
      this.publishCount++;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (p) => {
      if (p.value?.kind === 'end') {
        this.progressEnded = performance.now();
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
      }
    });
    this.connection.onNotification('window/logMessage', (p) => this.logs.push(p.message));
    this.connection.listen();
    const rootUri = fileUri(root);
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: cacheDir ? { cacheDir } : undefined,
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** The URIs published since the previous call. */
  takeRecent() {
    const recent = this.recent;
    this.recent = [];
    return recent;
  }

  get pid() {
    return this.process.pid;
  }

  /** Resolves once `predicate()` holds (checked after every publish and progress end), or rejects after `ms`. */
  async until(predicate, ms = 120_000, what = 'condition') {
    const deadline = performance.now() + ms;
    for (;;) {
      if (predicate()) return;
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}\n${this.stderr.slice(-2000)}`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until no publish has arrived for `quietMs`. */
  async quiet(quietMs = 30) {
    for (;;) {
      const since = performance.now() - this.lastPublish;
      if (since >= quietMs) return;
      await new Promise((r) => setTimeout(r, quietMs - since + 1));
    }
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri, text, version) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async stop() {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
