// A working day in the editor, compressed: drives the language server over LSP on the benchmark's workspace with
// typing, pastes and undos, branch switches that rewrite many files on disk, files created, renamed and deleted
// (open and closed), configuration changes, and crashes at random points of indexing and cache writing. After every
// phase the findings the server published must equal a fresh `isms check` of the same files; resident memory and
// the server's longest event-loop stall are recorded. Writes bench/soak.md and bench/soak-memory.png.
//
//   npm run soak                         10 minutes on the 5,000-document workspace
//   npm run soak -- --minutes 2 --docs 1000 --out /tmp/soak   (--short: about a minute on 300 documents, no report)
//
// Exit status 0 only when no phase found a mismatch and every goal was met (memory at the end within 20 % of
// memory after the first full index, no event-loop stall over 200 ms); with --short, only when no phase mismatched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { BenchClient, fileUri } from './lsp.mjs';
import { generate } from './generate.mjs';
import { editSequence } from './edits.mjs';
import { Canvas } from './png.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const short = argv.includes('--short');
// --sabotage: a branch switch's file notifications are not sent, so the server cannot know; the soak must notice
// (the test proves the comparison can fail) and stops at the first mismatch.
const sabotage = argv.includes('--sabotage');
const MINUTES = Number(arg('minutes', short ? 1 : 10));
const DOCS = Number(arg('docs', short ? 300 : 5000));
const TODAY = '2026-11-21';
const CRASHES = Number(arg('crashes', short ? 2 : 50));
const SHORT_ROUNDS = 2;
const EDITS = Number(arg('edits', short ? 600 : 100_000));
/** Edits sent before waiting for the publish of the latest version. */
const BURST = 50;
/** Kills per crash phase: the last restart of each phase is left to finish and verified. */
const KILLS_PER_PHASE = short ? 1 : 2;
// However far the counts are from their goals, the run stops here (a loaded machine can take much longer).
const HARD_MINUTES = Number(arg('hard-minutes', MINUTES * 4));
const BRANCH_SWITCHES = Number(arg('switches', short ? 2 : 50));
const out = arg('out', short ? mkdtempSync(join(tmpdir(), 'isms-soak-')) : join(repo, 'bench'));
const cli = join(repo, 'dist', 'cli.js');
const serverJs = join(repo, 'dist', 'server.js');
if (!existsSync(serverJs)) throw new Error('run `npm run build` first');

const log = (m) => console.log(`[soak ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);
const t0 = performance.now();
const loadBefore = loadavg();
const deadline = t0 + MINUTES * 60_000;
const hardDeadline = t0 + HARD_MINUTES * 60_000;

// A private copy of the generated workspace: the soak rewrites it.
const work = mkdtempSync(join(tmpdir(), 'isms-soak-ws-'));
const ws = join(work, 'ws');
const info = generate(DOCS, ws);
const cacheDir = join(work, 'cache');
const markdownFiles = () => walk(ws).filter((p) => p.endsWith('.md'));

function walk(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(abs));
    else found.push(abs);
  }
  return found;
}

/** Deterministic randomness, so a failing run can be repeated. */
let seed = Number(arg('seed', 7));
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];

const samples = []; // { s, rssMb, phase }
const phases = []; // { name, ms, detail, mismatches }
let mismatches = 0;
let maxStallMs = 0;
let maxStallPhase = '';
/** The longest stall seen in the checks leading up to each kind of phase. */
const stallByPhase = new Map();
let editsDone = 0;
let crashes = 0;
let switches = 0;

function rssMb(pid) {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
  } catch {
    return undefined;
  }
}

/** The CLI's findings for the folder as it is on disk, keyed by URI, each as a comparable string. */
function expectedFindings() {
  const run = spawnSync(process.execPath, [cli, 'check', ws, '--format', 'json', '--today', TODAY, '--exit-zero'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`isms check failed: ${run.stderr}`);
  const byUri = new Map();
  // The editor has no row for a folder: the server shows findings about the whole ISMS on its .isms.yaml, if any.
  const whole = existsSync(join(ws, '.isms.yaml')) ? '.isms.yaml' : '';
  for (const d of JSON.parse(run.stdout).diagnostics) {
    const uri = fileUri(join(ws, d.file === '.' ? whole : d.file));
    const key = `${d.line - 1}:${d.column - 1}-${d.endLine - 1}:${d.endColumn - 1} ${d.severity} ${d.code} ${d.message}`;
    if (!byUri.has(uri)) byUri.set(uri, []);
    byUri.get(uri).push(key);
  }
  return byUri;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
function publishedFindings(client) {
  const byUri = new Map();
  for (const [uri, p] of client.diagnostics) {
    if (!p.diagnostics.length) continue;
    byUri.set(
      uri,
      p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${SEVERITY[d.severity]} ${d.code} ${d.message}`),
    );
  }
  return byUri;
}

