// The audit pack's export measured beside `isms check` on the same folder (issue 16): the benchmark's 5,000-document
// workspace and a 600-document ISMS with long documents (bench/generate.mjs's documents, each body repeated to
// about 5 times its length). Each figure is one fresh CLI process: wall time and peak RSS (bench/maxrss.cjs); then
// the HTML export as the extension runs it, in a language server that has indexed the folder.
// `npm run bench` runs it after the language-server figures; alone (it is the heavy part on a small machine):
//
//   node bench/export.mjs                  # BENCH_EXPORT_SIZES=5000,600-long  BENCH_EXPORT_FORMATS=html,pdf,xlsx
//
// It writes the "Export" section of bench/results.md (its table, between the export markers), leaving the rest as
// it is (the rounds of figures written by hand below the end marker).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { generate } from './generate.mjs';
import { BenchClient, cpuSeconds, fileUri, peakRssMb, resetPeakRss } from './lsp.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(repo, 'bench', 'work');
const TODAY = '2026-11-21';
const START = '<!-- export:start -->';
const END = '<!-- export:end -->';
const log = (message) => process.stderr.write(`${message}\n`);

/** The 600-document ISMS with long documents: every policy and procedure's body repeated 4 more times. */
function longWorkspace(dir) {
  const info = generate(600, dir);
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  let bytes = 0;
  for (const file of walk(dir).filter((f) => /\/(policies|procedures)\/.*\.md$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const longer = text + [2, 3, 4, 5].map((k) => `\n## Part ${k}\n\n${body.replace(/^(#+) /gm, '$1# ')}`).join('');
    writeFileSync(file, longer);
    bytes += longer.length;
  }
  return { ...info, dir, bytes, long: true };
}

function workspaceFor(name) {
  const dir = join(work, `ws-${name}`);
  const marker = join(work, `ws-${name}.export.json`);
  const stamp = readFileSync(join(repo, 'bench', 'generate.mjs'), 'utf8').length + readFileSync(fileURLToPath(import.meta.url), 'utf8').length;
  if (existsSync(marker) && existsSync(dir) && JSON.parse(readFileSync(marker, 'utf8')).stamp === stamp) return JSON.parse(readFileSync(marker, 'utf8'));
  log(`generating ${name} …`);
  const info = name.endsWith('-long') ? longWorkspace(dir) : { ...generate(Number(name), dir), dir };
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  info.bytes = walk(dir).filter((f) => f.endsWith('.md')).reduce((sum, f) => sum + statSync(f).size, 0);
  info.stamp = stamp;
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

/** One CLI run: wall time, peak RSS, what it printed. */
function run(cliJs, args) {
  // The machine's load average beside each figure: on a shared machine wall time counts the waits for a core.
  const load = loadavg()[0];
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(repo, 'bench', 'maxrss.cjs'), cliJs, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`isms ${args.join(' ')} failed: ${r.stderr}`);
  const cpuMs = Number(/bench-cpu-us (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1000;
  return { ms, cpuMs, rssMb: Math.round(Number(/bench-maxrss-kb (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024), load: [load, loadavg()[0]], stdout: r.stdout.trim() };
}

/**
 * "ISMS: Export Audit Pack" as the extension runs it: in the language server, after its first index, HTML only.
 * Wall time and the server's CPU time from the request to its answer, and its peak RSS over the export alone.
 */
async function serverExport(serverJs, info, out) {
  const client = new BenchClient(serverJs);
  await client.start(info.dir);
  try {
    await client.until(() => client.progressEnded !== undefined, 600_000, 'the first index');
    await client.quiet(3000);
    const load = loadavg()[0];
    resetPeakRss(client.pid);
    const cpu = cpuSeconds(client.pid);
    const started = performance.now();
    await client.connection.sendRequest('isms/exportAuditPack', { rootUri: fileUri(info.dir), outputUri: fileUri(out), formats: ['html'] });
    return { ms: performance.now() - started, cpuMs: (cpuSeconds(client.pid) - cpu) * 1000, rssMb: peakRssMb(client.pid), load: [load, loadavg()[0]], packMb: sizeOf(out) / 1e6 };
  } finally {
    await client.stop();
  }
}

function sizeOf(dir) {
  let total = 0;
  for (const n of readdirSync(dir)) total += statSync(join(dir, n)).isDirectory() ? sizeOf(join(dir, n)) : statSync(join(dir, n)).size;
  return total;
}

/** Measures check and each export format on each workspace, and the HTML export in the language server beside `cliJs`. */
export async function exportFigures(cliJs, names = (process.env.BENCH_EXPORT_SIZES ?? '5000,600-long').split(','), formats = (process.env.BENCH_EXPORT_FORMATS ?? 'html,pdf,xlsx').split(',')) {
  const results = [];
  for (const name of names) {
    const info = workspaceFor(name);
    const check = run(cliJs, ['check', info.dir, '--today', TODAY, '--exit-zero', '--format', 'json']);
    log(`${name}: check ${(check.ms / 1000).toFixed(1)} s (CPU ${(check.cpuMs / 1000).toFixed(1)} s), ${check.rssMb} MB`);
    const row = { name, info, check, formats: {} };
    for (const format of formats) {
      const out = join(work, `pack-${name}-${format}`);
      rmSync(out, { recursive: true, force: true });
      const r = run(cliJs, ['export', info.dir, '--out', out, '--format', format, '--today', TODAY]);
      row.formats[format] = { ...r, packMb: sizeOf(out) / 1e6 };
      log(`${name}: export ${format} ${(r.ms / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s), ${r.rssMb} MB, pack ${(sizeOf(out) / 1e6).toFixed(1)} MB`);
      rmSync(out, { recursive: true, force: true });
    }
    if (formats.includes('html')) {
      const out = join(work, `pack-${name}-server`);
      rmSync(out, { recursive: true, force: true });
      row.server = await serverExport(join(dirname(cliJs), 'server.js'), info, out);
      log(`${name}: Export Audit Pack in the language server ${(row.server.ms / 1000).toFixed(1)} s (CPU ${(row.server.cpuMs / 1000).toFixed(1)} s), ${row.server.rssMb} MB over the export`);
      rmSync(out, { recursive: true, force: true });
    }
    results.push(row);
    // Each workspace's figures as they come (a long PDF run may not finish): bench/work/export-<name>.json.
    writeFileSync(join(work, `export-${name}.json`), JSON.stringify(row, (key, value) => (key === 'stdout' ? undefined : value), 1));
  }
  return results;
}

const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

export function renderExport(results, note = '', extra = []) {
  const lines = [START, '## Export (issue 16)', ''];
  lines.push(`\`isms export --format F\` beside \`isms check\` on the same folder, one fresh process each (bench/export.mjs)${note}. Each cell: wall time (CPU time of the process, all threads; the load average before → after), peak RSS, pack size. The last column is the extension's export: the request to a language server that has built its index, the server's CPU time, and its peak RSS over the export alone.`, '');
  lines.push('| workspace | check | HTML export | HTML ÷ check, wall / CPU | PDF export | Excel export | HTML in the language server (Export Audit Pack, after its index) |');
  lines.push('|---|---|---|---|---|---|---|');
  const time = (x) => `${sec(x.ms)} (CPU ${sec(x.cpuMs)}${x.load ? `, load ${x.load[0].toFixed(1)}→${x.load[1].toFixed(1)}` : ''})`;
  for (const r of results) {
    const cell = (f) => {
      const x = r.formats[f];
      return x ? `${time(x)}, ${x.rssMb} MB, pack ${x.packMb.toFixed(1)} MB` : 'not measured';
    };
    const html = r.formats.html;
    const ratio = html ? `×${(html.ms / r.check.ms).toFixed(2)} / ×${(html.cpuMs / r.check.cpuMs).toFixed(2)}` : '–';
    lines.push(`| ${r.name} (${r.info.isms ?? '?'} ISMS documents, ${(r.info.bytes / 1e6).toFixed(1)} MB of Markdown) | ${time(r.check)}, ${r.check.rssMb} MB | ${cell('html')} | ${ratio} | ${cell('pdf')} | ${cell('xlsx')} | ${r.server ? `${time(r.server)}, peak ${r.server.rssMb} MB` : 'not measured'} |`);
  }
  lines.push('');
  const verdict = (ok) => (ok ? '**met**' : '**not met**');
  lines.push('Targets: HTML export ≤ 2 × check and < 300 MB. ' + results.filter((r) => r.formats.html).map((r) => `${r.name}: wall ×${(r.formats.html.ms / r.check.ms).toFixed(2)} (${verdict(r.formats.html.ms <= 2 * r.check.ms)}), CPU ×${(r.formats.html.cpuMs / r.check.cpuMs).toFixed(2)} (${verdict(r.formats.html.cpuMs <= 2 * r.check.cpuMs)}), ${r.formats.html.rssMb} MB (${verdict(r.formats.html.rssMb < 300)})`).join('; ') + '.');
  lines.push(...extra);
  lines.push('', END);
  return lines.join('\n');
}

/** Puts the export section into bench/results.md, replacing an earlier one. */
export function writeExportSection(section) {
  const file = join(repo, 'bench', 'results.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(START);
  const next = at >= 0 ? text.slice(0, at) + section + text.slice(text.indexOf(END) + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cliJs = process.env.BENCH_CLI ?? join(repo, 'dist', 'cli.js');
  writeExportSection(renderExport(await exportFigures(cliJs), `, ${new Date().toISOString().slice(0, 10)}`));
  log('wrote the export section of bench/results.md');
}
