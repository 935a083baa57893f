// The soak's "paste and undo" in isolation: the benchmark's workspace indexed, its first risk register open, a
// 2,000-line register pasted into it as one didChange and undone, `rounds` times; the server's event-loop stalls
// (ISMS_LOG_CHECKS) read after each step and the longest printed. With --profile DIR the server runs with --cpu-prof
// (then `node bench/longTasks.mjs DIR/*.cpuprofile --stalls DIR/server.log` says what ran in each stall).
//
//   node bench/paste.mjs [--ws /tmp/ws5000] [--rounds 3] [--profile /tmp/prof]
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchClient, SERVER_EXEC_ARGV, fileUri } from './lsp.mjs';
import { generate } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const ROUNDS = Number(arg('rounds', 3));
const profile = arg('profile', undefined);
if (profile) mkdirSync(profile, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'isms-paste-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let ws = arg('ws', undefined);
if (!ws) {
  ws = join(work, 'ws');
  generate(Number(arg('docs', 5000)), ws);
}

const client = new BenchClient(join(repo, 'dist', 'server.js'));
const execArgv = profile ? [...SERVER_EXEC_ARGV, '--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-interval=500'] : SERVER_EXEC_ARGV;
await client.start(ws, { execArgv });
const abs = join(ws, 'risk', 'risk-register-001.md');
const uri = fileUri(abs);
const before = readFileSync(abs, 'utf8');
let version = 1;
await client.open(uri, before, version);
await client.until(() => client.progressEnded !== undefined, 600_000, 'index');
const settle = async () => {
  for (const pause of [250, 50, 0]) {
    await client.connection.sendRequest('isms/checkSummary', {});
    await new Promise((r) => setTimeout(r, pause));
  }
};
let worstCpu = 0;
const stalls = (what) => {
  const all = [];
  for (const line of client.logs.splice(0)) {
    if (profile) appendFileSync(join(profile, 'server.log'), `${line}\n`);
    const m = /event loop stalled (\d+) ms/.exec(line);
    if (m && Number(m[1]) > 150) console.log(`   ${line.replace(/, until \d+ µs/, "")}`);
    if (m) all.push(Number(m[1]));
    const cpu = /\((\d+) ms of CPU/.exec(line);
    if (m && cpu && what !== 'index') worstCpu = Math.max(worstCpu, Math.min(Number(m[1]), Number(cpu[1])));
  }
  console.log(`${what}: stalls over 50 ms: ${all.length ? all.join(', ') : 'none'}`);
  return Math.max(0, ...all);
};
await settle();
stalls('index');
const published = () => client.diagnostics.get(uri)?.version === version;
let worst = 0;
const rows = Array.from({ length: 2000 }, (_, i) => `| R-${9000 + i} | Pasted risk ${i} on GPU cluster | Head of Security | 3 | 4 | 12 | mitigate | A.8.${1 + (i % 34)} |`);
const at = before.indexOf('\n', before.lastIndexOf('\n|') + 1);
for (let round = 1; round <= ROUNDS; round++) {
  await client.change(uri, `${before.slice(0, at)}\n${rows.join('\n')}${before.slice(at)}`, ++version);
  await client.until(published, 120_000, 'paste');
  const findings = client.diagnostics.get(uri).diagnostics.length;
  await settle();
  worst = Math.max(worst, stalls(`round ${round} paste (${findings} findings)`));
  await client.change(uri, before, ++version);
  await client.until(published, 120_000, 'undo');
  await settle();
  worst = Math.max(worst, stalls(`round ${round} undo`));
}
// The CPU time the server used during a stall (its collector's threads included): far less than the stall means the
// machine's other work held it up, not the server's own.
console.log(`longest stall in paste and undo: ${worst} ms; most CPU time within one stall: ${worstCpu} ms`);
await client.stop();
