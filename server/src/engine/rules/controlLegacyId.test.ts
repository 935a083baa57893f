import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';
import { registerDoc } from './auditFixtures';

const code = 'control-legacy-id';

describe(code, () => {
  it('names the 2022 control for a 2013 control ID', () => {
    const found = check({ 'p.md': policy({}, 'Patch per A.12.6.1.\n') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /A\.8\.8 Management of technical vulnerabilities/);
    assert.deepEqual(found[0].data?.replacements, ['A.8.8']);
  });

  it('maps a 2013 category to all its 2022 controls', () => {
    const found = check({ 'p.md': policy({ controls: ['A.12.6'] }) }, { code });
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].data?.replacements, ['A.8.8', 'A.8.19']);
  });

  it('names both targets of a split control', () => {
    assert.deepEqual(check({ 'p.md': policy({}, 'A.18.2.3\n') }, { code })[0].data?.replacements, ['A.5.36', 'A.8.8']);
  });

  it('is silent on 2022 IDs that look like 2013 categories', () => {
    assert.deepEqual(check({ 'p.md': policy({}, 'A.5.1 and A.6.2 and A.7.1 are 2022 controls.\n') }, { code }), []);
  });

  it('checks the Controls column of a risk register, bare numbers included', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001', controls: 'A.8.24, 12.6.1' }, { id: 'R-002', controls: 'A.9.2.1' }]) }, { code });
    assert.deepEqual(found.map((d) => d.data?.replacements), [['A.8.8'], ['A.5.16']]);
  });

  it('reports a 2013 objective written with its 2013 title, citing the title, and a 2013 domain', () => {
    const found = check({ 'p.md': policy({}, '## A.7.1 Prior to employment\n\nA.9 Access control applies.\n\n## A.7.2 Physical entry\n') }, { code });
    assert.deepEqual(found.map((d) => d.message.split(' ')[0]), ['A.7.1', 'A.9']);
    assert.match(found[0].message, /ISO\/IEC 27001:2013 ID \("Prior to employment", 2 controls\)\. In the 2022 Annex A it is A\.6\.1 Screening; A\.6\.2/);
    assert.match(found[1].message, /"Access control"/);
  });

  it('is silent on IDs of other standards and on an organisation\'s sub-items', () => {
    const body = 'ISO/IEC 27701 A.7.2.1 Identify purpose.\n\n| SOC 2 | NIST CSF |\n|---|---|\n| A.9.1.1 | A.12.1.2 |\n\nA.8.16.1 Alert thresholds.\n';
    assert.deepEqual(check({ 'p.md': policy({}, body) }, { code }), []);
  });
});
