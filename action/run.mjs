#!/usr/bin/env node
// The GitHub Action's check step (action.yml): runs `isms check` on INPUT_PATH, annotates each finding on the
// pull request (workflow commands), prints the report in INPUT_FORMAT, always writes a SARIF file for code
// scanning, and writes the counts and the verdict to $GITHUB_OUTPUT. It exits 0 on a completed check: the action's
// last step fails the job, after the SARIF upload, so code scanning still receives the findings.
//
// The CLI: this checkout's dist/cli.js when built (a development checkout, the tests), otherwise the npm package of
// this action's own version through npx (a `uses: …@v1` checkout holds sources only).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACTION_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = (name, fallback) => (process.env[`INPUT_${name}`] ?? '').trim() || fallback;
const dir = input('PATH', '.');
const format = input('FORMAT', 'text');
const today = input('TODAY', '');
const failOn = input('FAIL_ON', 'error');

function stop(message) {
  console.log(`::error title=ISMS check::${escapeData(message)}`);
  process.exit(2);
}
function escapeData(s) {
  return String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

if (!['text', 'json', 'sarif'].includes(format)) stop(`format must be text, json or sarif, not "${format}"`);
if (!['error', 'warning', 'none'].includes(failOn)) stop(`fail-on must be error, warning or none, not "${failOn}"`);

const built = join(ACTION_ROOT, 'dist', 'cli.js');
const { version } = JSON.parse(readFileSync(join(ACTION_ROOT, 'package.json'), 'utf8'));
const cli = existsSync(built) ? [process.execPath, built] : ['npx', '--yes', `isms-markdown@${version}`];

function check(as) {
  const args = [...cli.slice(1), 'check', dir, '--format', as, '--exit-zero', ...(today ? ['--today', today] : [])];
  const r = spawnSync(cli[0], args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.error || r.status !== 0) stop(`isms check failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}`);
  process.stderr.write(r.stderr);
  return r.stdout;
}

// Paths in the CLI's output are relative to the checked folder; annotations and code scanning want them relative
// to the repository (the workspace the job runs in).
const prefix = relative(process.cwd(), resolve(dir)).split(sep).join('/');
const fromRoot = (file) => (prefix && file !== '.' ? `${prefix}/${file}` : file);

const json = check('json');
const { diagnostics, summary } = JSON.parse(json);
const command = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
for (const d of diagnostics) {
  const where = d.file === '.' ? '' : `file=${escapeProperty(fromRoot(d.file))},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},`;
  console.log(`::${command[d.severity]} ${where}title=${escapeProperty(d.code)}::${escapeData(d.message)}`);
}

const out = process.env.RUNNER_TEMP || tmpdir();
const sarifText = check('sarif');
const sarif = JSON.parse(sarifText);
for (const run of sarif.runs) {
  for (const result of run.results) {
    for (const location of result.locations ?? []) {
      const artifact = location.physicalLocation?.artifactLocation;
      if (artifact?.uri && prefix) artifact.uri = `${encodeURI(prefix)}/${artifact.uri}`;
    }
  }
}
const sarifFile = join(out, 'isms.sarif');
writeFileSync(sarifFile, JSON.stringify(sarif, null, 2) + '\n');

const report = format === 'json' ? json : format === 'sarif' ? readFileSync(sarifFile, 'utf8') : check('text');
const reportFile = join(out, `isms-report.${format === 'text' ? 'txt' : format}`);
writeFileSync(reportFile, report);
process.stdout.write(report);

const failed = failOn === 'error' ? summary.errors > 0 : failOn === 'warning' ? summary.errors + summary.warnings > 0 : false;
const verdict = `${summary.errors} errors, ${summary.warnings} warnings in ${dir} (fail-on: ${failOn})`;
const outputs = {
  errors: summary.errors,
  warnings: summary.warnings,
  findings: diagnostics.length,
  report: reportFile,
  'sarif-file': sarifFile,
  failed: String(failed),
  verdict,
};
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### ISMS check\n\n${verdict}\n`);
