// The language server's performance machinery through the protocol (issue 8): the result cache in the client's
// storage folder, incremental publishing, and an open document's own findings while a large folder loads.
// No timed assertions: bench/run.mjs measures.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, codes, fileUri } from './lspClient';
import { policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';

const makeFolder = (files: Record<string, string | Buffer>) => folderWith(files, 'isms-perf-');

const FILES = {
  'a.md': policy({ related: ['POL-002'] }, 'See [b](b.md#scope) and A.12.6.1.\n'),
  'b.md': policy({ id: 'POL-002', title: 'B' }, '# Scope\n'),
  'c.md': policy({ id: 'POL-003', title: 'C' }, '# C\n\nNothing to report.\n'),
};

describe('language server: result cache, incremental publishing, early findings', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const clients: LspTestClient[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = makeFolder(files);
    dirs.push(dir);
    return dir;
  };
  const client = () => {
    const c = new LspTestClient();
    clients.push(c);
    return c;
  };

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('stores findings in the cache folder, publishes the same after a restart, and misses when a file changed', async () => {
    const dir = folder(FILES);
    const cacheDir = folder({});
    const uri = (p: string) => fileUri(join(dir, p));
    const first = client();
    await first.start(dir, { initializationOptions: { cacheDir } });
    const found = await first.waitFor(uri('a.md'), (d) => d.length === 1);
    await first.stop();
    clients.splice(0);
    const stored = join(cacheDir, 'isms-results-v2');
    assert.ok(existsSync(stored) && readdirSync(stored).some((f) => f.endsWith('.json')), 'a cache file in the storage folder');

    const second = client();
    await second.start(dir, { initializationOptions: { cacheDir } });
    assert.deepEqual(await second.waitFor(uri('a.md'), (d) => d.length === 1), found);
    await second.stop();
    clients.splice(0);

    writeFileSync(join(dir, 'b.md'), policy({ id: 'POL-002', title: 'B' }, '# Other\n'));
    const third = client();
    await third.start(dir, { initializationOptions: { cacheDir } });
    const d = await third.waitFor(uri('a.md'), (x) => x.length === 2);
    assert.deepEqual(codes(d), ['control-legacy-id', 'link-broken']);
  });

  it('survives a corrupt cache file', async () => {
    const dir = folder(FILES);
    const cacheDir = folder({ 'isms-results-v2/0000000000000000.json': '{not json' });
    const c = client();
    await c.start(dir, { initializationOptions: { cacheDir } });
    await c.waitFor(fileUri(join(dir, 'a.md')), (d) => d.length === 1);
  });

  it('after an edit, publishes the edited document and the files whose findings changed, not the others', async () => {
    const dir = folder(FILES);
    const uri = (p: string) => fileUri(join(dir, p));
    const c = client();
    await c.start(dir);
    await c.waitFor(uri('a.md'), (d) => d.length === 1);
    await c.open(uri('b.md'), FILES['b.md'], 1);
    await c.waitFor(uri('b.md'), () => c.publishes.some((p) => p.uri === uri('b.md') && p.version === 1));
    const before = c.publishes.length;
    // Typing in prose: the edited document is published for its new version, nothing else.
    await c.change(uri('b.md'), FILES['b.md'].replace('# Scope\n', '# Scope\n\nMore words.\n'), 2);
    await c.waitFor(uri('b.md'), () => c.publishes.some((p) => p.uri === uri('b.md') && p.version === 2));
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      c.publishes.slice(before).map((p) => p.uri),
      [uri('b.md')],
    );
    // Renaming the heading a.md links to: a.md (a dependant) is published again with its new finding.
    await c.change(uri('b.md'), FILES['b.md'].replace('# Scope', '# Purpose'), 3);
    const d = await c.waitFor(uri('a.md'), (x) => x.length === 2);
    assert.deepEqual(codes(d), ['control-legacy-id', 'link-broken']);
    assert.ok(!c.publishes.slice(before).some((p) => p.uri === uri('c.md')), 'c.md did not change');
  });

  it("gives an open document of a large folder its own findings before the folder is loaded, then all of them", async () => {
    // Large enough that loading takes far longer than the open notification takes to arrive, on a busy machine too.
    const files: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) files[`docs/p${i}.md`] = policy({ id: `POL-${1000 + i}`, title: `P${i}` }, `# P${i}\n\nText.\n`);
    // Its own problem (a date that is no date) and one that needs the whole folder (an unknown related ID).
    const text = policy({ id: 'POL-9000', title: 'Open', next_review: '2027-13-45', related: ['POL-7777'] }, '# Open\n');
    files['open.md'] = text;
    const dir = folder(files);
    const uri = fileUri(join(dir, 'open.md'));
    const c = client();
    await c.start(dir);
    await c.open(uri, text, 1);
    const all = await c.waitFor(uri, (d) => codes(d).includes('doc-unknown'));
    const firsts = c.publishes.filter((p) => p.uri === uri);
    assert.ok(firsts.length >= 1);
    // Whatever was published first is part of the final findings (nothing later retracted).
    const final = new Set(all.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`));
    for (const d of firsts[0].diagnostics) assert.ok(final.has(`${d.code} ${d.range.start.line}:${d.range.start.character}`), `${d.code} was published early but is not a final finding`);
    assert.ok(codes(all).includes('frontmatter-invalid-value'));
    // The first publish came before the folder was loaded: the document's own finding, not the one needing IDs.
    assert.deepEqual(codes(firsts[0].diagnostics), ['frontmatter-invalid-value']);
  });
});
