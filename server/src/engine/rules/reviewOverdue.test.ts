import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'review-overdue';

describe(code, () => {
  it('reports a next_review in the past, with the number of days', () => {
    const found = check({ 'p.md': policy({ last_reviewed: '2025-09-15', next_review: '2026-09-15' }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /overdue by 67 days/);
  });

  it('reports last_reviewed + review_cycle in the past even without next_review', () => {
    const found = check({ 'p.md': policy({ last_reviewed: '2026-06-01', review_cycle: 'quarterly', next_review: undefined }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /quarterly cycle; due 2026-09-01/);
  });

  it('is silent on current and retired documents', () => {
    assert.deepEqual(check({ 'p.md': policy(), 'q.md': policy({ id: 'POL-2', status: 'retired', next_review: '2020-01-01', last_reviewed: '2019-01-01' }) }, { code }), []);
  });
});