/** Differences between two finding maps (as multisets per URI); empty when equal. */
function diff(expected, actual) {
  const problems = [];
  for (const uri of new Set([...expected.keys(), ...actual.keys()])) {
    const want = [...(expected.get(uri) ?? [])].sort();
    const got = [...(actual.get(uri) ?? [])].sort();
    if (want.join('\n') === got.join('\n')) continue;
    const missing = want.filter((x) => !got.includes(x));
    const extra = got.filter((x) => !want.includes(x));
    problems.push(`${uri.slice(fileUri(ws).length)}: missing ${JSON.stringify(missing.slice(0, 3))} extra ${JSON.stringify(extra.slice(0, 3))}`);
  }
  return problems;
}

/** Waits until the server has caught up: its check summary answered and no publish for a while. */
async function settle(client) {
  await client.connection.sendRequest('isms/checkSummary', {});
  await client.quiet(short ? 400 : 800);
  await client.connection.sendRequest('isms/checkSummary', {});
  await client.quiet(short ? 400 : 800);
}

/** Asserts the published findings equal a fresh CLI check, after the open documents are saved to disk as typed. */
async function verify(client, phase, open) {
  for (const [uri, doc] of open) {
    writeFileSync(fileURLToPath(uri), doc.text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  }
  await settle(client);
  // Checks are scheduled after file events and run when the server gets to them (later on a loaded machine): a
  // difference counts only when it persists. Real drift never heals by itself.
  const expected = expectedFindings();
  let problems = diff(expected, publishedFindings(client));
  for (const until = performance.now() + 30_000; problems.length && performance.now() < until; ) {
    await new Promise((r) => setTimeout(r, 1000));
    problems = diff(expected, publishedFindings(client));
  }
  const rss = rssMb(client.pid);
  samples.push({ s: (performance.now() - t0) / 1000, rssMb: rss, phase });
  readStalls(client, phase);
  if (problems.length) {
    mismatches++;
    log(`MISMATCH after ${phase}: ${problems.length} files differ\n  ${problems.slice(0, 5).join('\n  ')}`);
    if (sabotage) {
      await client.stop();
      rmSync(work, { recursive: true, force: true });
      console.log(JSON.stringify({ mismatches, phase }));
      process.exit(1);
    }
  }
  return problems.length;
}

/** The server logs each check with its longest event-loop stall since the previous log (ISMS_LOG_CHECKS). */
function readStalls(client, phase) {
  for (const line of client.logs.splice(0)) {
    const m = /event loop max (\d+) ms/.exec(line);
    if (!m) continue;
    const ms = Number(m[1]);
    const kind = phase.replace(/ \(round \d+\)| \d+$/, '');
    stallByPhase.set(kind, Math.max(stallByPhase.get(kind) ?? 0, ms));
    if (ms > maxStallMs) [maxStallMs, maxStallPhase] = [ms, phase];
  }
}

async function startServer() {
  const client = new BenchClient(serverJs);
  await client.start(ws, { cacheDir, env: { ISMS_TODAY: TODAY } });
  return client;
}

async function openDoc(client, open, abs) {
  const uri = fileUri(abs);
  const doc = { text: readFileSync(abs, 'utf8'), version: 1 };
  open.set(uri, doc);
  await client.open(uri, doc.text, 1);
  return uri;
}

/** An edit as the editor sends it: the changed range only (the common prefix and suffix are left out). */
async function change(client, open, uri, text) {
  const doc = open.get(uri);
  const before = doc.text;
  let start = 0;
  const shorter = Math.min(before.length, text.length);
  while (start < shorter && before.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  doc.text = text;
  doc.version++;
  const range = { start: position(before, start), end: position(before, before.length - end) };
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: doc.version },
    contentChanges: [{ range, text: text.slice(start, text.length - end) }],
  });
  editsDone++;
}

