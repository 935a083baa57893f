// The language server's memory on the benchmark's workspace (issue 17): indexes it, types the benchmark's edit
// mix into an open policy, pastes a 2,000-line register into the open risk register and undoes it, and samples the
// server's resident memory (VmRSS, every 50 ms, for the peaks) and its V8 heap (logged per check, ISMS_LOG_CHECKS).
//
//   node bench/memory.mjs [--docs 5000] [--edits 5000] [--pastes 3] [--growing N] [--exec-argv "FLAGS"] [--snapshot DIR]
//
// --snapshot writes V8 heap snapshots of the server (after the index, after typing, after the pastes) into DIR, for
// Chrome DevTools' Memory tab. Prints one JSON line of figures; not part of the tests.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { BenchClient, SERVER_EXEC_ARGV, fileUri } from './lsp.mjs';
import { generate } from './generate.mjs';
import { editSequence } from './edits.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const DOCS = Number(arg('docs', 5000));
const EDITS = Number(arg('edits', 5000));
const PASTES = Number(arg('pastes', 3));
const snapshotDir = arg('snapshot', undefined);
// --exec-argv "..." replaces the flags the extension launches the server with (e.g. "" for V8's defaults).
const execArgv = arg('exec-argv', undefined)?.split(' ').filter(Boolean) ?? SERVER_EXEC_ARGV;
// --growing N: the server's ISMS_GC_GROWING_PERCENT (0: V8's own heap growth policy).
const growing = arg('growing', undefined);

const ws = join(repo, 'bench', 'work', `ws-${DOCS}`);
const info = generate(DOCS, ws);
const cacheDir = mkdtempSync(join(tmpdir(), 'isms-mem-cache-'));
// --server PATH: another build of the server (an older commit's, to compare).
const client = new BenchClient(arg('server', join(repo, 'dist', 'server.js')));
const t0 = performance.now();
const log = (m) => console.error(`[memory ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);

const rss = () => {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))[1]) / 1024);
  } catch {
    return undefined;
  }
};
let phase = 'index';
const peaks = {};
const poll = setInterval(() => {
  const r = rss();
  if (r !== undefined) peaks[phase] = Math.max(peaks[phase] ?? 0, r);
}, 50);
/** The latest heap line the server logged ("heap used/total MB, external, RSS"). */
const lastHeap = () => {
  for (let i = client.logs.length - 1; i >= 0; i--) {
    const m = /heap (\d+)\/(\d+) MB, external (\d+) MB, RSS (\d+) MB/.exec(client.logs[i]);
    if (m) return { heapUsed: Number(m[1]), heapTotal: Number(m[2]), external: Number(m[3]) };
  }
  return {};
};
const figures = { docs: info.markdown, execArgv: execArgv.join(' '), growing: growing ?? 'default', load: [], after: {} };
async function settle(uri, version) {
  if (uri) await client.until(() => client.diagnostics.get(uri)?.version === version, 300_000, 'publish');
  await client.connection.sendRequest('isms/checkSummary', {});
  await client.quiet(500);
}
async function record(name) {
  await new Promise((r) => setTimeout(r, 1000));
  figures.after[name] = { rss: rss(), ...lastHeap(), peak: peaks[phase] };
  figures.load.push(loadavg()[0].toFixed(1));
  log(`${name}: ${JSON.stringify(figures.after[name])} load ${loadavg()[0].toFixed(1)}`);
  if (snapshotDir) {
    const before = new Set(readdirSync(process.cwd()));
    process.kill(client.pid, 'SIGUSR2');
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const made = readdirSync(snapshotDir).filter((f) => f.endsWith('.heapsnapshot') && !before.has(f));
      if (made.length >= Object.keys(figures.after).length && made.every((f) => !f.endsWith('.tmp'))) break;
    }
  }
}

if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });
await client.start(ws, {
  cacheDir,
  env: growing === undefined ? {} : { ISMS_GC_GROWING_PERCENT: growing },
  execArgv: snapshotDir ? [...execArgv, '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : execArgv,
});
const started = performance.now();
const open = new Map();
const openDoc = async (rel) => {
  const abs = join(ws, rel);
  const uri = fileUri(abs);
  open.set(uri, { text: readFileSync(abs, 'utf8'), version: 1 });
  await client.open(uri, open.get(uri).text, 1);
  return uri;
};
const policyUri = await openDoc(info.editTarget);
const registerRel = readdirSync(ws, { recursive: true }).filter((p) => /risk-register[^/]*\.md$/.test(p)).sort()[0];
const registerUri = await openDoc(registerRel);
await client.until(() => client.progressEnded !== undefined, 600_000, 'index');
figures.indexMs = Math.round(client.progressEnded - started);
await settle();
await record('index');

const change = async (uri, text) => {
  const doc = open.get(uri);
  doc.text = text;
  doc.version++;
  await client.change(uri, text, doc.version);
};
phase = 'typing';
const base = open.get(policyUri).text;
let n = 0;
const editMs = [];
for (const { text } of editSequence(base, EDITS)) {
  // Each edit awaited until the server published its findings for it (as the measurement did).
  const sent = performance.now();
  await change(policyUri, text);
  await client.until(() => client.diagnostics.get(policyUri)?.version === open.get(policyUri).version, 120_000, 'publish');
  editMs.push(performance.now() - sent);
  if (++n % 250 === 0) log(`${n} edits, RSS ${rss()} MB, ${JSON.stringify(lastHeap())}`);
}
await change(policyUri, base);
await settle(policyUri, open.get(policyUri).version);
editMs.sort((a, b) => a - b);
figures.editMedianMs = Math.round(editMs[editMs.length >> 1] * 10) / 10;
figures.editP95Ms = Math.round(editMs[Math.floor(editMs.length * 0.95)] * 10) / 10;
await record('typing');

phase = 'paste';
const before = open.get(registerUri).text;
const rows = Array.from({ length: 2000 }, (_, i) => `| R-${9000 + i} | Pasted risk ${i} on ${['model weights', 'GPU cluster', 'training data'][i % 3]} | Head of Security | 3 | 4 | 12 | mitigate | A.8.${1 + (i % 34)} |`);
const marker = before.lastIndexOf('\n|');
const at = marker >= 0 ? before.indexOf('\n', marker + 1) : before.length;
for (let i = 0; i < PASTES; i++) {
  await change(registerUri, `${before.slice(0, at)}\n${rows.join('\n')}${before.slice(at)}`);
  await settle(registerUri, open.get(registerUri).version);
  await change(registerUri, before);
  await settle(registerUri, open.get(registerUri).version);
}
await record('paste');
phase = 'idle';
await new Promise((r) => setTimeout(r, 10_000));
await record('idle');
clearInterval(poll);
figures.peaks = peaks;
await client.stop();
rmSync(cacheDir, { recursive: true, force: true });
console.log(JSON.stringify(figures));
