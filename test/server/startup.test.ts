// Start-up work: the workspace is loaded once, however often the client says the configuration changed without
// changing it (VS Code's client does at start: once for `synchronize.configurationSection`, once more for the
// server's own registration), and again when a setting really changes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckSummaryResult } from '../../server/src/protocol';
import { Fixture } from './fixture';

const loads = (f: Fixture) => f.client.logs.filter((l) => l.startsWith('loaded ')).length;

describe('language server: start-up loads the workspace once', function () {
  this.timeout(30_000);
  let f: Fixture;
  before(async () => {
    f = await Fixture.start({ settings: { rules: {} } });
  });
  after(() => f.stop());

  it('configuration notifications that change nothing do not reload the workspace', async () => {
    await f.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await f.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Any request waits for the reload, if one was started.
    await f.request('isms/checkSummary', {});
    assert.equal(loads(f), 1, f.client.logs.join('\n'));
  });

  it('the check summary counts Markdown files beside ISMS documents (the editor\'s "ISMS: not set up")', async () => {
    const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    assert.equal(summary.roots[0].markdownFiles, 8);
    assert.equal(summary.roots[0].documents, 7);
  });

  it('a changed setting reloads it (once) with the new value', async () => {
    f.client.settings = { rules: { 'review-overdue': 'off' } };
    await f.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await f.request('isms/checkSummary', {});
    assert.equal(loads(f), 2, f.client.logs.join('\n'));
  });
});

// The V8 flags the server sets on itself (server.ts, gcFlags.ts), seen from inside the process: a script preloaded
// through NODE_OPTIONS reports every flag as it is set. Before the first index: the heap's growth limit and no
// allocation-site pretenuring; after it, compaction and the day's growth limit.
describe('language server: garbage-collector flags', function () {
  this.timeout(30_000);
  const flagsSet = async (env: Record<string, string>): Promise<string[]> => {
    const spy = join(mkdtempSync(join(tmpdir(), 'isms-flags-')), 'spy.cjs');
    writeFileSync(spy, "const v8 = require('node:v8'); const set = v8.setFlagsFromString;\nv8.setFlagsFromString = (f) => { process.stderr.write('flag-set ' + f + '\\n'); set(f); };\n");
    const f = await Fixture.start({ env: { NODE_OPTIONS: `--require ${spy}`, ...env } });
    await f.request('isms/checkSummary', {});
    const flags = [...f.client.stderr.matchAll(/^flag-set (.*)$/gm)].map((m) => m[1]);
    await f.stop();
    rmSync(dirname(spy), { recursive: true, force: true });
    return flags;
  };

  it('caps the heap\'s growth and turns pretenuring off from the start, and compacts after the first index', async () => {
    const flags = await flagsSet({});
    assert.deepEqual(flags.slice(0, 2), ['--heap-growing-percent=30', '--no-allocation-site-pretenuring']);
    assert.deepEqual(flags.slice(2, 4), ['--optimize-for-size', '--heap-growing-percent=15']);
  });

  it('keeps pretenuring with ISMS_GC_PRETENURING=1', async () => {
    const flags = await flagsSet({ ISMS_GC_PRETENURING: '1' });
    assert.equal(flags[0], '--heap-growing-percent=30');
    assert.ok(!flags.includes('--no-allocation-site-pretenuring'), flags.join(', '));
  });
});
