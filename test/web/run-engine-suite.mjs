// The web build's check: the engine (parser, rules, catalogs, configuration) bundled for the browser, with no
// Node built-ins allowed, and its test suite run in headless Chromium. A Node API creeping into the engine
// fails the bundle; a browser difference fails a test. Writes .test-results/web.json; ends "N passed, N failed".
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const outDir = join(process.env.ISMS_OUT_DIR ?? 'out', 'web');
const results = process.env.ISMS_RESULTS_DIR || '.test-results';
mkdirSync(outDir, { recursive: true });
mkdirSync(results, { recursive: true });

function tests(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) tests(full, found);
    else if (name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

// Every engine test, plus the engine-level suites that read no files.
const entries = [...tests('server/src/engine'), 'test/engine/parser.test.ts', 'test/engine/catalogs.test.ts', 'test/fuzz/fuzz.test.ts'];
const entry = join(outDir, 'entry.ts');
writeFileSync(entry, entries.map((f) => `import '${join(process.cwd(), f)}';`).join('\n') + '\n');

let passed = 0;
let failed = 0;
const failures = [];
try {
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    outfile: join(outDir, 'engine-tests.js'),
    alias: { 'node:assert': './test/web/assert.ts' },
    loader: { '.css': 'text' },
    logLevel: 'error',
    // Tests read budgets from the environment; the browser has none but a small fuzzing budget.
    banner: { js: 'var process = { env: { FUZZ_RUNS: "40" } };' },
  });
  const browser = await chromium.launch({
    executablePath: process.env.ISMS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><html><body><div id="mocha"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('mocha/mocha.js') });
    await page.evaluate(() => {
      // eslint-disable-next-line no-undef
      mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60000 });
    });
    await page.addScriptTag({ path: join(outDir, 'engine-tests.js') });
    const outcome = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const failures = [];
          // eslint-disable-next-line no-undef
          const runner = mocha.run(() => resolve({ passes: runner.stats.passes, failures: runner.stats.failures, details: failures }));
          runner.on('fail', (test, err) => failures.push(`${test.fullTitle()}: ${err.message}`));
        }),
    );
    passed = outcome.passes;
    failed = outcome.failures + errors.length;
    for (const line of outcome.details) console.log(`FAIL ${line}`);
    for (const e of errors) console.log(`page error: ${e}`);
    failures.push(...outcome.details.map((name) => ({ name, error: '' })), ...errors.map((e) => ({ name: 'page error', error: e })));
    console.log(`engine suite in Chromium: ${passed} passed, ${failed} failed (${entries.length} test files, browser bundle without Node built-ins)`);
  } finally {
    await browser.close();
  }
} catch (e) {
  console.log(`web build check failed: ${e.message}`);
  failed += 1;
  failures.push({ name: 'web build check', error: e.message });
}
writeFileSync(join(results, 'web.json'), JSON.stringify({ passed, failed, failures }) + '\n');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
