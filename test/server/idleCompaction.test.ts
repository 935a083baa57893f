// The server lets V8 compact its heap (--optimize-for-size) only while idle: set once nothing has changed for a few
// seconds after the first index, cleared by the next edit (compactions during work were stalls of 350-430 ms in
// the soak). The server says so in its log (ISMS_LOG_CHECKS).
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, fileUri } from './lspClient';
import { policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';

describe('language server: heap compaction while idle', function () {
  this.timeout(60_000);

  it('turns on after a few idle seconds and off at the next edit, and not at all with ISMS_GC_OPTIMIZE_FOR_SIZE=0', async () => {
    const text = policy({ id: 'POL-001', title: 'Policy' }, '# Policy\n\nSee A.5.1.\n');
    const dir = folderWith({ 'policy.md': text }, 'isms-idle-');
    const uri = fileUri(join(dir, 'policy.md'));
    const compaction = (client: LspTestClient) => client.logs.filter((l) => l.startsWith('heap compaction while idle')).map((l) => l.split(': ')[1]);
    const until = async (what: string, ok: () => boolean) => {
      for (const deadline = Date.now() + 15_000; !ok(); ) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const client = new LspTestClient();
    const off = new LspTestClient();
    try {
      await client.start(dir, { env: { ISMS_LOG_CHECKS: '1' } });
      await client.open(uri, text, 1);
      await until('compaction on', () => compaction(client).length === 1);
      assert.deepEqual(compaction(client), ['on']);
      await client.change(uri, `${text}\nMore.\n`, 2);
      await until('compaction off', () => compaction(client).length === 2);
      assert.deepEqual(compaction(client), ['on', 'off']);

      await off.start(dir, { env: { ISMS_LOG_CHECKS: '1', ISMS_GC_OPTIMIZE_FOR_SIZE: '0' } });
      await off.open(uri, text, 1);
      await new Promise((r) => setTimeout(r, 5_000));
      assert.deepEqual(compaction(off), []);
    } finally {
      await client.stop();
      await off.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
