import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';
import { ANNEX_A, fullSoaRows, registerDoc, soaDoc } from './auditFixtures';

const code = 'soa-control-untraced';

/** A policy naming every Annex A control except `except`. */
const coveringPolicy = (except: string[] = []) => policy({ controls: ANNEX_A.map((c) => c.id).filter((id) => !except.includes(id)) });

describe(code, () => {
  it('observes applicable controls that no risk, plan, policy or procedure refers to, as information', () => {
    const found = check({ 'soa.md': soaDoc(fullSoaRows()), 'all.md': coveringPolicy(['A.5.7', 'A.8.34']) }, { code });
    assert.deepEqual(found.map((d) => [d.data?.controlId, d.severity]), [
      ['A.5.7', 'info'],
      ['A.8.34', 'info'],
    ]);
    assert.match(found[0].message, /^A\.5\.7 is applicable in the SoA, but no risk/);
    assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows()), 'all.md': coveringPolicy(['A.5.7', 'A.8.34']) }, { code: 'soa-inconsistent' }), [], 'not a contradiction');
  });

  it('accepts a body mention in a procedure and a bare number in the register as references', () => {
    const found = check(
      {
        'soa.md': soaDoc(fullSoaRows()),
        'all.md': coveringPolicy(['A.5.7', 'A.8.34']),
        'pro.md': md({ type: 'procedure', id: 'PRO-001', title: 'Threat intel', owner: 'o' }, 'Implements A.5.7.\n'),
        'r.md': registerDoc([{ id: 'R-001', controls: '8.34' }]),
      },
      { code },
    );
    assert.deepEqual(found, []);
  });

  it('skips the reverse check while nothing refers to any control yet (a first SoA)', () => {
    assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows()), 'p.md': policy() }, { code }), []);
  });

  it('is silent when every applicable control is traced, and on excluded controls', () => {
    const soa = soaDoc(fullSoaRows((r) => (r.control === 'A.7.5' ? { ...r, applicable: 'no', justification: 'No premises', status: 'excluded' } : r)));
    assert.deepEqual(check({ 'soa.md': soa, 'all.md': coveringPolicy(['A.7.5']) }, { code }), []);
  });
});