function position(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) [line, lineStart] = [line + 1, i + 1];
  return { line, character: offset - lineStart };
}

const notifyFiles = (client, changes) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });

// ---- phases ----------------------------------------------------------------------------------------------------

/** Typing in the open policy: the benchmark's edit mix, each awaited until its publish. */
async function typing(client, open, uri, count) {
  const base = open.get(uri).text;
  for (const { text } of editSequence(base, count)) {
    await change(client, open, uri, text);
    // A fast typist: the editor sends every keystroke; the server catches up when the burst pauses.
    if (editsDone % BURST === 0) await client.until(() => client.diagnostics.get(uri)?.version === open.get(uri).version, 120_000, 'publish');
  }
  // Back to where it started, so the document does not grow all day.
  await change(client, open, uri, base);
}

/** Pasting a 2,000-line register into the open register, then undoing the paste. */
async function pasteAndUndo(client, open, uri) {
  const before = open.get(uri).text;
  const rows = Array.from({ length: 2000 }, (_, i) => `| R-${9000 + i} | Pasted risk ${i} on ${pick(['model weights', 'GPU cluster', 'training data'])} | Head of Security | 3 | 4 | 12 | mitigate | A.8.${1 + (i % 34)} |`);
  const marker = before.lastIndexOf('\n|');
  const at = marker >= 0 ? before.indexOf('\n', marker + 1) : before.length;
  await change(client, open, uri, `${before.slice(0, at)}\n${rows.join('\n')}${before.slice(at)}`);
  await client.until(() => client.diagnostics.get(uri)?.version === open.get(uri).version, 120_000, 'paste publish');
  await change(client, open, uri, before);
}

/** A branch switch: 5–30 % of the Markdown files rewritten on disk at once (dates, references, links changed). */
async function branchSwitch(client, open) {
  const files = markdownFiles().filter((abs) => !open.has(fileUri(abs)));
  const share = 0.05 + rand() * 0.25;
  const chosen = files.filter(() => rand() < share);
  for (const abs of chosen) writeFileSync(abs, mutate(readFileSync(abs, 'utf8')));
  if (!sabotage) await notifyFiles(client, chosen.map((abs) => ({ uri: fileUri(abs), type: 2 })));
  switches++;
  return chosen.length;
}

/** One of a few realistic changes another branch would have made to a file. */
function mutate(text) {
  const lines = text.split('\n');
  const k = Math.floor(rand() * 4);
  if (k === 0) return text.replace(/last_reviewed: (\d{4})/, (_, y) => `last_reviewed: ${Number(y) % 2 ? Number(y) - 1 : Number(y) + 1}`);
  if (k === 1) return text.includes(' See R-9999.') ? text.replace(' See R-9999.', '') : `${text}\nSee R-9999.\n`;
  if (k === 2) {
    const h = lines.findIndex((l) => l.startsWith('## '));
    if (h >= 0) lines[h] = lines[h].endsWith(' (rev)') ? lines[h].slice(0, -6) : `${lines[h]} (rev)`;
    return lines.join('\n');
  }
  return text.includes('[gone](./no-such-file.md)') ? text.replace(' [gone](./no-such-file.md)', '') : `${text} [gone](./no-such-file.md)\n`;
}

