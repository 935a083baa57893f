import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { registerDoc, riskDoc } from './auditFixtures';

const code = 'risk-score-mismatch';

describe(code, () => {
  it('reports a stated score that is not likelihood × impact, on the score cell', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-009', likelihood: '4', impact: '5', score: '16' }, { id: 'R-010', likelihood: '4', impact: '5', score: '20 (High)' }]) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /R-009 states a score of 16, but likelihood 4 × impact 5 is 20/);
    assert.deepEqual([found[0].data?.stated, found[0].data?.expected], [16, 20]);
    assert.ok(found[0].range.start.character > 0);
  });

  it('reports likelihood or impact outside the declared scale (default 1–5)', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001', likelihood: '6', impact: '0', score: '0' }]) }, { code });
    assert.deepEqual(found.map((d) => d.data?.field), ['likelihood', 'impact']);
    assert.match(found[0].message, /outside the register's scale of 1–5/);
  });

  it('reads likelihood_scale and impact_scale from the register', () => {
    const rows = [{ id: 'R-001', likelihood: '3', impact: '10', score: '30' }];
    assert.equal(check({ 'r.md': registerDoc(rows) }, { code }).length, 1);
    assert.deepEqual(check({ 'r.md': registerDoc(rows, { likelihood_scale: 3, impact_scale: '1-10' }) }, { code }), []);
  });

  it('checks risk documents', () => {
    assert.equal(check({ 'r.md': riskDoc({ score: 7 }) }, { code }).length, 1);
    assert.deepEqual(check({ 'r.md': riskDoc({ score: 6 }) }, { code }), []);
  });

  it('is silent without a stated score or with a qualitative one', () => {
    assert.deepEqual(check({ 'r.md': registerDoc([{ id: 'R-001', score: '' }, { id: 'R-002', score: 'Medium' }]) }, { code }), []);
    assert.deepEqual(check({ 'r.md': registerDoc([{ id: 'R-001' }], {}, ['id', 'owner', 'likelihood', 'impact', 'treatment']) }, { code }), []);
  });
});
