// The language server opened at a repository root holding ISMSs in sub-folders, each with its own .isms.yaml:
// each is checked as a workspace of its own, Markdown outside them is not, and adding or removing a nested
// .isms.yaml re-forms the ISMSs.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckSummaryResult } from '../../server/src/protocol';
import { Fixture } from './fixture';
import { LspTestClient, codes, fileUri } from './lspClient';
import { policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';

describe('language server: nested ISMSs', function () {
  this.timeout(60_000);
  let f: Fixture;
  beforeEach(async () => {
    f = new Fixture(join(process.cwd(), 'test', 'fixtures', 'nested-isms'));
    await f.client.start(f.dir);
    await f.client.waitFor(f.uri('compliance/isms/policies/ai-policy.md'), (d) => d.length > 0);
  });
  afterEach(() => f.stop());

  it('checks each ISMS with its own configuration and leaves Markdown outside them alone', async () => {
    const ai = f.client.diagnostics.get(f.uri('compliance/isms/policies/ai-policy.md'))!;
    assert.deepEqual(codes(ai), ['control-unknown']);
    assert.doesNotMatch(ai[0].message, /not enabled/);
    assert.deepEqual(codes(await f.client.waitFor(f.uri('teams/ai/policy.md'), (d) => d.length > 0)), ['link-broken']);
    // Opened in the editor, a file outside every ISMS still gets no findings.
    await f.client.open(f.uri('docs/onboarding.md'), f.text('docs/onboarding.md'));
    const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    assert.deepEqual(summary.roots.map((r) => [r.name, r.documents]).sort(), [['ai', 1], ['isms', 1]]);
    assert.equal(f.client.diagnostics.get(f.uri('docs/onboarding.md'))?.length ?? 0, 0);
  });

  it('a new .isms.yaml makes its folder an ISMS; removing one takes its folder out of checking', async () => {
    writeFileSync(join(f.dir, 'docs', '.isms.yaml'), 'rules:\n  locker-missing-document: off\n');
    await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: f.uri('docs/.isms.yaml'), type: 1 }] });
    const onboarding = await f.client.waitFor(f.uri('docs/onboarding.md'), (d) => d.length > 0);
    assert.ok(codes(onboarding).includes('frontmatter-missing-field'), codes(onboarding).join(', '));

    rmSync(join(f.dir, 'teams', 'ai', '.isms.yaml'));
    await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: f.uri('teams/ai/.isms.yaml'), type: 3 }] });
    await f.client.waitFor(f.uri('teams/ai/policy.md'), (d) => d.length === 0);
    const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    assert.deepEqual(summary.roots.map((r) => r.name).sort(), ['docs', 'isms']);
  });

  it('deleting the folder of a nested ISMS (one event, for the folder) takes the ISMS away', async () => {
    await f.client.waitFor(f.uri('teams/ai/policy.md'), (d) => d.length > 0);
    const [config, policy] = [f.text('teams/ai/.isms.yaml'), f.text('teams/ai/policy.md')];
    rmSync(join(f.dir, 'teams'), { recursive: true });
    await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: f.uri('teams'), type: 3 }] });
    await f.client.waitFor(f.uri('teams/ai/policy.md'), (d) => d.length === 0);
    let summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    assert.deepEqual(summary.roots.map((r) => r.name), ['isms']);
    // Moved back in: one event for the folder, and its .isms.yaml makes it an ISMS again.
    mkdirSync(join(f.dir, 'teams', 'ai'), { recursive: true });
    writeFileSync(join(f.dir, 'teams', 'ai', '.isms.yaml'), config);
    writeFileSync(join(f.dir, 'teams', 'ai', 'policy.md'), policy);
    await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: f.uri('teams'), type: 1 }] });
    await f.client.waitFor(f.uri('teams/ai/policy.md'), (d) => d.length > 0);
    summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    assert.deepEqual(summary.roots.map((r) => r.name).sort(), ['ai', 'isms']);
  });

  it('a sub-folder that becomes an ISMS keeps its findings when the outer ISMS\'s check ends after its own', async () => {
    // The outer ISMS published the sub-folder's placeholders before the sub-folder got its .isms.yaml (as Create
    // ISMS from Template writes its files). After the reload both are checked; the outer one, with more documents,
    // ends last (ISMS_CHECK_SLICE_MS=0: a slice per step), and its clearing of files no longer its own wiped the
    // placeholders the new ISMS had just published.
    const files: Record<string, string> = { '.isms.yaml': 'rules: {}\n', 'starter/policy.md': policy({ id: 'POL-S1', owner: 'TBD' }) };
    for (let i = 0; i < 40; i++) files[`policies/p-${i}.md`] = policy({ id: `POL-${100 + i}`, title: `P${i}` });
    const dir = folderWith(files, 'isms-nested-race-');
    const uri = fileUri(join(dir, 'starter/policy.md'));
    const client = new LspTestClient();
    try {
      await client.start(dir, { env: { ISMS_CHECK_SLICE_MS: '0' } });
      await client.waitFor(uri, (d) => codes(d).includes('template-placeholder'));
      writeFileSync(join(dir, 'starter', '.isms.yaml'), 'rules: {}\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'starter/.isms.yaml')), type: 1 }] });
      const summary = await client.settle([300, 300, 50, 0]);
      assert.deepEqual(summary.roots.map((r) => [r.name, r.documentsWithPlaceholders]).sort(), [
        [dir.split('/').pop(), 0],
        ['starter', 1],
      ]);
      assert.deepEqual(codes(client.diagnostics.get(uri) ?? []), ['template-placeholder']);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