/** Files created, renamed and deleted on disk, closed ones and the open one. */
async function fileOperations(client, open, openUri) {
  const closed = markdownFiles().filter((abs) => !open.has(fileUri(abs)));
  // Created: a new policy naming a risk and a control.
  const created = join(ws, 'policies', `soak-new-${Math.floor(rand() * 1e6)}.md`);
  mkdirSync(dirname(created), { recursive: true });
  writeFileSync(created, `---\ntype: policy\nid: POL-S${Math.floor(rand() * 1e6)}\ntitle: Soak policy\nowner: CTO\nversion: "1.0"\nstatus: approved\nlast_reviewed: 2026-06-01\nreview_cycle: annual\ncontrols: [A.5.1, A.9.9]\n---\n\n# Soak policy\n\nSee R-0001 and [missing](./nowhere.md).\n`);
  // Renamed: a closed file moves (its links may break, others' links to it break).
  const from = pick(closed);
  const to = `${from.slice(0, -3)}-moved.md`;
  renameSync(from, to);
  // Deleted: another closed file.
  const gone = pick(closed.filter((p) => p !== from));
  unlinkSync(gone);
  await notifyFiles(client, [
    { uri: fileUri(created), type: 1 },
    { uri: fileUri(from), type: 3 },
    { uri: fileUri(to), type: 1 },
    { uri: fileUri(gone), type: 3 },
  ]);
  // The open document deleted on disk: the editor keeps its text, and so must the server's findings.
  const openAbs = fileURLToPath(openUri);
  const saved = readFileSync(openAbs, 'utf8');
  unlinkSync(openAbs);
  await notifyFiles(client, [{ uri: openUri, type: 3 }]);
  await change(client, open, openUri, `${open.get(openUri).text}\nEdited while deleted on disk.\n`);
  writeFileSync(openAbs, saved);
  await notifyFiles(client, [{ uri: openUri, type: 1 }]);
  // The open document renamed: the editor closes the old URI and opens the new one with the same text.
  const renamed = `${openAbs.slice(0, -3)}-renamed.md`;
  renameSync(openAbs, renamed);
  const text = open.get(openUri).text;
  open.delete(openUri);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: openUri } });
  await notifyFiles(client, [
    { uri: openUri, type: 3 },
    { uri: fileUri(renamed), type: 1 },
  ]);
  const newUri = fileUri(renamed);
  open.set(newUri, { text, version: 1 });
  await client.open(newUri, text, 1);
  return newUri;
}

/** A configuration change: a rule's severity toggled in .isms.yaml (and the editor's settings notification). */
async function configurationChange(client) {
  const config = join(ws, '.isms.yaml');
  const text = existsSync(config) ? readFileSync(config, 'utf8') : '';
  const next = text.includes('review-due-soon: off') ? text.replace(/\n?rules:\n {2}review-due-soon: off\n?/, '\n') : `${text.trimEnd()}\nrules:\n  review-due-soon: off\n`;
  if (/^rules:/m.test(text) && !text.includes('review-due-soon: off')) return; // a generated config with rules already: leave it
  writeFileSync(config, next.startsWith('\n') ? next.slice(1) : next);
  await notifyFiles(client, [{ uri: fileUri(config), type: existsSync(config) && text ? 2 : 1 }]);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
}

/**
 * Kills the server at a random point: while it indexes, or right after its first full check (when it writes the
 * result cache). The restarted server must publish what a clean start publishes.
 */
