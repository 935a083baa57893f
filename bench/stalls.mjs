// Finds the language server's long synchronous tasks, phase by phase, on the benchmark's workspace: each of the
// soak's kinds of phase (first index, typing, paste and undo, branch switch, file operations, configuration change,
// restart on the result cache) run once in isolation, with the server's longest event-loop stall (ISMS_LOG_CHECKS:
// `event loop stalled N ms`, logged as it ends) read after each. With --profile DIR the servers run with --cpu-prof, and bench/longTasks.mjs lists the long
// tasks in the profiles and what they spent their time in.
//
//   node bench/stalls.mjs [--docs 5000] [--profile /tmp/prof]
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchClient, SERVER_EXEC_ARGV, fileUri } from './lsp.mjs';
import { generate } from './generate.mjs';
import { editSequence } from './edits.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const DOCS = Number(arg('docs', 5000));
const profile = arg('profile', undefined);
if (profile) mkdirSync(profile, { recursive: true });
const serverJs = join(repo, 'dist', 'server.js');

const work = mkdtempSync(join(tmpdir(), 'isms-stalls-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const ws = join(work, 'ws');
const info = generate(DOCS, ws);
const cacheDir = join(work, 'cache');
let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const markdownFiles = () => walk(ws).filter((p) => p.endsWith('.md'));
let writes = 0;
const writeFile = (abs, text) => {
  const tmp = join(work, `w${++writes}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, abs);
};

async function start() {
  const client = new BenchClient(serverJs);
  const execArgv = profile ? [...SERVER_EXEC_ARGV, '--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-interval=500'] : SERVER_EXEC_ARGV;
  await client.start(ws, { cacheDir, execArgv });
  return client;
}

async function settle(client) {
  for (const pause of [250, 50, 0]) {
    await client.connection.sendRequest('isms/checkSummary', {});
    await new Promise((r) => setTimeout(r, pause));
  }
}

const results = [];
function stalls(client, phase) {
  let max = 0;
  for (const line of client.logs.splice(0)) {
    if (profile) appendFileSync(join(profile, 'server.log'), `${line}\n`);
    const m = /event loop stalled (\d+) ms/.exec(line); // logged as it ends, over 50 ms (see server.ts)
    if (m) max = Math.max(max, Number(m[1]));
    const ms = /^check [^:]*: (\d+) ms/.exec(line);
    if ((/result cache|loaded/.test(line) && !ms) || (ms && Number(ms[1]) >= 30) || (m && Number(m[1]) >= 150)) console.log(`  server: ${line.replace(/file:\/\/\S+/, "").slice(0, 260)}`);
  }
  results.push({ phase, max });
  console.log(`${phase}: longest stall ${max ? `${max} ms` : 'under 50 ms'} (load ${loadavg()[0].toFixed(2)})`);
}

const open = new Map();
async function openDoc(client, abs) {
  const uri = fileUri(abs);
  open.set(uri, { text: readFileSync(abs, 'utf8'), version: 1 });
  await client.open(uri, open.get(uri).text, 1);
  return uri;
}
async function change(client, uri, text) {
  const doc = open.get(uri);
  doc.text = text;
  doc.version++;
  await client.change(uri, text, doc.version);
}
const published = (client, uri) => () => client.diagnostics.get(uri)?.version === open.get(uri).version;

console.log(`workspace: ${info.markdown} Markdown files; load ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
const client = await start();
const policy = await openDoc(client, join(ws, info.editTarget));
const register = await openDoc(client, markdownFiles().find((p) => /risk-register/.test(p)));
await client.until(() => client.progressEnded !== undefined, 600_000, 'index');
await settle(client);
stalls(client, 'first full index');

// The same settle-and-read after each phase, so a stall is counted in the phase that caused it.
let burst = 0;
for (const { text } of editSequence(open.get(policy).text, 2000)) {
  await change(client, policy, text);
  if (++burst % 500 === 0) await client.until(published(client, policy), 120_000, 'publish');
}
await client.until(published(client, policy), 120_000, 'publish');
await settle(client);
stalls(client, 'typing');

const before = open.get(register).text;
const rows = Array.from({ length: 2000 }, (_, i) => `| R-${9000 + i} | Pasted risk ${i} on GPU cluster | Head of Security | 3 | 4 | 12 | mitigate | A.8.${1 + (i % 34)} |`);
const at = before.indexOf('\n', before.lastIndexOf('\n|') + 1);
await change(client, register, `${before.slice(0, at)}\n${rows.join('\n')}${before.slice(at)}`);
await client.until(published(client, register), 120_000, 'paste');
await change(client, register, before);
await client.until(published(client, register), 120_000, 'undo');
await settle(client);
stalls(client, 'paste and undo');

const chosen = markdownFiles().filter((abs) => !open.has(fileUri(abs)) && rand() < 0.3);
for (const abs of chosen) writeFile(abs, `${readFileSync(abs, 'utf8')} [gone](./no-such-file.md)\nSee R-9999.\n`);
await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: chosen.map((abs) => ({ uri: fileUri(abs), type: 2 })) });
await settle(client);
stalls(client, `branch switch (${chosen.length} files)`);

const created = join(ws, 'policies', 'stalls-new.md');
mkdirSync(dirname(created), { recursive: true });
writeFile(created, '---\ntype: policy\nid: POL-S1\ntitle: New\nowner: CTO\nversion: "1.0"\nstatus: approved\nlast_reviewed: 2026-06-01\nreview_cycle: annual\n---\n\n# New\n\nSee R-0001.\n');
const closed = markdownFiles().filter((abs) => !open.has(fileUri(abs)) && abs !== created);
const from = closed[7];
renameSync(from, `${from.slice(0, -3)}-moved.md`);
unlinkSync(closed[8]);
await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
  changes: [
    { uri: fileUri(created), type: 1 },
    { uri: fileUri(from), type: 3 },
    { uri: fileUri(`${from.slice(0, -3)}-moved.md`), type: 1 },
    { uri: fileUri(closed[8]), type: 3 },
  ],
});
await settle(client);
stalls(client, 'file operations: create, rename, delete');

const team = join(ws, 'stalls-team');
mkdirSync(join(team, 'ai'), { recursive: true });
for (const n of [1, 2]) writeFile(join(team, 'ai', `policy-${n}.md`), `---\ntype: policy\nid: POL-T${n}\ntitle: Team ${n}\nowner: CTO\nversion: "1.0"\nstatus: approved\nlast_reviewed: 2026-06-01\nreview_cycle: annual\n---\n\n# Team ${n}\n\nSee R-0001 and [missing](./nowhere.md).\n`);
await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(team), type: 1 }] });
await settle(client);
stalls(client, 'file operations: folder moved in');
rmSync(team, { recursive: true });
await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(team), type: 3 }] });
await settle(client);
stalls(client, 'file operations: folder deleted');

const config = join(ws, '.isms.yaml');
const text = existsSync(config) ? readFileSync(config, 'utf8') : '';
writeFile(config, `${text.trimEnd()}\nrules:\n  review-due-soon: off\n`);
await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: text ? 2 : 1 }] });
await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
await settle(client);
stalls(client, 'configuration change');
await client.stop();

// A second window on the same folder and cache, as after a crash: the cache written by a first start of it is read.
for (const run of ['restart (cache written)', 'restart (cache read)']) {
  open.clear();
  const second = await start();
  await openDoc(second, join(ws, info.editTarget));
  await second.until(() => second.progressEnded !== undefined, 600_000, 'index');
  await settle(second);
  stalls(second, run);
  await second.stop();
}
console.log(JSON.stringify(results));
