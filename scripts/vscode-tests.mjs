#!/usr/bin/env node
// Real-editor tests of ISMS Markdown in VS Code, without downloading VS Code: code-server (VS Code's server and
// web workbench, from npm) under Node 24, driven by Debian chromium through playwright-core.
//
//   1. tools     bash scripts/setup-test-tools.sh (idempotent; apt packages, Node 24, code-server)
//   2. package   npm run package -> isms-markdown.vsix; bundle test/vscode/suite/*.ts into the temp folder
//   3. host      the mocha suite test/vscode/suite inside code-server's extension host, with the repository as
//                extensionDevelopmentPath and a copy of examples/acme-ai-isms as the workspace folder; in the
//                current VS Code and again in the oldest that engines.vscode allows (test/vscode/editors.json)
//   4. ui        the .vsix installed into a fresh code-server; each UI check of test/vscode/ui/index.mjs drives
//                chromium through the workbench like a user, on a fresh copy of the example
//   5. web       the .vsix installed without "main", so code-server's web-worker extension host runs the web build
//                (browser client, server in a Web Worker); the Problems panel lists the example's faults
//
// Writes .test-results/vscode.json = {"passed":N,"failed":M} (both parts), .test-results/vscode-details.json,
// .test-results/vscode-problems.png and vscode-preview-xss.png, the README's screenshots (to media/screenshots/
// with UPDATE_SCREENSHOTS=1, otherwise to .test-results/screenshots/), and on failure the servers' logs under
// .test-results/vscode-logs/.
// Last line of output: "N passed, M failed". Exit status 0 only when nothing failed.
//
// Options: --skip-setup  --skip-package (reuse isms-markdown.vsix and dist/)  --only=host|ui|web  --keep (keep temp dir)
//          --ui=NAME[,NAME] (only these UI checks, named in test/vscode/ui/index.mjs)
//          --editor=current|oldest (the extension-host suite in that VS Code only)
//          --vsix=PATH (install this instead of packaging)  --dev-path=PATH (extensionDevelopmentPath for "host")
// Env:     ISMS_TOOLS_DIR (tools folder), ISMS_VSCODE_TIMEOUT_MS (default 1200000, after tools setup),
//          ISMS_VSCODE_GREP (mocha --grep inside the host), ISMS_CHROMIUM (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeServer, EDITORS, codeServerInstalled, killAll } from '../test/vscode/lib/codeServer.mjs';
import { bundleSuite } from '../test/vscode/lib/bundleSuite.mjs';
import { runInExtensionHost } from '../test/vscode/lib/runInHost.mjs';
import { UI_CHECKS } from '../test/vscode/ui/index.mjs';
import { problemsPanelSmoke } from '../test/vscode/ui/problemsPanel.mjs';
import { installWebOnly, notActivatedInNodeHost } from '../test/vscode/ui/webWorkerHost.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = resolve(ROOT, process.env.ISMS_RESULTS_DIR || '.test-results');
const EXAMPLE = join(ROOT, 'examples/acme-ai-isms');
const VSIX = join(ROOT, 'isms-markdown.vsix');
/** The example's deliberate faults, as every UI check expects them. */
const expected = JSON.parse(readFileSync(join(ROOT, 'test/vscode/expected-faults.json'), 'utf8'));
const TOOLS = process.env.ISMS_TOOLS_DIR || join(homedir(), '.cache/isms-markdown-tools');
const TIMEOUT_MS = Number(process.env.ISMS_VSCODE_TIMEOUT_MS || 1_200_000);

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = opt('only');
const uiOnly = opt('ui');
const T0 = Date.now();
/** An error's first lines, for a failed check's message. */
const firstLines = (e) => String(e?.message ?? e).split('\n').slice(0, 5).join('\n');
const secs = (t = T0) => `${((Date.now() - t) / 1000).toFixed(1)}s`;
const log = (s) => console.log(s);
const step = (s) => console.log(`\n== vscode: ${s}`);

const tally = { passed: 0, failed: 0 };
const details = { started: new Date().toISOString(), parts: {} };
const tmp = mkdtempSync(join(tmpdir(), 'isms-vscode-'));
const servers = [];
let finished = false;

