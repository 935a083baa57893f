import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'review-due-soon';

describe(code, () => {
  it('reports a review due within the window as information', () => {
    const found = check({ 'p.md': policy({ next_review: '2026-12-01' }) }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /in 10 days/);
  });

  it('follows the configured window', () => {
    assert.deepEqual(check({ 'p.md': policy({ next_review: '2026-12-01' }) }, { code, config: { reviewDueSoonDays: 5 } }), []);
  });

  it('is silent when the review is far off', () => {
    assert.deepEqual(check({ 'p.md': policy() }, { code }), []);
  });
});
