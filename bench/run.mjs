// `npm run bench`: the ISMS language server measured side by side with VS Code's Markdown language service on
// generated workspaces of 100, 1,000 and 5,000 documents. Writes bench/results.md.
//
// Everything is measured in fresh processes (median of BENCH_RUNS, default 3):
//   cold   the server on a folder it has never seen (empty cache folder): from spawning it and sending
//          `initialize` until every finding the CLI reports for that folder has been published over LSP;
//   warm   the server restarted on the unchanged folder (its cache folder kept): the same measure;
//   first  a document opened right after `initialized`: until its first publish, and until its complete findings;
//   edits  BENCH_EDITS (200) edits of an 8 KB policy while it is open (typing, new lines, a heading, risk and
//          link references, frontmatter), each until the last publish it causes (dependants included);
//          plus edits of a risk register that other documents depend on;
//   RSS    peak resident set (VmHWM) of the server process;
//   md     vscode-markdown-languageservice 0.5 with markdown-it 14 (bench/mdService.mjs), link diagnostics of
//          every document, cold and a warm second pass, in a fresh process per run.
// Then the audit pack's export beside `isms check` (bench/export.mjs, its own section of results.md).
// Environment: BENCH_SIZES=100,1000,5000  BENCH_RUNS=3  BENCH_EDITS=200  BENCH_EXPORT=0 (skip the export figures).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import * as esbuild from 'esbuild';
import { generate } from './generate.mjs';
import { BenchClient, fileUri, peakRssMb } from './lsp.mjs';
import { editSequence } from './edits.mjs';
import { exportFigures, renderExport, writeExportSection } from './export.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(repo, 'bench', 'work');
const buildDir = join(repo, '.build', 'bench');
const distDir = join(buildDir, 'dist');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const TODAY = '2026-11-21';
const PACE_MS = 100;