async function crash(client, indexMs, kills) {
  client.process.kill('SIGKILL');
  await new Promise((resolve) => client.process.once('exit', resolve));
  client.connection.dispose();
  for (let k = 0; k < kills; k++) {
    const victim = await startServer();
    const when = rand() < 0.5 ? rand() * indexMs : indexMs + rand() * 1500;
    await new Promise((r) => setTimeout(r, when));
    victim.process.kill('SIGKILL');
    await new Promise((resolve) => victim.process.once('exit', resolve));
    victim.connection.dispose();
    crashes++;
  }
  return startServer();
}

// ---- the day -----------------------------------------------------------------------------------------------------

async function phase(name, fn) {
  const started = performance.now();
  const detail = await fn();
  phases.push({ name, ms: performance.now() - started, detail });
}

log(`workspace: ${info.markdown} Markdown files (${(info.bytes / 1e6).toFixed(1)} MB) in ${ws}`);
let client = await startServer();
// RSS every second for the curve (the per-phase samples are what the goals judge).
const trace = [];
const sampler = setInterval(() => {
  const mb = client.pid && rssMb(client.pid);
  if (mb) trace.push({ s: (performance.now() - t0) / 1000, rssMb: mb });
}, 1000);
const open = new Map();
let policyUri = await openDoc(client, open, join(ws, info.editTarget));
const registerAbs = markdownFiles().find((p) => /risk-register/.test(p));
const registerUri = await openDoc(client, open, registerAbs);
const indexStarted = performance.now();
await client.until(() => client.progressEnded !== undefined, 600_000, 'index');
const indexMs = performance.now() - indexStarted;
await verify(client, 'first full index', open);
const baselineRss = samples[0].rssMb;
log(`indexed in ${(indexMs / 1000).toFixed(1)} s; RSS ${baselineRss} MB`);

// One branch switch a round; the typing is spread so that the edit count is reached with the switches.
const editsPerRound = Number(arg('edits-per-round', Math.ceil((EDITS / Math.max(1, short ? SHORT_ROUNDS : BRANCH_SWITCHES) - 2) / BURST) * BURST));
/** Past the hard limit the run stops between phases, not only between rounds (a round can take many minutes). */
const overtime = () => !short && performance.now() > hardDeadline;
let round = 0;
const countsDue = () => switches < BRANCH_SWITCHES || crashes < CRASHES || editsDone < EDITS;
while (short || ((performance.now() < deadline || countsDue()) && performance.now() < hardDeadline)) {
  round++;
  await phase('typing', async () => {
    await typing(client, open, policyUri, editsPerRound);
    return `${editsPerRound} edits`;
  });
  await phase('paste and undo', () => pasteAndUndo(client, open, registerUri));
  // One comparison for both: the CLI's check of the whole folder is the soak's slowest step.
  await verify(client, `typing, paste and undo (round ${round})`, open);
  if (overtime()) break;
  await phase('branch switch', async () => `${await branchSwitch(client, open)} files rewritten`);
  await verify(client, `branch switch ${switches}`, open);
  if (overtime()) break;
  if (short || round % 3 === 1) {
    await phase('file operations', async () => {
      policyUri = await fileOperations(client, open, policyUri);
      return 'created, renamed, deleted (closed and open)';
    });
    await verify(client, `file operations (round ${round})`, open);
    if (overtime()) break;
    await phase('configuration change', () => configurationChange(client));
    await verify(client, `configuration change (round ${round})`, open);
    if (overtime()) break;
  }
  // Crashes spread over the rounds so that they reach their count with the branch switches.
  if (crashes < Math.min(CRASHES, short ? round : Math.ceil((CRASHES * round) / BRANCH_SWITCHES))) {
    await phase('crash and restart', async () => {
      client = await crash(client, indexMs, KILLS_PER_PHASE);
      for (const [uri, doc] of open) await client.open(uri, doc.text, doc.version);
      await client.until(() => client.progressEnded !== undefined, 600_000, 'index after restart');
      return `crash ${crashes}`;
    });
    await verify(client, `restart after crash ${crashes}`, open);
  }
  log(`round ${round}: ${editsDone} edits, ${switches} switches, ${crashes} crashes, RSS ${samples.at(-1).rssMb} MB, ${mismatches} mismatches, longest stall ${maxStallMs} ms (${maxStallPhase})`);
  // The short soak (npm test) makes two rounds whatever the machine's speed, so it does the same work every run.
  if (short && round >= SHORT_ROUNDS) break;
}
const finalRss = samples.at(-1).rssMb;
clearInterval(sampler);
await client.stop();

