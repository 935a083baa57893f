import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { exceptionDoc } from './auditFixtures';

const code = 'exception-expired';

const deviation = (front: Record<string, unknown>) =>
  exceptionDoc({ kind: 'temporary-deviation', opened: '2026-10-01T09:00:00Z', reviewed_on: '2026-10-01', reviewed_by: 'CISO', ...front });

describe(code, () => {
  it('reports an open deviation past its expires date, on that field', () => {
    const found = check({ 'e.md': deviation({ expires: '2026-11-20' }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /expired on 2026-11-20 \(1 day ago\) and is still open/);
    assert.equal(found[0].data?.basis, 'expires');
  });

  it('counts any exception with expires as a deviation', () => {
    assert.equal(check({ 'e.md': exceptionDoc({ kind: 'break-glass', expires: '2026-11-01' }) }, { code }).length, 1);
  });

  it('without expires, allows deviationMaxDays (30) after approved_on, else after opened', () => {
    const found = check({ 'e.md': deviation({ approved_on: '2026-10-15' }) }, { code });
    assert.match(found[0].message, /has no `expires` date and ran out 30 days after approval, on 2026-11-14/);
    assert.equal(check({ 'e.md': deviation({}) }, { code })[0].data?.basis, 'opened');
    assert.deepEqual(check({ 'e.md': deviation({ approved_on: '2026-10-15' }) }, { code, config: { deviationMaxDays: 60 } }), []);
  });

  it('is silent before expiry (the expiry day itself included), once closed or retired, and for break-glass records', () => {
    assert.deepEqual(check({ 'e.md': deviation({ expires: '2026-11-21' }) }, { code }), []);
    assert.deepEqual(check({ 'e.md': deviation({ expires: '2026-11-01', closed_on: '2026-11-01' }) }, { code }), []);
    assert.deepEqual(check({ 'e.md': deviation({ expires: '2026-11-01', status: 'retired' }) }, { code }), []);
    assert.deepEqual(check({ 'e.md': exceptionDoc({ opened: '2026-01-01T00:00:00Z' }) }, { code }), []);
  });
});
