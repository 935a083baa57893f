import { strict as assert } from 'node:assert';
import { check } from '../testing/fixtures';
import { exceptionDoc } from './auditFixtures';

const code = 'exception-review-overdue';

describe(code, () => {
  it('reports an exception opened more than 24 hours before the start of today without a review', () => {
    const found = check({ 'e.md': exceptionDoc({}) }, { code }); // opened 2026-11-19T02:40Z, today 2026-11-21
    assert.equal(found.length, 1);
    assert.match(found[0].message, /opened at 2026-11-19T02:40Z and its review was due within 24 hours \(by 2026-11-20T02:40Z\)/);
    assert.deepEqual(found[0].data?.missing, ['reviewed_on', 'reviewed_by']);
  });

  it('needs both reviewed_on and reviewed_by', () => {
    assert.deepEqual(check({ 'e.md': exceptionDoc({ reviewed_on: '2026-11-19' }) }, { code })[0].data?.missing, ['reviewed_by']);
    assert.deepEqual(check({ 'e.md': exceptionDoc({ reviewed_on: '2026-11-19', reviewed_by: 'CISO' }) }, { code }), []);
  });

  it('compares with 00:00 UTC of today: opened yesterday evening is not yet overdue', () => {
    assert.deepEqual(check({ 'e.md': exceptionDoc({ opened: '2026-11-20T21:00:00Z' }) }, { code }), []);
    assert.deepEqual(check({ 'e.md': exceptionDoc({ opened: '2026-11-20T00:00:00Z' }) }, { code }), []); // exactly 24 h
    assert.equal(check({ 'e.md': exceptionDoc({ opened: '2026-11-19T23:59:00Z' }) }, { code }).length, 1);
    assert.equal(check({ 'e.md': exceptionDoc({ opened: '2026-11-19' }) }, { code }).length, 1);
  });

  it('follows exceptionReviewHours, and skips retired records and other types', () => {
    assert.deepEqual(check({ 'e.md': exceptionDoc({}) }, { code, config: { exceptionReviewHours: 72 } }), []);
    assert.deepEqual(check({ 'e.md': exceptionDoc({ status: 'retired' }) }, { code }), []);
    assert.deepEqual(check({ 'e.md': exceptionDoc({ type: 'record' }) }, { code }), []);
  });
});