const growth = (finalRss - baselineRss) / baselineRss;
const goals = [
  [`at least ${EDITS.toLocaleString('en')} edits of open documents`, editsDone >= EDITS, editsDone.toLocaleString('en')],
  [`at least ${BRANCH_SWITCHES} branch switches`, switches >= BRANCH_SWITCHES, String(switches)],
  [`at least ${CRASHES} kills during indexing or cache writes`, crashes >= CRASHES, String(crashes)],
  ['no mismatch between published findings and a fresh `isms check`', mismatches === 0, `${mismatches} mismatching phases of ${samples.length}`],
  ['memory after the run within 20 % of memory after the first full index', growth <= 0.2, `${baselineRss} MB → ${finalRss} MB (${(growth * 100).toFixed(0)} %)`],
  ['no event-loop stall over 200 ms', maxStallMs <= 200, `longest ${maxStallMs} ms`],
];
const total = ((performance.now() - t0) / 1000).toFixed(0);
log(`done in ${total} s: ${editsDone} edits, ${switches} branch switches, ${crashes} crashes; ${goals.map(([g, ok]) => `${ok ? 'met' : 'MISSED'}: ${g}`).join('; ')}`);

if (!short) {
  mkdirSync(out, { recursive: true });
  plot(join(out, 'soak-memory.png'));
  writeFileSync(join(out, 'soak.md'), report(total, indexMs));
  log(`wrote ${join(out, 'soak.md')} and soak-memory.png`);
}
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify({ mismatches, edits: editsDone, switches, crashes, baselineRss, finalRss, maxStallMs, phases: samples.length }));
// The short soak (in npm test) judges only correctness: memory and stalls over a minute on a loaded test machine
// are measurements, recorded by the full soak, not assertions.
process.exitCode = (short ? mismatches === 0 : goals.every(([, ok]) => ok)) ? 0 : 1;

function report(total, indexMs) {
  const lines = [
    '# Soak: a working day in the editor',
    '',
    `Generated by \`${['node bench/soak.mjs', ...argv].join(' ')}\` on ${new Date().toISOString().slice(0, 10)}: the benchmark's ${info.markdown}-document workspace, planned ${MINUTES} minutes (the counts below are reached first, stopping at ${HARD_MINUTES} minutes in any case), ${total} s in all. Node ${process.version}, ${cpus().length} CPU cores; load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}, after ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (other work shared the machine: times are wall-clock under that load).`,
    '',
    `- ${editsDone.toLocaleString('en')} edits of open documents (the benchmark's typing mix on an 8 KB policy; a 2,000-line register pasted into the open risk register and undone, each round)`,
    `- ${switches} branch switches, each rewriting 5–30 % of the Markdown files on disk (dates, references, headings, links)`,
    `- files created, renamed and deleted on disk while closed and while open; \`.isms.yaml\` changed; ${crashes} crashes (SIGKILL at a random point of indexing or of the first check and cache write), each followed by a restart`,
    `- after each of ${samples.length} phases, the published findings were compared with a fresh \`isms check --format json\` of the same files (open documents saved first): same files, ranges, severities, codes and messages`,
    `- first full index: ${(indexMs / 1000).toFixed(1)} s`,
    '',
    '| goal | result | |',
    '|---|---|---|',
    ...goals.map(([g, ok, detail]) => `| ${g} | ${detail} | **${ok ? 'met' : 'missed'}** |`),
    '',
    '![Resident memory of the language server after each phase](soak-memory.png)',
    '',
    '| phase | count | median ms | max ms |',
    '|---|---|---|---|',
  ];
  const byName = new Map();
  for (const p of phases) (byName.get(p.name) ?? byName.set(p.name, []).get(p.name)).push(p.ms);
  for (const [name, ms] of byName) {
    ms.sort((a, b) => a - b);
    lines.push(`| ${name} | ${ms.length} | ${ms[Math.floor(ms.length / 2)].toFixed(0)} | ${ms.at(-1).toFixed(0)} |`);
  }
  lines.push('', "Longest event-loop stall the server logged (ISMS_LOG_CHECKS, `monitorEventLoopDelay`) in the checks leading up to each kind of phase's comparison:", '', '| phase | longest stall |', '|---|---|');
  for (const [name, ms] of stallByPhase) lines.push(`| ${name} | ${ms} ms |`);
  lines.push('', 'Resident memory (VmRSS) after each phase, MB: ' + samples.map((s) => s.rssMb).join(', ') + '.', '');
  return lines.join('\n');
}

