import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { fullSoaRows, legacySoaRows, soaDoc } from './auditFixtures';

const code = 'soa-legacy-2013';

describe(code, () => {
  it('reports a 2013 SoA once, on its table, with the mapping, and suppresses the per-row flood', () => {
    const files = { 'soa.md': soaDoc(legacySoaRows()) };
    const all = check(files);
    const found = all.filter((d) => d.code === code);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /114 of 114 rows carry 2013 IDs/);
    assert.match(found[0].message, /2025-10-31/);
    const mapping = found[0].data?.mapping as { id: string; newIds: string[] }[];
    assert.equal(mapping.length, 114);
    assert.deepEqual(mapping.find((m) => m.id === 'A.12.6.1')?.newIds, ['A.8.8']);
    assert.ok((found[0].data?.newControls as { id: string }[]).some((c) => c.id === 'A.5.7'));
    for (const flood of ['control-legacy-id', 'control-unknown', 'soa-control-missing', 'soa-control-duplicate', 'soa-justification-missing', 'soa-inconsistent', 'evidence-missing']) {
      assert.deepEqual(all.filter((d) => d.code === flood), [], flood);
    }
  });

  it('needs most rows, and at least 10, to carry 2013 IDs', () => {
    const few = fullSoaRows().slice(0, 20).concat(legacySoaRows().slice(0, 9));
    assert.deepEqual(check({ 'soa.md': soaDoc(few) }, { code }), []);
    assert.equal(check({ 'soa.md': soaDoc(few) }, { code: 'control-legacy-id' }).length, 9);
    const most = fullSoaRows().slice(0, 10).concat(legacySoaRows().slice(0, 12));
    assert.equal(check({ 'soa.md': soaDoc(most) }, { code }).length, 1);
  });

  it('is silent on a 2022 SoA', () => {
    assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows()) }, { code }), []);
  });
});
