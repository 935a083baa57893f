import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'review-date-invalid';

describe(code, () => {
  it('reports next_review on or before last_reviewed', () => {
    assert.equal(check({ 'p.md': policy({ last_reviewed: '2026-06-01', next_review: '2026-05-01' }) }, { code }).length, 1);
  });

  it('reports a last_reviewed date in the future', () => {
    const found = check({ 'p.md': policy({ last_reviewed: '2026-12-24', next_review: '2027-12-24' }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /future/);
  });

  it('is silent on consistent dates', () => {
    assert.deepEqual(check({ 'p.md': policy() }, { code }), []);
  });
});
