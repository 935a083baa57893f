// The language server through the protocol: diagnostics for the whole workspace, live edits, dependants,
// files changed on disk, and ordering under rapid typing.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import type { CheckSummaryResult } from '../../server/src/protocol';
import { join } from 'node:path';
import { LspTestClient, codes, fileUri } from './lspClient';
import { policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';

const makeFolder = (files: Record<string, string | Buffer>) => folderWith(files, 'isms-lsp-');

describe('language server: diagnostics', function () {
  let dir: string;
  let client: LspTestClient;
  const uri = (p: string) => fileUri(join(dir, p));

  beforeEach(async () => {
    dir = makeFolder({
      'a.md': policy({ related: ['POL-002'] }, 'See [b](b.md#scope) and A.12.6.1.\n'),
      'b.md': policy({ id: 'POL-002', title: 'B' }, '# Scope\n'),
      'notes.md': '# Not part of the ISMS\nA.99.99\n',
    });
    client = new LspTestClient();
    await client.start(dir);
  });

  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for files that are not open', async () => {
    const d = await client.waitFor(uri('a.md'), (x) => x.length > 0);
    assert.deepEqual(codes(d), ['control-legacy-id']);
    assert.equal(d[0].source, 'isms');
    assert.deepEqual(d[0].range, { start: { line: 13, character: 24 }, end: { line: 13, character: 32 } });
  });

  it('re-checks as the user types, and clears fixed findings', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    const text = policy({ related: ['POL-002'] }, 'See A.8.99.\n');
    await client.open(uri('a.md'), text, 1);
    await client.waitFor(uri('a.md'), (x) => codes(x).join() === 'control-unknown');
    await client.change(uri('a.md'), policy({ related: ['POL-002'] }, 'See A.8.9.\n'), 2);
    const after = await client.waitFor(uri('a.md'), (x) => x.length === 0);
    assert.deepEqual(after, []);
  });

  it('refreshes dependants when a referenced document changes in the editor', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    await client.open(uri('b.md'), policy({ id: 'POL-003', title: 'B' }, '# Renamed\n'), 1);
    const d = await client.waitFor(uri('a.md'), (x) => x.length === 3);
    assert.deepEqual(codes(d), ['control-legacy-id', 'doc-unknown', 'link-broken']);
  });

  it('follows files deleted and created on disk', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    unlinkSync(join(dir, 'b.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 3 }] });
    await client.waitFor(uri('a.md'), (x) => codes(x).join() === 'control-legacy-id,doc-unknown,link-broken');
    writeFileSync(join(dir, 'b.md'), policy({ id: 'POL-002', title: 'B' }, '# Scope\n'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 1 }] });
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
  });

  it('follows a folder created and deleted on disk, each reported as one event (as VS Code reports folders)', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    // Moved or copied in: the folder's event only, none for the files in it.
    mkdirSync(join(dir, 'team', 'ai'), { recursive: true });
    writeFileSync(join(dir, 'team', 'ai', 'c.md'), policy({ id: 'POL-003', title: 'C' }, 'See A.12.6.1.\n'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team'), type: 1 }] });
    assert.deepEqual(codes(await client.waitFor(uri('team/ai/c.md'), (x) => x.length > 0)), ['control-legacy-id']);
    // Deleted: again one event, for the folder.
    rmSync(join(dir, 'team'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team'), type: 3 }] });
    await client.waitFor(uri('team/ai/c.md'), (x) => x.length === 0);
    const summary = await client.connection.sendRequest<CheckSummaryResult>('isms/checkSummary', {});
    assert.equal(summary.roots[0].documents, 2, 'a.md and b.md are the ISMS documents left');
  });

  it('never leaves stale diagnostics after rapid typing', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    await client.open(uri('a.md'), policy({}, ''), 1);
    for (let v = 2; v <= 40; v++) await client.change(uri('a.md'), policy({}, `A.8.${90 + (v % 5)} `.repeat(v % 3)), v);
    await client.change(uri('a.md'), policy({}, 'Final: A.5.99\n'), 41);
    const d = await client.waitFor(uri('a.md'), (x) => x.length === 1 && x[0].message.startsWith('A.5.99'));
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(client.diagnostics.get(uri('a.md')), d, 'a later publish replaced the final one');
    const last = client.publishes.filter((p) => p.uri === uri('a.md')).pop()!;
    assert.equal(last.version, 41);
  });

  it('does not check Markdown without ISMS frontmatter', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    assert.equal(client.diagnostics.get(uri('notes.md')), undefined);
  });

  it('reports workspace configuration problems on .isms.yaml and reloads it', async () => {
    await client.waitFor(uri('a.md'), (x) => x.length === 1);
    writeFileSync(join(dir, '.isms.yaml'), 'rules:\n  control-legacy-id: off\n  locker-missing-document: off\nbogus: 1\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.isms.yaml'), type: 1 }] });
    await client.waitFor(uri('a.md'), (x) => x.length === 0);
    const config = await client.waitFor(uri('.isms.yaml'), (x) => x.length === 1);
    assert.equal(config[0].code, 'config-invalid');
    assert.equal(config[0].range.start.line, 3);
  });
});

describe('language server: lifecycle', () => {
  it('shuts down cleanly', async () => {
    const dir = makeFolder({ 'a.md': policy() });
    const client = new LspTestClient();
    await client.start(dir);
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });
});
