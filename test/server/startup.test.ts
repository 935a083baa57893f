// Start-up work: the workspace is loaded once, however often the client says the configuration changed without
// changing it (VS Code's client does at start: once for `synchronize.configurationSection`, once more for the
// server's own registration), and again when a setting really changes.
import { strict as assert } from 'node:assert';
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