function record(part, tests) {
  if (finished) return; // a timeout or signal already wrote the results
  details.parts[part] = tests;
  for (const t of tests) {
    if (t.ok) tally.passed++;
    else tally.failed++;
  }
}

function saveLogs(server, name) {
  const dest = join(RESULTS, 'vscode-logs', name);
  try {
    mkdirSync(dest, { recursive: true });
    if (existsSync(server.log)) cpSync(server.log, join(dest, 'server.log'));
    const logs = join(server.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(dest, 'logs'), { recursive: true });
    log(`   logs saved to ${dest}`);
  } catch (e) {
    log(`   could not save logs: ${e.message}`);
  }
}

/** Write the results and exit; idempotent. Synchronous kill of every code-server group happens on 'exit'. */
async function finish(reason) {
  if (finished) return;
  finished = true;
  if (reason) log(`\nvscode: ${reason}`);
  await Promise.race([Promise.all(servers.map((s) => s.stop())), new Promise((r) => setTimeout(r, 8000))]);
  killAll();
  if (!flag('keep')) rmSync(tmp, { recursive: true, force: true });
  else log(`vscode: kept ${tmp}`);
  mkdirSync(RESULTS, { recursive: true });
  const failures = Object.values(details.parts).flat().filter((x) => !x.ok)
    .map((x) => ({ name: x.name, error: String(x.error ?? '').split('\n')[0] }));
  writeFileSync(join(RESULTS, 'vscode.json'), JSON.stringify({ ...tally, failures }) + '\n');
  details.seconds = (Date.now() - T0) / 1000;
  details.passed = tally.passed;
  details.failed = tally.failed;
  writeFileSync(join(RESULTS, 'vscode-details.json'), JSON.stringify(details, null, 2) + '\n');
  log(`\nvscode: done in ${secs()}; details in .test-results/vscode-details.json`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);
}

/** Process groups of the commands run() started and that have not ended yet. */
const children = new Set();
function killChildren() {
  for (const pid of children) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
}
process.on('exit', () => { killAll(); killChildren(); });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    record('interrupted', [{ name: `interrupted by ${sig}`, ok: false }]);
    void finish(`interrupted by ${sig}`);
  });
}
process.on('unhandledRejection', (e) => {
  record('error', [{ name: 'unexpected error', ok: false, error: String(e?.stack ?? e) }]);
  void finish(`unexpected error: ${e?.stack ?? e}`);
});

/** Run a command with inherited output, bounded in time; resolves to its exit status (or 'timeout'). */
function run(cmd, args, { timeoutMs, env = process.env, cwd = ROOT, quiet = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], detached: true });
    children.add(child.pid);
    let out = '';
    if (quiet) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      resolvePromise({ status: 'timeout', out });
    }, timeoutMs);
    child.on('close', (status) => { clearTimeout(timer); children.delete(child.pid); resolvePromise({ status, out }); });
  });
}

function copyExample(name) {
  const dest = join(tmp, name);
  cpSync(EXAMPLE, dest, { recursive: true });
  return dest;
}

