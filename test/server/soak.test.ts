// The short soak (bench/soak.mjs --short, about a minute on 300 documents): typing, a pasted and undone register,
// a branch switch, files created, renamed and deleted on disk (open and closed) and a configuration change, each
// followed by a comparison of the published findings with a fresh check (the `isms check` process on the first and
// last, the CLI's check code in a long-lived process otherwise), and kills of a second server with a restart that
// must publish what a fresh check finds.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';

describe('soak (short)', function () {
  this.timeout(15 * 60_000);

  it('publishes exactly what a fresh isms check finds after every phase of a compressed working day', () => {
    const run = spawnSync(process.execPath, ['bench/soak.mjs', '--short'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { mismatches?: number; edits?: number; switches?: number; crashes?: number; restarts?: number; cliComparisons?: number; phases?: number };
    assert.equal(run.status, 0, `soak failed:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`);
    assert.equal(summary.mismatches, 0);
    assert.ok((summary.edits ?? 0) >= 300 && (summary.switches ?? 0) >= 1 && (summary.crashes ?? 0) >= 1, run.stdout.slice(-2000));
    assert.ok((summary.phases ?? 0) >= 6, `every phase was verified: ${run.stdout.slice(-2000)}`);
    assert.ok((summary.restarts ?? 0) >= 1 && (summary.cliComparisons ?? 0) >= 2, `restarts compared, and the isms check process used: ${run.stdout.slice(-2000)}`);
  });
});

describe('soak comparison', function () {
  this.timeout(15 * 60_000);

  it('notices when the server was not told of files changed on disk (a sabotaged branch switch)', () => {
    const run = spawnSync(process.execPath, ['bench/soak.mjs', '--short', '--sabotage'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(run.status, 1, run.stdout.slice(-2000));
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { mismatches?: number; phase?: string };
    assert.equal(summary.mismatches, 1);
    assert.match(summary.phase ?? '', /^branch switch/);
  });
});

describe('soak comparison after a restart', function () {
  this.timeout(15 * 60_000);

  it('notices when a restarted server did not index the files a fresh check reads (a sabotaged restart)', () => {
    const run = spawnSync(process.execPath, ['bench/soak.mjs', '--short', '--sabotage-restart'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(run.status, 1, run.stdout.slice(-2000));
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { mismatches?: number; phase?: string };
    assert.equal(summary.mismatches, 1);
    assert.match(summary.phase ?? '', /^restart after crash/);
  });
});
