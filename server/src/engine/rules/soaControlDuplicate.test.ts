import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { fullSoaRows, legacySoaRows, soaDoc } from './auditFixtures';

const code = 'soa-control-duplicate';

describe(code, () => {
  it('reports each repeat row on its control cell, pointing at the first', () => {
    const rows = fullSoaRows((r) => (r.control === 'A.8.8' ? [r, { ...r }, { ...r, justification: 'again' }] : r));
    const found = check({ 'soa.md': soaDoc(rows) }, { code });
    assert.equal(found.length, 2);
    assert.ok(found.every((d) => d.data?.controlId === 'A.8.8'));
    assert.match(found[0].message, /already listed .* at soa\.md:\d+/);
    assert.ok(found[0].range.start.character <= 2, 'on the control cell, the first of the row');
  });

  it('finds duplicates across SoA documents, and bare numbers that name the same control', () => {
    const rows = fullSoaRows();
    const found = check({ 'a.md': soaDoc(rows), 'b.md': soaDoc([{ control: '8.8', applicable: 'yes', justification: 'x' }], undefined, { id: 'SOA-002' }) }, { code });
    assert.deepEqual(found.map((d) => `${d.path} ${String(d.data?.controlId)}`), ['b.md A.8.8']);
  });

  it('reports a control repeated by an SoA template (by folder, file name or title) as at most a warning', () => {
    const template = soaDoc([{ control: 'A.8.8', applicable: 'yes', justification: 'x' }], undefined, { id: 'SOA-T', title: 'SoA Template' });
    for (const path of ['templates/soa.md', 'Vorlagen/soa.md', 'SoA_Template.md', 'soa-example.md', 'statement.md']) {
      const found = check({ 'soa.md': soaDoc(fullSoaRows()), [path]: template }, { code });
      assert.deepEqual(found.map((d) => `${d.severity} ${d.path}`), [`warning ${path}`], path);
      assert.match(found[0].message, /reads as a template/);
    }
  });

  it('is silent on a SoA listing each control once, and on 2013 tables', () => {
    assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows()) }, { code }), []);
    const etc = { control: '...', applicable: '...', justification: '...' };
    assert.deepEqual(check({ 'soa.md': soaDoc([...fullSoaRows(), etc, { ...etc, control: '…' }, { ...etc, control: '—' }]) }, { code }), [], 'a "…" row lists no control');
    assert.deepEqual(check({ 'soa.md': soaDoc([...legacySoaRows(), ...legacySoaRows().slice(0, 3)]) }, { code }), []);
  });
});
