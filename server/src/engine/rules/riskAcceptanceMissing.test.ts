import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';
import { registerDoc, riskDoc } from './auditFixtures';

const code = 'risk-acceptance-missing';

const methodology = (threshold: unknown) =>
  md({ type: 'procedure', id: 'PRO-001', title: 'Risk methodology', owner: 'CISO', clauses: ['6.1.2'], risk_acceptance_threshold: threshold }, '# Method\n');

describe(code, () => {
  it('reports a retained risk above the default threshold (9) without an approver', () => {
    const rows = [
      { id: 'R-001', likelihood: '4', impact: '3', score: '12', treatment: 'retain' },
      { id: 'R-002', likelihood: '4', impact: '3', score: '12', treatment: 'accept', acceptedBy: 'Daniel Okafor (CTO)' },
      { id: 'R-003', likelihood: '3', impact: '3', score: '9', treatment: 'tolerate' },
      { id: 'R-004', likelihood: '4', impact: '4', score: '16', treatment: 'modify' },
    ];
    const found = check({ 'r.md': registerDoc(rows) }, { code });
    assert.deepEqual(found.map((d) => d.data?.riskId), ['R-001']);
    assert.match(found[0].message, /R-001 scores 12, above the acceptance threshold of 9 \(the riskAcceptanceThreshold setting\)/);
  });

  it('takes the threshold from the methodology, over the setting', () => {
    const rows = [{ id: 'R-003', likelihood: '3', impact: '3', score: '9', treatment: 'retain' }];
    const found = check({ 'r.md': registerDoc(rows), 'm.md': methodology(8) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /threshold of 8 \(risk_acceptance_threshold in PRO-001\)/);
    assert.deepEqual(check({ 'r.md': registerDoc(rows) }, { code, config: { riskAcceptanceThreshold: 12 } }), []);
    assert.equal(check({ 'r.md': registerDoc(rows) }, { code, config: { riskAcceptanceThreshold: 4 } }).length, 1);
  });

  it('uses likelihood × impact when no score is stated, a missing Accepted by column counts as no approver, and risk documents count', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001', likelihood: '5', impact: '5', treatment: 'retain' }], {}, ['id', 'owner', 'likelihood', 'impact', 'treatment']) }, { code });
    assert.deepEqual(found.map((d) => d.data?.score), [25]);
    assert.equal(check({ 'x.md': riskDoc({ likelihood: 5, impact: 4, treatment: 'retain' }) }, { code }).length, 1);
    assert.deepEqual(check({ 'x.md': riskDoc({ likelihood: 5, impact: 4, treatment: 'retain', accepted_by: 'CEO' }) }, { code }), []);
  });
});
