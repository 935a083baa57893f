import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';
import { fullSoaRows, registerDoc, riskDoc, soaDoc, type SoaRowSpec } from './auditFixtures';
import { ANNEX_A } from './auditFixtures';

const code = 'soa-inconsistent';

/** A policy naming every Annex A control except `except`, so no applicable control is untraced. */
const coveringPolicy = (except: string[] = []) => policy({ controls: ANNEX_A.map((c) => c.id).filter((id) => !except.includes(id)) });
const excluding = (ids: string[]) => fullSoaRows((r: SoaRowSpec) => (ids.includes(r.control) ? { ...r, applicable: 'no', justification: 'No premises', status: 'excluded' } : r));

describe(code, () => {
  it('reports an excluded control that a risk, the treatment plan or an approved policy relies on, on the Applicable cell', () => {
    const found = check(
      {
        'soa.md': soaDoc(excluding(['A.7.5', 'A.7.6', 'A.7.11', 'A.8.30'])),
        'all.md': coveringPolicy(['A.7.5', 'A.7.6', 'A.7.11', 'A.8.30']),
        'risk/register.md': registerDoc([{ id: 'R-001', controls: 'A.7.5, 7.6' }]),
        'risk/plan.md': md({ type: 'risk-treatment-plan', id: 'RTP-001', title: 'Plan', owner: 'o' }, '| Risk | Controls |\n|---|---|\n| R-001 | A.7.11 |\n'),
        'p2.md': policy({ id: 'POL-002', status: 'approved', controls: ['A.8.30'] }),
        'p3.md': policy({ id: 'POL-003', status: 'draft', controls: ['A.7.5'] }),
      },
      { code },
    );
    assert.deepEqual(
      found.map((d) => [d.data?.controlId, d.data?.kind]),
      [
        ['A.7.5', 'excluded-but-used'],
        ['A.7.6', 'excluded-but-used'],
        ['A.7.11', 'excluded-but-used'],
        ['A.8.30', 'excluded-but-used'],
      ],
    );
    assert.match(found[0].message, /A\.7\.5 is marked not applicable, but risk R-001 \(risk\/register\.md:\d+\) relies on it/);
    assert.doesNotMatch(found[0].message, /POL-003/, 'a draft policy does not make a control necessary');
    assert.match(found[2].message, /risk treatment plan RTP-001/);
    assert.match(found[3].message, /policy POL-002 \(controls:\)/);
    assert.ok(found[0].range.start.character > 0, 'on the Applicable cell, not the control cell');
  });

  it('counts risk documents too', () => {
    const found = check({ 'soa.md': soaDoc(excluding(['A.8.1'])), 'all.md': coveringPolicy(['A.8.1']), 'r.md': riskDoc({ controls: ['A.8.1'] }) }, { code });
    assert.deepEqual(found.map((d) => d.data?.controlId), ['A.8.1']);
  });

  it('leaves applicable controls that nothing refers to to soa-control-untraced', () => {
    assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows()), 'all.md': coveringPolicy(['A.5.7', 'A.8.34']) }, { code }), []);
  });

  it('is silent on a consistent ISMS', () => {
    assert.deepEqual(check({ 'soa.md': soaDoc(excluding(['A.7.5'])), 'all.md': coveringPolicy(['A.7.5']) }, { code }), []);
  });
});
