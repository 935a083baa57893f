import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'management-review-overdue';

const review = (id: string, date: string) => md({ type: 'management-review', id, title: id, owner: 'CISO', date }, '# Minutes\n');

describe(code, () => {
  it('reports the latest review, on its date, when it is older than a quarter', () => {
    const found = check({ 'q1.md': review('MR-1', '2026-03-17'), 'q2.md': review('MR-2', '2026-07-14') }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].path, 'q2.md');
    assert.match(found[0].message, /latest management review \(MR-2\) is dated 2026-07-14; with a quarterly cadence the next was due by 2026-10-14, 38 days ago/);
    assert.equal(found[0].range.start.line, 5);
  });

  it('follows managementReviewCadence, and falls back to quarterly when it is unreadable', () => {
    const files = { 'q2.md': review('MR-2', '2026-07-14') };
    assert.deepEqual(check(files, { code, config: { managementReviewCadence: 'semiannual' } }), []);
    assert.equal(check(files, { code, config: { managementReviewCadence: 'P30D' } }).length, 1);
    assert.equal(check(files, { code, config: { managementReviewCadence: 'sometimes' } }).length, 1);
  });

  it('is silent when the latest review is recent, or there is none (locker-missing-document covers that)', () => {
    assert.deepEqual(check({ 'q.md': review('MR-1', '2026-09-01') }, { code }), []);
    assert.deepEqual(check({ 'q.md': review('MR-1', '2026-08-21') }, { code }), []);
    assert.deepEqual(check({ 'q.md': md({ type: 'policy', id: 'POL-1', title: 'x', owner: 'o' }) }, { code }), []);
  });
});
