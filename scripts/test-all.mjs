// `npm test`: every suite in order, then one closing line "N passed, N failed" totalling all of them.
// The first step, `tools`, installs what the browser, Neovim and real-editor suites need (scripts/setup-test-tools.sh:
// Debian packages as root, the Nodes and code-servers); as a non-root user without the Debian packages it prints the
// one `sudo apt-get install` command to run and the run stops there.
// Each mocha suite writes its counts to $ISMS_RESULTS_DIR/<suite>.json (default .test-results); a step without counts
// (tools, type check, lint, build, package) counts as one test. A suite that fails to produce counts counts as one
// failure. With CI set, a skipped (pending) test counts as a failure: a suite whose tool is missing must not pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = process.env.ISMS_RESULTS_DIR || '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const ci = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * The environment without the outer npm's configuration (npm_config_*, npm_*): nested npm installs read those as
 * their own (code-server's postinstall takes the Node version from npm_config_user_agent).
 */
function withoutNpmConfig(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

const mocha = (name, files, extra = []) => ({
  name,
  cmd: 'npx',
  args: ['mocha', '--enable-source-maps', '--reporter', './test/support/countingReporter.cjs', '--reporter-option', `out=${results}/${name}.json`, ...extra, ...files],
  counts: `${results}/${name}.json`,
});

const only = process.argv.slice(2);
const steps = [
  { name: 'tools', cmd: 'bash', args: ['scripts/setup-test-tools.sh'], env: withoutNpmConfig(process.env) },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'build', cmd: 'node', args: ['scripts/build.mjs', '--tests'] },
  // Timeouts only catch hangs (a loaded 2-core CI machine is slow); speed is measured by npm run bench.
  mocha('engine', ['out/server/src/**/*.test.js', 'out/test/engine/**/*.test.js'], ['--timeout', '20000']),
  mocha('cli', ['out/test/cli/**/*.test.js'], ['--timeout', '30000']),
  mocha('server', ['out/test/server/**/*.test.js'], ['--timeout', '60000']),
  mocha('hostile', ['out/test/hostile/**/*.test.js'], ['--timeout', '60000']),
  mocha('fuzz', ['out/test/fuzz/**/*.test.js'], ['--timeout', '120000']),
  { name: 'package', cmd: 'npm', args: ['run', '--silent', 'package'] },
  mocha('packaging', ['out/test/packaging/**/*.test.js']),
  mocha('export', ['out/test/export/**/*.test.js'], ['--timeout', '90000']),
  { name: 'web', cmd: 'node', args: ['test/web/run-engine-suite.mjs'], counts: `${results}/web.json` },
  // The web build's bundles, and its language server run in a Web Worker in Chromium.
  mocha('webserver', ['test/web/browserServer.test.mjs'], ['--timeout', '120000']),
  mocha('neovim', ['out/test/neovim/**/*.test.js'], ['--timeout', '30000']),
  // The tools step has just installed the editors (when it ran).
  { name: 'vscode', cmd: 'node', args: ['scripts/vscode-tests.mjs', ...(only.length === 0 || only.includes('tools') ? ['--skip-setup'] : [])], counts: `${results}/vscode.json` },
].filter((s) => only.length === 0 || only.includes(s.name));

let passed = 0;
let failed = 0;
const lines = [];
/** Failed tests by suite, printed again just above the totals: CI keeps only the end of a long output. */
const failedTests = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: step.env ?? process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.name === 'tools' && run.status === 3) {
    // Not root and Debian packages missing: the script printed the one command to run; nothing else is worth running.
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  let p = 0;
  let f = 0;
  if (step.counts && existsSync(step.counts)) {
    const c = JSON.parse(readFileSync(step.counts, 'utf8'));
    p = c.passed;
    f = c.failed;
    if (ci && c.pending > 0) {
      console.log(`${step.name}: ${c.pending} skipped test(s) count as failures because CI is set`);
      f += c.pending;
      failedTests.push(`${step.name}: ${c.pending} skipped test(s), counted as failures because CI is set`);
    }
    for (const x of c.failures ?? []) failedTests.push(`${step.name}: ${x.name}${x.error ? ` (${x.error.slice(0, 300)})` : ''}`);
    if (run.status !== 0 && f === 0) f = 1; // crashed after counting
  } else if (run.status === 0) p = 1;
  else f = 1;
  if (f > 0 && !failedTests.some((x) => x.startsWith(`${step.name}: `))) failedTests.push(`${step.name}: exit status ${run.status ?? run.signal}`);
  passed += p;
  failed += f;
  lines.push(`${step.name.padEnd(10)} ${String(p).padStart(4)} passed ${String(f).padStart(3)} failed  ${seconds}s`);
}
if (failedTests.length > 0) console.log('\nFailed:\n' + failedTests.map((x) => `  ${x}`).join('\n'));
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