/** The mocha suite inside the extension host of one editor of test/vscode/editors.json; records part host-EDITOR. */
async function hostSuite(editor, suiteIndex) {
  const { vscode: version } = EDITORS[editor];
  step(`mocha suite inside the extension host of VS Code ${version} (${editor})`);
  const t = Date.now();
  const resultFile = join(tmp, `host-result-${editor}.json`);
  if (!codeServerInstalled(TOOLS, editor)) {
    record(`host-${editor}`, [{ name: `code-server for VS Code ${version} is installed`, ok: false, error: `not found under ${TOOLS} (run scripts/setup-test-tools.sh)` }]);
    return;
  }
  const server = new CodeServer({
    toolsDir: TOOLS, editor, home: join(tmp, `cs-host-${editor}`),
    env: { ISMS_VSCODE_RESULT: resultFile, ISMS_VSCODE_GREP: process.env.ISMS_VSCODE_GREP ?? '' },
    // code-server 4.100 has no --vscode-option (and its workbench reports the suite's end without the driver).
    extraArgs: editor === 'current' ? ['--vscode-option', 'enable-smoke-test-driver'] : [],
  });
  server.name = `host-${editor}`;
  servers.push(server);
  const devPath = opt('dev-path') ? resolve(opt('dev-path')) : ROOT;
  let res;
  try {
    await server.start();
    log(`   code-server pid ${server.pid} on ${server.url} (${secs(t)})`);
    res = await runInExtensionHost(server, {
      devPath, testsPath: suiteIndex, folder: copyExample(`ws-host-${editor}`),
      timeoutMs: Math.max(60_000, TIMEOUT_MS - (Date.now() - T0) - 150_000), log,
    });
  } catch (e) {
    res = { code: 'error', error: String(e?.message ?? e) };
  }
  const report = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
  // The oldest editor's tests carry its version, so the two runs of one test are told apart in the results.
  const prefix = editor === 'current' ? '' : `[VS Code ${version}] `;
  const tests = (report?.tests ?? []).map((x) => ({ name: prefix + x.title, ok: x.state === 'passed', error: x.error, seconds: (x.ms ?? 0) / 1000 }));
  if (!report) tests.push({ name: `${prefix}mocha suite reported its results`, ok: false, error: res.error ?? `extension host exited with ${res.code}, no report` });
  else if (res.code !== 0 && !tests.some((x) => !x.ok)) tests.push({ name: `${prefix}extension host exit code`, ok: false, error: String(res.code) });
  record(`host-${editor}`, tests);
  log(`   extension host exited with ${res.code}; ${tests.filter((x) => x.ok).length} passed, ${tests.filter((x) => !x.ok).length} failed (${secs(t)})`);
  if (tests.some((x) => !x.ok) && !finished) saveLogs(server, `host-${editor}`);
  await server.stop();
}

