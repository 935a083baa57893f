// ISO/IEC 42001:2023 Annex A as a second catalog: `42001:`-prefixed references validate when it is enabled,
// wherever control references are read (frontmatter, prose, risk register Controls column, SoA rows).
import { strict as assert } from 'node:assert';
import { check, md, policy } from '../../server/src/engine/testing/fixtures';
import { fullSoaRows, registerDoc, soaDoc } from '../../server/src/engine/rules/auditFixtures';

const both = { catalogs: ['iso27001-2022', 'iso42001-2023'] };
const codes = (files: Record<string, string>, config = {}) =>
  check(files, { config })
    .filter((d) => d.code === 'control-unknown' || d.code === 'control-legacy-id')
    .map((d) => `${d.code} ${d.message.split(' ')[0]}`);

describe('ISO/IEC 42001 catalog', () => {
  const files = {
    'p.md': policy({ controls: ['A.5.1', '42001:A.6.2.4', '42001:A.10.3'] }, 'Impact assessments follow 42001:A.5.2 and 42001: A.5.3.\n'),
    'r.md': registerDoc([{ id: 'R-001', controls: 'A.8.24, 42001:A.7.4' }]),
    'soa.md': soaDoc([...fullSoaRows(), { control: '42001:A.2.2', applicable: 'yes', justification: 'AI policy', status: 'implemented', evidence: '[POL-001](p.md)' }]),
  };

  it('validates every 42001 reference when the catalog is enabled', () => {
    assert.deepEqual(codes(files, both), []);
  });

  it('reports 42001 references, naming the setting, when the catalog is not enabled', () => {
    const found = check(files, { config: {} }).filter((d) => d.code === 'control-unknown');
    assert.equal(found.length, 6);
    assert.ok(found.every((d) => /iso42001-2023/.test(d.message)));
  });

  it('reports IDs that are not 42001 Annex A controls, and never mistakes them for 27001 or 2013 IDs', () => {
    const found = codes({ 'p.md': policy({ controls: ['42001:A.6.2.9', '42001:A.11.1'] }, 'See 42001:A.12.6.1.\n') }, both);
    assert.deepEqual(found, ['control-unknown 42001:A.6.2.9', 'control-unknown 42001:A.11.1', 'control-unknown 42001:A.12.6.1']);
  });

  it('keeps 42001 rows out of the 27001 SoA coverage checks', () => {
    const found = check(files, { config: both }).filter((d) => d.code === 'soa-control-missing' || d.code === 'soa-control-duplicate');
    assert.deepEqual(found, []);
    const onlyAi = { 'soa.md': soaDoc([{ control: '42001:A.2.2', applicable: 'yes', justification: 'x' }]), 'm.md': md({ type: 'policy', id: 'POL-9', title: 'x', owner: 'o' }) };
    const missing = check(onlyAi, { code: 'soa-control-missing', config: both });
    assert.equal(missing.length, 1);
    assert.equal((missing[0].data?.controlIds as string[]).length, 93);
  });
});
