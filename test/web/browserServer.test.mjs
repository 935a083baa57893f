// The web build (vscode.dev, github.dev) without an editor: both browser bundles build without Node built-ins,
// and the browser language server (dist/browserServer.js), run in a Web Worker in headless Chromium, checks the
// example ISMS with every file read through the page, which answers the server's isms/fs/* requests the way the
// browser client does (client/src/workspaceFiles.ts). Needs `node scripts/build.mjs` first (npm test builds).
/* global describe, it, before, after, window, Worker, fetch, btoa */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { browserBundles, commonOptions } from '../../scripts/bundles.mjs';
import { launch } from '../vscode/lib/browser.mjs';

const DIST = resolve(process.env.ISMS_DIST_DIR ?? 'dist');
const EXAMPLE = resolve('examples', 'acme-ai-isms');
const TODAY = '2026-11-21';
const expected = JSON.parse(readFileSync('test/vscode/expected-faults.json', 'utf8'));
// A github.dev-like folder: nothing about it is on a disk the server could reach.
const ROOT_URI = 'vscode-vfs://github/acme/acme-ai-isms';
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Module names a bundle still require()s at run time. */
const requiredModules = (file) => [...new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();

function filesUnder(dir, rel = '') {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

const uriOf = (rel) => `${ROOT_URI}/${rel.split('/').map(encodeURIComponent).join('/')}`;

describe('the web build', function () {
  describe('browser bundles', () => {
    it('are built, and require nothing at run time but the editor API (client) or nothing at all (server)', () => {
      for (const name of ['browserClient.js', 'browserServer.js']) assert.ok(existsSync(join(DIST, name)), `${join(DIST, name)} missing: run node scripts/build.mjs`);
      assert.deepEqual(requiredModules(join(DIST, 'browserClient.js')), ['vscode']);
      assert.deepEqual(requiredModules(join(DIST, 'browserServer.js')), []);
      for (const name of ['browserClient.js', 'browserServer.js']) {
        const text = readFileSync(join(DIST, name), 'utf8');
        assert.doesNotMatch(text, /\brequire\(\s*["']node:/, `${name} requires a node: module`);
        assert.deepEqual(requiredModules(join(DIST, name)).filter((m) => NODE_BUILTINS.has(m)), [], `${name} requires a Node built-in`);
      }
    });

    it('fail to build when a Node built-in reaches them', async function () {
      this.timeout(60_000);
      const dir = mkdtempSync(join(tmpdir(), 'isms-web-probe-'));
      try {
        const bundles = browserBundles(commonOptions({ quiet: true }), dir);
        for (const [name, options] of Object.entries(bundles)) {
          const entry = resolve(Object.values(options.entryPoints)[0]);
          for (const builtin of ['node:fs', 'path']) {
            const probe = join(dir, `probe-${name}.ts`);
            writeFileSync(probe, `import '${entry.split(sep).join('/')}';\nimport * as m from '${builtin}';\nconsole.log(m);\n`);
            await assert.rejects(
              esbuild.build({ ...options, entryPoints: { probe }, write: false, logLevel: 'silent' }),
              (e) => e.errors?.some((x) => x.text.includes(builtin)),
              `${name} bundle built with ${builtin} in it`,
            );
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('browser language server in a Web Worker', function () {
    this.timeout(120_000);
    let http;
    let browser;
    let page;
    const pageErrors = [];
    const files = filesUnder(EXAMPLE);

    /** Calls into the page's LSP client (window.lsp). */
    const lsp = (name, ...args) => page.evaluate(([n, a]) => window.lsp[n](...a), [name, args]);

    /** Waits (up to a hang guard) until the published diagnostics satisfy `probe`, run in Node on a snapshot. */
    async function diagnosticsWhen(what, probe) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const snapshot = await page.evaluate(() => window.lsp.snapshot());
        if (probe(snapshot)) return snapshot;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker errors: ${snapshot.errors.join('; ') || '-'}; log:\n${snapshot.log.join('\n')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    /** `file:line code` for each finding the server published, as `isms check` lists them. */
    const published = (snapshot) =>
      Object.entries(snapshot.diagnostics)
        .flatMap(([uri, ds]) => ds.map((d) => ({ uri, d })))
        .map(({ uri, d }) => `${decodeURIComponent(uri.slice(ROOT_URI.length + 1))}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity]} ${d.code} ${d.message}`)
        .sort();

    before(async () => {
      // The page's origin: the server bundle and the example's files (what the editor's file system would hold).
      http = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ISMS web server test</title>');
        if (url.pathname === '/browserServer.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(DIST, 'browserServer.js')));
        const rel = decodeURIComponent(url.pathname.replace(/^\/files\//, ''));
        if (url.pathname.startsWith('/files/') && files.includes(rel)) return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(EXAMPLE, rel)));
        res.writeHead(404).end();
      });
      await new Promise((r) => http.listen(0, '127.0.0.1', r));
      browser = await launch();
      page = browser.page;
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`http://127.0.0.1:${http.address().port}/`);
      await page.evaluate(
        ({ rootUri, uris }) => {
          const worker = new Worker('/browserServer.js');
          const pending = new Map();
          const state = { diagnostics: {}, publishes: 0, fsRequests: 0, errors: [], log: [] };
          let nextId = 1;
          const relOf = (uri) => (uri.startsWith(`${rootUri}/`) ? decodeURIComponent(uri.slice(rootUri.length + 1)) : undefined);
          const base64 = (bytes) => {
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return btoa(binary);
          };
          // What the browser client answers (client/src/workspaceFiles.ts), from the files the test serves.
          const handlers = {
            'workspace/configuration': (p) => p.items.map(() => null),
            'client/registerCapability': () => null,
            'window/workDoneProgress/create': () => null,
            'isms/fs/findFiles': (p) => {
              state.fsRequests++;
              return { uris: uris.filter((u) => u.startsWith(`${p.baseUri}/`)) };
            },
            'isms/fs/readFiles': async (p) => {
              state.fsRequests++;
              const read = async (uri) => {
                const rel = relOf(uri);
                const response = rel === undefined ? undefined : await fetch(`/files/${rel.split('/').map(encodeURIComponent).join('/')}`);
                if (!response?.ok) return { error: 'FileNotFound' };
                const bytes = new Uint8Array(await response.arrayBuffer());
                return bytes.length > p.maxBytes ? { tooLarge: bytes.length } : { base64: base64(bytes) };
              };
              return { files: await Promise.all(p.uris.map(read)) };
            },
          };
          worker.onerror = (e) => state.errors.push(e.message);
          worker.onmessage = async ({ data: msg }) => {
            if (msg.id !== undefined && msg.method === undefined) {
              const waiting = pending.get(msg.id);
              pending.delete(msg.id);
              if (msg.error) waiting?.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
              else waiting?.resolve(msg.result);
            } else if (msg.id !== undefined) {
              const handler = handlers[msg.method];
              if (!handler) return worker.postMessage({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: `Unhandled method ${msg.method}` } });
              worker.postMessage({ jsonrpc: '2.0', id: msg.id, result: await handler(msg.params) });
            } else if (msg.method === 'textDocument/publishDiagnostics') {
              state.diagnostics[msg.params.uri] = msg.params.diagnostics;
              state.publishes++;
            } else if (msg.method === 'window/logMessage') state.log.push(msg.params.message);
          };
          window.lsp = {
            request: (method, params) =>
              new Promise((resolve, reject) => {
                const id = nextId++;
                pending.set(id, { resolve, reject });
                worker.postMessage({ jsonrpc: '2.0', id, method, params });
              }),
            notify: (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params }),
            snapshot: () => JSON.parse(JSON.stringify(state)),
          };
        },
        { rootUri: ROOT_URI, uris: files.map(uriOf) },
      );
    });

    after(async () => {
      await browser?.close();
      await new Promise((r) => (http ? http.close(r) : r()));
    });

    it('initializes, with the ISMS features announced', async () => {
      const result = await lsp('request', 'initialize', {
        processId: null,
        rootUri: ROOT_URI,
        workspaceFolders: [{ uri: ROOT_URI, name: 'acme-ai-isms' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
        initializationOptions: { today: TODAY, indexChangedNotification: true },
      });
      assert.equal(result.serverInfo.name, 'isms-language-server');
      assert.ok(result.capabilities.hoverProvider && result.capabilities.definitionProvider && result.capabilities.codeActionProvider);
      await lsp('notify', 'initialized', {});
    });

    it('publishes exactly what `isms check` finds in the example, its deliberate faults', async () => {
      const cli = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'check', EXAMPLE, '--today', TODAY, '--format', 'json', '--exit-zero'], { encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      const { diagnostics } = JSON.parse(cli.stdout);
      assert.deepEqual(
        diagnostics.map((d) => `${d.file} ${d.code}`).sort(),
        expected.faults.map((f) => `${f.file} ${f.code}`).sort(),
        'the CLI no longer finds exactly the deliberate faults of test/vscode/expected-faults.json',
      );
      const fromCli = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`).sort();
      let last = [];
      try {
        await diagnosticsWhen('the CLI’s findings', (s) => (last = published(s)).length === fromCli.length && last.every((x, i) => x === fromCli[i]));
      } catch (e) {
        assert.deepEqual(last, fromCli, String(e));
      }
      const snapshot = await page.evaluate(() => window.lsp.snapshot());
      assert.ok(snapshot.fsRequests >= 2, 'the server read no file through the page');
      assert.deepEqual(snapshot.errors, []);
    });

    it('answers a hover on a control ID with its title', async () => {
      const rel = 'procedures/vulnerability-management.md';
      const lines = readFileSync(join(EXAMPLE, rel), 'utf8').split('\n');
      const line = lines.findIndex((l) => /\bA\.8\.8\b/.test(l));
      assert.ok(line >= 0, `no A.8.8 in ${rel}`);
      const hover = await lsp('request', 'textDocument/hover', { textDocument: { uri: uriOf(rel) }, position: { line, character: lines[line].search(/\bA\.8\.8\b/) + 2 } });
      assert.match(hover?.contents?.value ?? '', /A\.8\.8\b.*Management of technical vulnerabilities/);
    });

    it('re-publishes a document’s findings as it is edited', async () => {
      const { file, insert, code } = expected.liveEdit;
      const uri = uriOf(file);
      const text = readFileSync(join(EXAMPLE, file), 'utf8');
      const before = await page.evaluate(() => window.lsp.snapshot());
      assert.ok(!before.diagnostics[uri]?.some((d) => d.code === code), `${file} already has ${code}`);
      await lsp('notify', 'textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const end = { line: text.split('\n').length - 1, character: text.split('\n').at(-1).length };
      await lsp('notify', 'textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: `\n${insert}\n` }] });
      const after = await diagnosticsWhen(`${code} on ${file}`, (s) => s.diagnostics[uri]?.some((d) => d.code === code));
      assert.ok(after.publishes > before.publishes);
      assert.deepEqual(pageErrors, []);
    });
  });
});