async function main() {
  log(`vscode: real-editor tests (code-server + chromium); tools in ${TOOLS}; temp ${tmp}`);

  // ---- 1. tools ---------------------------------------------------------------------------------------------------
  if (!flag('skip-setup')) {
    step('tools');
    const r = await run('bash', [join(ROOT, 'scripts/setup-test-tools.sh')], {
      timeoutMs: 20 * 60_000, env: { ...process.env, ISMS_TOOLS_DIR: TOOLS },
    });
    if (r.status !== 0) {
      record('setup', [{ name: 'setup-test-tools.sh', ok: false, error: `exit ${r.status}` }]);
      return finish('installing the test tools failed');
    }
  }
  if (!codeServerInstalled(TOOLS)) {
    record('setup', [{ name: 'code-server installed', ok: false, error: `not found under ${TOOLS}` }]);
    return finish('code-server is not installed (run scripts/setup-test-tools.sh)');
  }

  // From here on the whole run is bounded.
  const deadline = setTimeout(() => {
    record('timeout', [{ name: `overall timeout of ${TIMEOUT_MS / 1000}s`, ok: false }]);
    for (const s of servers) saveLogs(s, `timeout-${s.name}`);
    void finish(`TIMEOUT after ${TIMEOUT_MS / 1000}s of tests; stopping`);
  }, TIMEOUT_MS);
  deadline.unref();

  // ---- 2. package the extension, bundle the in-editor suite --------------------------------------------------------
  const vsix = opt('vsix') ? resolve(opt('vsix')) : VSIX;
  if (!opt('vsix') && !flag('skip-package')) {
    step('package (npm run package)');
    const t = Date.now();
    const r = await run('npm', ['run', 'package', '--silent'], { timeoutMs: 5 * 60_000, quiet: true });
    if (r.status !== 0 || !existsSync(VSIX)) {
      log(r.out.trim().split('\n').slice(-30).join('\n'));
      record('package', [{ name: 'npm run package', ok: false, error: `exit ${r.status}` }]);
      return finish('packaging the extension failed');
    }
    log(`   ${VSIX} (${secs(t)})`);
  }
  if (only !== 'host' && !existsSync(vsix)) {
    record('package', [{ name: 'vsix exists', ok: false, error: `${vsix} not found` }]);
    return finish(`${vsix} not found`);
  }
  let suiteIndex;
  if (!only || only === 'host') {
    const t = Date.now();
    const { index, files } = await bundleSuite(join(tmp, 'suite'));
    suiteIndex = index;
    log(`   bundled ${files.length} suite files from test/vscode/suite (${secs(t)})`);
  }

  // ---- 3. mocha inside the extension host, in the current VS Code and in the oldest engines.vscode allows ----------
  if (!only || only === 'host') {
    for (const editor of opt('editor') ? [opt('editor')] : ['current', 'oldest']) {
      if (finished) break;
      await hostSuite(editor, suiteIndex);
    }
  }

  // ---- 4. UI checks against the installed .vsix ----------------------------------------------------------------------
  if ((!only || only === 'ui') && !finished) {
    const checksToRun = uiOnly ? UI_CHECKS.filter((c) => uiOnly.split(',').includes(c.name)) : UI_CHECKS;
    if (checksToRun.length === 0) {
      record('ui', [{ name: `--ui=${uiOnly} names a UI check`, ok: false, error: `known: ${UI_CHECKS.map((c) => c.name).join(', ')}` }]);
      return finish(`no UI check named ${uiOnly}`);
    }
    step('UI: install the .vsix into a fresh code-server');
    const t = Date.now();
    const server = new CodeServer({ toolsDir: TOOLS, home: join(tmp, 'cs-ui') });
    server.name = 'ui';
    servers.push(server);
    const checks = [];
    try {
      log(`   ${server.installExtension(vsix)}`);
      await server.start();
      log(`   code-server pid ${server.pid} on ${server.url} (${secs(t)})`);
    } catch (e) {
      checks.push({ name: 'code-server starts with the .vsix installed', ok: false, error: firstLines(e) });
      log(`   FAIL ${checks[0].error}`);
    }
    // The README's screenshots are rewritten only when asked, so a test run leaves the working tree as it was.
    const screenshots = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'media', 'screenshots') : join(RESULTS, 'screenshots');
    mkdirSync(screenshots, { recursive: true });
    for (const ui of server.pid ? checksToRun : []) {
      if (finished) break;
      step(`UI: ${ui.title}`);
      try {
        checks.push(...(await ui.run(server, {
          folder: copyExample(`ws-ui-${ui.name}`), expected, screenshots, results: RESULTS, failures: RESULTS, log,
        })));
      } catch (e) {
        checks.push({ name: `UI checks "${ui.name}" ran`, ok: false, error: firstLines(e) });
        log(`   FAIL ${checks[checks.length - 1].error}`);
      }
    }
    record('ui', checks);
    log(`   ${checks.filter((x) => x.ok).length} passed, ${checks.filter((x) => !x.ok).length} failed (${secs(t)})`);
    if (checks.some((x) => !x.ok) && !finished) saveLogs(server, 'ui');
    await server.stop();
  }

  // ---- 5. the web build in code-server's web-worker extension host ------------------------------------------------
  if ((!only || only === 'web') && !finished) {
    step('web: the .vsix without "main", run by the web-worker extension host');
    const t = Date.now();
    const server = new CodeServer({ toolsDir: TOOLS, home: join(tmp, 'cs-web') });
    server.name = 'web';
    servers.push(server);
    let checks;
    try {
      log(`   ${installWebOnly(server, vsix, expected.extensionId)} ("main" removed)`);
      await server.start();
      log(`   code-server pid ${server.pid} on ${server.url} (${secs(t)})`);
      checks = await problemsPanelSmoke(server, {
        folder: copyExample('ws-web'), expected, results: RESULTS, failures: RESULTS, log, screenshot: 'vscode-web-problems.png',
      });
      checks.push(notActivatedInNodeHost(server, expected.extensionId));
    } catch (e) {
      checks = [{ name: 'web-worker host check ran', ok: false, error: firstLines(e) }];
      log(`   FAIL ${checks[0].error}`);
    }
    record('web', checks);
    log(`   ${checks.filter((x) => x.ok).length} passed, ${checks.filter((x) => !x.ok).length} failed (${secs(t)})`);
    if (checks.some((x) => !x.ok) && !finished) saveLogs(server, 'web');
    await server.stop();
  }

  clearTimeout(deadline);
  if (!finished) return finish();
}

rmSync(join(RESULTS, 'vscode-logs'), { recursive: true, force: true });
main().catch((e) => {
  record('error', [{ name: 'unexpected error', ok: false, error: String(e?.stack ?? e) }]);
  return finish(`unexpected error: ${e?.stack ?? e}`);
});