/** The memory curve as a PNG (bench/png.mjs): RSS sampled every second, the phases' samples marked. */
function plot(png) {
  const w = 960;
  const h = 480;
  const [left, right, top, bottom] = [90, 30, 50, 70];
  const curve = trace.length ? trace : samples;
  const maxS = Math.max(...curve.map((s) => s.s), ...samples.map((s) => s.s), 1);
  const step = [50, 100, 200, 250, 500].find((t) => (Math.max(...curve.map((s) => s.rssMb), baselineRss * 1.3) * 1.05) / t <= 6) ?? 1000;
  const maxMb = Math.ceil((Math.max(...curve.map((s) => s.rssMb), baselineRss * 1.3) * 1.05) / step) * step;
  const x = (s) => left + ((w - left - right) * s) / maxS;
  const y = (mb) => h - bottom - ((h - top - bottom) * mb) / maxMb;
  const c = new Canvas(w, h);
  const [ink, grid, red, blue, green] = [[0, 0, 0], [221, 221, 221], [200, 50, 50], [31, 58, 95], [30, 140, 60]];
  c.text(w / 2, 16, `language server RSS during the soak (${info.markdown} documents)`, ink, { align: 'center' });
  for (let mb = 0; mb <= maxMb; mb += step) {
    c.line(left, y(mb), w - right, y(mb), grid);
    c.text(left - 8, y(mb) - 7, String(mb), ink, { align: 'right' });
  }
  const sStep = [30, 60, 120, 300, 600].find((t) => maxS / t <= 10) ?? 1200;
  for (let s = 0; s <= maxS; s += sStep) {
    c.line(x(s), h - bottom, x(s), h - bottom + 5, ink);
    c.text(x(s), h - bottom + 10, String(s), ink, { align: 'center' });
  }
  c.line(left, top, left, h - bottom, ink, 2);
  c.line(left, h - bottom, w - right, h - bottom, ink, 2);
  c.line(left, y(baselineRss * 1.2), w - right, y(baselineRss * 1.2), red, 2, [8, 6]);
  c.text(w - right, y(baselineRss * 1.2) - 20, '+20 % of RSS after the first index', red, { align: 'right' });
  // A gap of more than a few seconds is a crash and restart: no line across it.
  for (let i = 1; i < curve.length; i++) if (curve[i].s - curve[i - 1].s < 5) c.line(x(curve[i - 1].s), y(curve[i - 1].rssMb), x(curve[i].s), y(curve[i].rssMb), blue, 2);
  for (const s of samples) c.rect(x(s.s) - 2, y(s.rssMb) - 2, 5, 5, green);
  c.text(w / 2, h - 30, 'seconds since start (dots: checked phases; gaps: crashes and restarts)', ink, { align: 'center' });
  c.text(24, h / 2, 'RSS, MB', ink, { vertical: true, align: 'center' });
  writeFileSync(png, c.png());
}
