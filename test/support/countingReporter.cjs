// Mocha's spec reporter, plus a JSON file of the totals so scripts/test-all.mjs can add up every suite.
// Usage: mocha --reporter ./test/support/countingReporter.cjs --reporter-option out=.test-results/NAME.json
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const out = options?.reporterOptions?.out;
    // The failed tests' titles travel with the counts: CI shows only the end of the output, where test-all lists them.
    const failures = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err) => {
      failures.push({ name: test.fullTitle(), error: String(err?.message ?? err).split('\n')[0] });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!out) return;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify({ passed: runner.stats.passes, failed: runner.stats.failures, pending: runner.stats.pending, failures }) + '\n');
    });
  }
}

module.exports = CountingReporter;