const log = (message) => process.stderr.write(`${message}\n`);
const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return undefined;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function build() {
  log('building the server and CLI into .build/bench/dist …');
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: repo, env: { ...process.env, ISMS_DIST_DIR: distDir }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
  // The Markdown service is ESM importing vscode-uri's default export, which only its CommonJS build has.
  esbuild.buildSync({
    entryPoints: [join(repo, 'bench', 'mdService.mjs')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(buildDir, 'mdService.cjs'),
    logLevel: 'error',
    alias: { 'vscode-uri': join(repo, 'node_modules', 'vscode-uri', 'lib', 'umd', 'index.js') },
  });
}

/** Generates a workspace unless the same generator already made it. */
function workspace(n) {
  const dir = join(work, `ws-${n}`);
  const stamp = createHash('sha1').update(readFileSync(join(repo, 'bench', 'generate.mjs'))).digest('hex');
  const marker = join(work, `ws-${n}.json`);
  if (existsSync(marker) && existsSync(dir)) {
    const info = JSON.parse(readFileSync(marker, 'utf8'));
    if (info.stamp === stamp) return info;
  }
  log(`generating ${n} documents …`);
  const info = { ...generate(n, dir), dir, stamp };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

/** The CLI on the folder: expected findings per URI, its --stats line, wall time and peak RSS. */
function cli(info) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(repo, 'bench', 'maxrss.cjs'), join(distDir, 'cli.js'), 'check', info.dir, '--today', TODAY, '--format', 'json', '--stats', '--exit-zero'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  const json = JSON.parse(r.stdout);
  const expected = new Map();
  for (const d of json.diagnostics) {
    const uri = d.file === '.' ? fileUri(info.dir) : fileUri(join(info.dir, d.file));
    expected.set(uri, (expected.get(uri) ?? 0) + 1);
  }
  const stats = /stats: .*/.exec(r.stderr)?.[0] ?? '';
  const maxRss = Number(/bench-maxrss-kb (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { expected, stats, wallMs, peakRssMb: Math.round(maxRss / 1024), summary: json.summary };
}

/** True once the client shows exactly the expected number of findings on every URI. */
function tracker(client, expected) {
  const wrong = new Set(expected.keys());
  client.takeRecent();
  for (const uri of client.diagnostics.keys()) client.recent.push(uri);
  return () => {
    for (const uri of client.takeRecent()) {
      if (client.diagnostics.get(uri).diagnostics.length === (expected.get(uri) ?? 0)) wrong.delete(uri);
      else wrong.add(uri);
    }
    return wrong.size === 0;
  };
}

async function serverRun(info, expected, { cacheDir, editTarget, edits }) {
  const client = new BenchClient(join(distDir, 'server.js'));
  const editUri = fileUri(join(info.dir, editTarget));
  const editText = readFileSync(join(info.dir, editTarget), 'utf8');
  await client.start(info.dir, { cacheDir });
  // An editor restoring an open file: didOpen right after initialized.
  const openSent = performance.now();
  await client.open(editUri, editText, 1);
  const complete = tracker(client, expected);
  await client.until(complete, 300_000, 'all findings');
  const result = { allMs: client.lastPublish - client.t0 };
  await client.until(() => client.progressEnded !== undefined, 300_000, 'progress end');
  result.indexMs = client.progressEnded - client.t0;
  await client.until(() => client.firstPublishedAt.has(editUri), 300_000, 'the open document');
  result.firstOpenMs = client.firstPublishedAt.get(editUri) - openSent;
  result.peakRssMb = peakRssMb(client.pid);
  if (edits) Object.assign(result, await editRun(client, info, editUri, editText));
  result.peakRssEndMb = peakRssMb(client.pid);
  await client.stop();
  return result;
}

async function editRun(client, info, editUri, editText) {
  const latencies = [];
  const byKind = new Map();
  let version = 1;
  const parsesBefore = lastParses(client);
  let lastSent = 0;
  for (const { text, label } of editSequence(editText, EDITS)) {
    version++;
    // A fast typist: at most ten edits a second.
    const wait = lastSent + PACE_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    lastSent = sent;
    await client.change(editUri, text, version);
    await client.until(() => client.diagnostics.get(editUri)?.version === version, 30_000, `publish of version ${version}`);
    await client.quiet(25);
    const ms = client.lastPublish - sent;
    latencies.push(ms);
    if (!byKind.has(label)) byKind.set(label, []);
    byKind.get(label).push(ms);
  }
  const parsesAfter = lastParses(client);
  const peakAfterEditsMb = peakRssMb(client.pid);
  // A risk register that the open policy and many others depend on: drop a risk, then put it back.
  const register = join(info.dir, 'risk', 'risk-register-001.md');
  const registerUri = fileUri(register);
  const registerText = readFileSync(register, 'utf8');
  await client.open(registerUri, registerText, 1);
  await client.quiet(100);
  const registerLatencies = [];
  const registerLogs = [];
  let v = 1;
  for (let i = 0; i < 10; i++) {
    v++;
    await new Promise((r) => setTimeout(r, PACE_MS));
    const text = i % 2 === 0 ? registerText.replace(/^\| R-0001 .*\n/m, '') : registerText;
    const logsBefore = client.logs.length;
    const sent = performance.now();
    await client.change(registerUri, text, v);
    await client.until(() => client.diagnostics.get(registerUri)?.version === v, 30_000, 'register publish');
    await client.quiet(25);
    registerLatencies.push(client.lastPublish - sent);
    registerLogs.push(...client.logs.slice(logsBefore).filter((l) => l.startsWith('check ')));
  }
  return {
    editMedianMs: median(latencies),
    editP95Ms: percentile(latencies, 95),
    editMaxMs: Math.max(...latencies),
    editByKind: Object.fromEntries([...byKind].map(([k, xs]) => [k, { n: xs.length, median: median(xs), max: Math.max(...xs) }])),
    editParses: parsesAfter !== undefined && parsesBefore !== undefined ? parsesAfter - parsesBefore : undefined,
    registerMedianMs: median(registerLatencies),
    registerMaxMs: Math.max(...registerLatencies),
    registerLog: registerLogs.find((l) => / 1 documents changed/.test(l)),
    peakAfterEditsMb,
    peakAfterRegisterMb: peakRssMb(client.pid),
  };
}

function lastParses(client) {
  for (let i = client.logs.length - 1; i >= 0; i--) {
    const m = /(\d+) parses in all/.exec(client.logs[i]);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** VS Code's Markdown service in a fresh process: cold time from spawning it, as for the language server. */
function mdService(dir) {
  return new Promise((resolvePromise, reject) => {
    const spawned = performance.now();
    const child = spawn(process.execPath, [join(buildDir, 'mdService.cjs'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let coldAt;
    child.stdout.on('data', (d) => {
      out += d;
      if (coldAt === undefined && out.includes('cold done\n')) coldAt = performance.now();
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(err));
      const result = JSON.parse(out.slice(out.indexOf('\n') + 1));
      resolvePromise({ ...result, inProcessColdMs: result.coldMs, coldMs: coldAt - spawned });
    });
  });
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpu)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const version = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).stdout.trim() ? ' (with uncommitted changes)' : '';
  return {
    cpus: cpus().length,
    model,
    memoryGb: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    versions: {
      'isms-markdown': pkg.version,
      'vscode-markdown-languageservice': version('vscode-markdown-languageservice'),
      'markdown-it': version('markdown-it'),
      'vscode-languageserver': version('vscode-languageserver'),
      yaml: version('yaml'),
    },
    commit: commit + dirty,
  };
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg();
  build();
  const results = [];
  for (const n of SIZES) {
    const info = workspace(n);
    log(`\n${n} documents (${(info.bytes / 1e6).toFixed(1)} MB of Markdown)`);
    const expectation = cli(info);
    log(`  CLI: ${expectation.stats} (wall ${expectation.wallMs.toFixed(0)} ms)`);
    const cold = [];
    const warm = [];
    const md = [];
    const cacheDir = join(work, `cache-${n}`);
    for (let r = 0; r < RUNS; r++) {
      rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      const run = await serverRun(info, expectation.expected, { cacheDir, editTarget: info.editTarget, edits: r === 0 });
      cold.push(run);
      log(`  cold #${r + 1}: all findings ${run.allMs.toFixed(0)} ms, index ${run.indexMs.toFixed(0)} ms, first open ${run.firstOpenMs.toFixed(0)} ms, peak RSS ${run.peakRssMb} MB${run.editMedianMs !== undefined ? `; edits median ${run.editMedianMs.toFixed(1)} ms, p95 ${run.editP95Ms.toFixed(1)} ms; peak RSS after edits ${run.peakAfterEditsMb} MB, after register edits ${run.peakAfterRegisterMb} MB` : ''}`);
      const w = await serverRun(info, expectation.expected, { cacheDir, editTarget: info.editTarget, edits: false });
      warm.push(w);
      log(`  warm #${r + 1}: all findings ${w.allMs.toFixed(0)} ms, index ${w.indexMs.toFixed(0)} ms, first open ${w.firstOpenMs.toFixed(0)} ms, peak RSS ${w.peakRssMb} MB`);
      const m = await mdService(info.dir);
      md.push(m);
      log(`  md service #${r + 1}: cold ${m.coldMs.toFixed(0)} ms (${m.inProcessColdMs} ms after its modules loaded), warm pass ${m.warmMs} ms, peak RSS ${m.peakRssMb} MB (${m.diagnostics} link diagnostics)`);
    }
    const pick = (runs, key) => median(runs.map((x) => x[key]));
    results.push({
      n,
      info,
      cli: expectation,
      cold: { allMs: pick(cold, 'allMs'), indexMs: pick(cold, 'indexMs'), firstOpenMs: pick(cold, 'firstOpenMs'), peakRssMb: pick(cold, 'peakRssMb'), runs: cold },
      warm: { allMs: pick(warm, 'allMs'), indexMs: pick(warm, 'indexMs'), firstOpenMs: pick(warm, 'firstOpenMs'), peakRssMb: pick(warm, 'peakRssMb'), runs: warm },
      edits: cold[0],
      md: { coldMs: pick(md, 'coldMs'), warmMs: pick(md, 'warmMs'), peakRssMb: pick(md, 'peakRssMb'), diagnostics: md[0].diagnostics },
    });
  }
  const loadAfter = loadavg();
  const report = render(results, machine(), { loadBefore, loadAfter, seconds: (Date.now() - started) / 1000 });
  writeFileSync(join(repo, 'bench', 'results.md'), report + keptSections());
  writeFileSync(join(work, 'results.json'), JSON.stringify(results, (k, v) => (v instanceof Map ? undefined : v), 2));
  // The audit pack's export beside `isms check` (bench/export.mjs); BENCH_EXPORT=0 leaves it out.
  if (process.env.BENCH_EXPORT !== '0') writeExportSection(renderExport(await exportFigures(join(distDir, 'cli.js'))));
  log(`\nwrote bench/results.md (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// Everything from the memory section on is written by other scripts or by hand (the server's memory, the stalls,
// the export beside `isms check`, which writeExportSection replaces in place): a new run of the benchmark keeps it.
const HAND_WRITTEN_START = '<!-- memory: bench/memory.mjs -->';
function keptSections() {
  const file = join(repo, 'bench', 'results.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(HAND_WRITTEN_START);
  return at >= 0 ? `\n${text.slice(at).trimEnd()}\n` : '';
}

const s = (ms) => (ms === undefined ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const ratio = (a, b) => (a === undefined || b === undefined ? '–' : (a / b).toFixed(2));
const mark = (ok) => (ok ? '**met**' : '**not met**');

function render(results, m, run) {
  const by = new Map(results.map((r) => [r.n, r]));
  const big = by.get(Math.max(...results.map((r) => r.n)));
  const mid = by.get(1000);
  const lines = [];
  lines.push('# Benchmark: ISMS language server vs VS Code\'s Markdown language service', '');
  lines.push(`Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}; ${RUNS} fresh processes per figure (median), ${EDITS} edits.`, '');
  lines.push(`- Machine: ${m.cpus} × ${m.model}, ${m.memoryGb} GB memory; Node ${m.node}.`);
  lines.push(`- Versions: ${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}; commit ${m.commit}.`);
  lines.push(`- Load average (1/5/15 min) before: ${run.loadBefore.map((x) => x.toFixed(2)).join(' / ')}, after: ${run.loadAfter.map((x) => x.toFixed(2)).join(' / ')}. The whole run took ${run.seconds.toFixed(0)} s.`);
  lines.push('- Workspaces (bench/generate.mjs, deterministic): ' + results.map((r) => `${r.n} documents = ${(r.info.bytes / 1e6).toFixed(1)} MB (${r.info.isms} ISMS documents, ${r.cli.summary.errors + r.cli.summary.warnings + r.cli.summary.infos} findings)`).join('; ') + '.');
  lines.push('');
  lines.push('## Side by side', '');
  lines.push('| documents | ISMS server cold (all findings) | VS Code md service cold (link diagnostics) | ratio | ISMS server warm restart | md service warm re-pass | ISMS peak RSS (cold / warm) | md service peak RSS |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    lines.push(`| ${r.n.toLocaleString('en')} | ${s(r.cold.allMs)} | ${s(r.md.coldMs)} | ${ratio(r.cold.allMs, r.md.coldMs)} | ${s(r.warm.allMs)} | ${s(r.md.warmMs)} | ${r.cold.peakRssMb} / ${r.warm.peakRssMb} MB | ${r.md.peakRssMb} MB |`);
  }
  lines.push('');
  lines.push('| documents | index complete, cold / warm | first open document: first publish (cold / warm) | edit median | edit p95 | register edit median / max | CLI `--stats` (wall, peak RSS) |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const e = r.edits;
    lines.push(`| ${r.n.toLocaleString('en')} | ${s(r.cold.indexMs)} / ${s(r.warm.indexMs)} | ${s(r.cold.firstOpenMs)} / ${s(r.warm.firstOpenMs)} | ${s(e.editMedianMs)} | ${s(e.editP95Ms)} | ${s(e.registerMedianMs)} / ${s(e.registerMaxMs)} | ${r.cli.stats.replace(/^stats: /, '')} (${s(r.cli.wallMs)}, ${r.cli.peakRssMb} MB) |`);
  }
  lines.push('');
  if (big) {
    lines.push(`Edits of the ${big.n.toLocaleString('en')}-document workspace by kind (median / max): ` + Object.entries(big.edits.editByKind).map(([k, v]) => `${k} ×${v.n}: ${s(v.median)} / ${s(v.max)}`).join('; ') + '.');
    if (big.edits.editParses !== undefined) lines.push(`Documents parsed during the ${EDITS} edits: ${big.edits.editParses} (the edited one, once per edit). A risk register edit, as the server logged it: \`${big.edits.registerLog ?? ''}\`.`);
    lines.push('');
  }
  lines.push('## Targets (issue 8)', '');
  if (big) {
    const growthTime = mid ? big.cold.allMs / mid.cold.allMs : undefined;
    const growthRss = mid ? big.cold.peakRssMb / mid.cold.peakRssMb : undefined;
    lines.push(`| target | measured at ${big.n.toLocaleString('en')} documents | |`);
    lines.push('|---|---|---|');
    lines.push(`| cold start ≤ VS Code md service cold link diagnostics (ratio ≤ 1.0) | ${s(big.cold.allMs)} vs ${s(big.md.coldMs)}, ratio ${ratio(big.cold.allMs, big.md.coldMs)} | ${mark(big.cold.allMs <= big.md.coldMs)} |`);
    lines.push(`| first open document's findings ≤ 300 ms after opening | ${s(big.cold.firstOpenMs)} cold, ${s(big.warm.firstOpenMs)} warm | ${mark(big.cold.firstOpenMs <= 300 && big.warm.firstOpenMs <= 300)} |`);
    lines.push(`| warm start ≤ 1.5 s | ${s(big.warm.allMs)} | ${mark(big.warm.allMs <= 1500)} |`);
    lines.push(`| typing: re-check ≤ 20 ms median, ≤ 50 ms p95 (dependants included) | ${s(big.edits.editMedianMs)} median, ${s(big.edits.editP95Ms)} p95 | ${mark(big.edits.editMedianMs <= 20 && big.edits.editP95Ms <= 50)} |`);
    lines.push(`| ≤ 300 MB resident | ${Math.max(big.cold.peakRssMb, big.warm.peakRssMb, big.edits.peakRssEndMb ?? 0)} MB peak (cold, warm, after the edits) | ${mark(Math.max(big.cold.peakRssMb, big.warm.peakRssMb, big.edits.peakRssEndMb ?? 0) <= 300)} |`);
    if (mid) lines.push(`| growth 1,000 → 5,000 ≤ 5.5× (time, memory) | cold time ×${growthTime.toFixed(2)}, peak RSS ×${growthRss.toFixed(2)} | ${mark(growthTime <= 5.5 && growthRss <= 5.5)} |`);
  }
  lines.push('');
  lines.push('## How it is measured', '');
  lines.push('- Cold: a fresh server process with an empty cache folder (`initializationOptions.cacheDir`); the clock starts when the process is spawned and stops at the publish that completes the findings the CLI reports for the folder (`isms check --format json`, same day pinned), counted per file. The server indexes with sync reads in 20 ms slices and checks every rule once.');
  lines.push('- Warm: a fresh server process on the unchanged folder with the cache folder kept: it checks every file against the content hashes stored with the cached findings (re-hashing files whose size or modification time changed), publishes the findings cached for that exact content (engine build, configuration and day are part of the key), then builds its index in the background and checks it agrees ("index complete").');
  lines.push('- First open document: the 8 KB policy is opened right after `initialized`; the figure is the time to its first publish. In a folder of 100 or more Markdown files that is still loading, that publish holds the findings of the rules that depend on the document alone (exactly what the full check says for them); the rest follow with the whole folder (warm: with the cached findings, about half a second later).');
  lines.push('- Edits: the 8 KB policy open in the editor, full-text `didChange` at most every 100 ms (a fast typist), timed until the publish for that version and the publishes it causes for other files (25 ms of quiet). Slow workspace rules (over 8 ms) run in a second pass right after the edited document’s findings are published; when that pass changes findings, its publishes are inside the measured time. A risk register edit drops a risk that other policies name and puts it back.');
  lines.push('- VS Code\'s Markdown language service: bench/mdService.mjs creates the service with markdown-it as its parser and a workspace that reads the folder, and computes diagnostics (all link checks on) for every document; "warm" is a second pass in the same process.');
  lines.push('- RSS: VmHWM of the process from /proc. The CLI’s own `--stats` line prints the RSS at the end of the run (labelled "peak"); the figure in parentheses is the CLI process’s real peak.');
  lines.push('');
  return lines.join('\n');
}

void main().catch((e) => {
  log(String(e?.stack ?? e));
  process.exitCode = 1;
});
