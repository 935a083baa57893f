// An open document whose file is deleted on disk and written again (a branch switch that drops and restores it,
// or the user saving a document the editor kept open after it was deleted): the editor's text stays in the index
// the whole time, so what links to it or names the controls it names never drifts from a fresh `isms check` of
// the saved files. The soak found the index without the document after such a round trip.
import { strict as assert } from 'node:assert';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, codes, fileUri } from './lspClient';
import { policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';

describe('language server: an open document deleted and restored on disk', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspTestClient;
  const uri = (p: string) => fileUri(join(dir, p));
  const bText = policy({ id: 'POL-002', title: 'B' }, '# Scope\n');

  beforeEach(async () => {
    dir = folderWith({ 'a.md': policy({ related: ['POL-002'] }, 'See [b](b.md#scope).\n'), 'b.md': bText }, 'isms-open-disk-');
    client = new LspTestClient();
    await client.start(dir);
  });

  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The index's Markdown file count, once every event sent so far has been handled. */
  async function indexedMarkdownFiles(): Promise<number> {
    const summary = await client.connection.sendRequest<{ roots: { markdownFiles: number }[] }>('isms/checkSummary', {});
    return summary.roots[0].markdownFiles;
  }

  /** a.md's findings from a check that ran after every earlier event: an edit of a.md, awaited by its version. */
  async function findingsOfA(version: number): Promise<string[]> {
    await client.change(uri('a.md'), policy({ related: ['POL-002'] }, `See [b](b.md#scope).\n${'\n'.repeat(version)}`), version);
    await client.waitFor(uri('a.md'), () => client.publishes.some((p) => p.uri === uri('a.md') && p.version === version));
    return codes(client.diagnostics.get(uri('a.md'))!);
  }

  for (const editedMeanwhile of [false, true]) {
    it(`keeps the editor's text when the file is deleted and written again${editedMeanwhile ? ', edited in between' : ''}`, async () => {
      await client.open(uri('a.md'), policy({ related: ['POL-002'] }, 'See [b](b.md#scope).\n'), 1);
      await client.open(uri('b.md'), bText, 1);
      assert.equal(await indexedMarkdownFiles(), 2);
      unlinkSync(join(dir, 'b.md'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 3 }] });
      if (editedMeanwhile) await client.change(uri('b.md'), `${bText}More.\n`, 2);
      // While it is gone from disk the editor still shows it: its text is what a save writes back.
      assert.equal(await indexedMarkdownFiles(), 2, 'the open document left the index when its file was deleted');
      assert.deepEqual(await findingsOfA(2), []);
      writeFileSync(join(dir, 'b.md'), editedMeanwhile ? `${bText}More.\n` : bText);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 1 }] });
      assert.equal(await indexedMarkdownFiles(), 2, 'the saved document did not come back into the index');
      assert.deepEqual(await findingsOfA(3), [], 'a.md still reports b.md missing after it was saved again');
    });
  }

  it('drops the document once the editor closes it while its file is gone', async () => {
    await client.open(uri('b.md'), bText, 1);
    unlinkSync(join(dir, 'b.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 3 }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('b.md') } });
    assert.equal(await indexedMarkdownFiles(), 1);
    await client.open(uri('a.md'), policy({ related: ['POL-002'] }, 'See [b](b.md#scope).\n'), 1);
    assert.ok((await findingsOfA(2)).includes('link-broken'));
  });
});
