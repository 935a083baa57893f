import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { fullSoaRows, soaDoc } from './auditFixtures';

const code = 'soa-justification-missing';

describe(code, () => {
  it('reports blank justifications for included and excluded controls, on the cell', () => {
    const rows = fullSoaRows((r) =>
      r.control === 'A.7.5' ? { ...r, applicable: 'no', justification: '', status: 'excluded' } : r.control === 'A.5.7' ? { ...r, justification: 'TBD' } : r,
    );
    const found = check({ 'soa.md': soaDoc(rows) }, { code });
    assert.deepEqual(found.map((d) => d.data?.controlId), ['A.5.7', 'A.7.5']);
    assert.match(found[0].message, /A\.5\.7 is included without a justification/);
    assert.match(found[1].message, /A\.7\.5 is excluded without a justification/);
    assert.ok(found[1].range.start.character > 0);
  });

  it('reports a bare N/A (or "not applicable") given as the reason for an exclusion', () => {
    const rows = fullSoaRows((r) =>
      r.control === 'A.7.6' ? { ...r, applicable: 'no', justification: 'N/A' } : r.control === 'A.7.11' ? { ...r, applicable: 'n/a', justification: 'Not applicable.' } : r,
    );
    const found = check({ 'soa.md': soaDoc(rows) }, { code });
    assert.deepEqual(found.map((d) => d.data?.controlId), ['A.7.6', 'A.7.11']);
    assert.match(found[0].message, /"N\/A", which gives no reason/);
  });

  it('reports a SoA table without a Justification column once', () => {
    const found = check({ 'soa.md': soaDoc(fullSoaRows(), ['control', 'applicable', 'status']) }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].data?.missingColumn, true);
  });

  it('is silent when every row is justified, including reasoned exclusions', () => {
    const rows = fullSoaRows((r) => (r.control === 'A.7.5' ? { ...r, applicable: 'no', justification: 'No premises: all staff work remotely' } : r));
    assert.deepEqual(check({ 'soa.md': soaDoc(rows) }, { code }), []);
  });
});
