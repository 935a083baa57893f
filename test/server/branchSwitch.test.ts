// A branch switch as the editor reports it: one didChangeWatchedFiles event naming hundreds of files. The server
// indexes and checks them a slice at a time (so the event loop is not held for all of them); the findings once it
// is done must be those of a fresh check of the new files, whatever slice a file fell in.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, codes, fileUri } from './lspClient';
import { policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';

describe('language server: a branch switch rewriting hundreds of files in one event', function () {
  this.timeout(120_000);

  it('ends with the findings of the new files, wherever they fell among the slices', async () => {
    const count = 250;
    const name = (i: number) => `p/pol-${String(i).padStart(3, '0')}.md`;
    const files: Record<string, string> = { 'a.md': policy({}, `See [last](${name(count - 1)}) and [first](${name(0)}).\n`) };
    for (let i = 0; i < count; i++) files[name(i)] = policy({ id: `POL-${1000 + i}`, title: `P${i}` }, '# Scope\n');
    const dir = folderWith(files, 'isms-switch-');
    const uri = (p: string) => fileUri(join(dir, p));
    const client = new LspTestClient();
    try {
      await client.start(dir);
      await client.connection.sendRequest('isms/checkSummary', {});
      // The other branch: every policy names a control the catalogue does not have, and the last one is gone.
      for (let i = 0; i < count - 1; i++) writeFileSync(join(dir, name(i)), policy({ id: `POL-${1000 + i}`, title: `P${i}` }, '# Scope\n\nSee A.5.99.\n'));
      rmSync(join(dir, name(count - 1)));
      const changes = Array.from({ length: count }, (_, i) => ({ uri: uri(name(i)), type: i === count - 1 ? 3 : 2 }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      await client.waitFor(uri('a.md'), (d) => codes(d).includes('link-broken'));
      for (const i of [0, 99, 100, 101, 199, 248]) await client.waitFor(uri(name(i)), (d) => codes(d).join() === 'control-unknown');
      const a = client.diagnostics.get(uri('a.md'))!;
      assert.deepEqual(
        a.map((d) => d.message.includes(name(count - 1))),
        [true],
        JSON.stringify(a),
      );
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
