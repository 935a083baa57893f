// Slow workspace rules (the SoA cross-checks on a large ISMS, or any rule on a loaded machine) run in a second
// check right after an edit's own findings are published. That second check once deferred them again, so they
// never ran: after a file was deleted on disk, the SoA kept findings of the ISMS as it was (the soak found this).
// ISMS_SLOW_WORKSPACE_RULE_MS=-1 makes every workspace rule slow, so the test does not depend on the machine.
import { strict as assert } from 'node:assert';
import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, fileUri } from './lspClient';
import { md, policy } from '../../server/src/engine/testing/fixtures';
import { ANNEX_A, fullSoaRows, soaDoc } from '../../server/src/engine/rules/auditFixtures';
import { folderWith } from '../support/folders';

describe('language server: slow workspace rules after a change', function () {
  it('runs them in the second pass, so the SoA follows a procedure deleted on disk', async () => {
    const dir = folderWith(
      {
        'soa.md': soaDoc(fullSoaRows()),
        'all.md': policy({ controls: ANNEX_A.map((c) => c.id).filter((id) => id !== 'A.5.7') }),
        'pro.md': md({ type: 'procedure', id: 'PRO-001', title: 'Threat intel', owner: 'o' }, 'Implements A.5.7.\n'),
      },
      'isms-slow-rules-',
    );
    const client = new LspTestClient();
    try {
      await client.start(dir, { env: { ISMS_SLOW_WORKSPACE_RULE_MS: '-1' } });
      const untraced = () => (client.diagnostics.get(fileUri(join(dir, 'soa.md'))) ?? []).filter((d) => d.code === 'soa-control-untraced');
      await client.connection.sendRequest('isms/checkSummary', {});
      assert.deepEqual(untraced(), []);
      unlinkSync(join(dir, 'pro.md'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'pro.md')), type: 3 }] });
      await client.waitFor(fileUri(join(dir, 'soa.md')), () => untraced().length > 0);
      assert.deepEqual(
        untraced().map((d) => d.message.slice(0, 5)),
        ['A.5.7'],
      );
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
