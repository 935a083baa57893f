import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';

const code = 'frontmatter-invalid-value';

describe(code, () => {
  it('reports dates that are not real calendar days, on the value', () => {
    const found = check({ 'p.md': policy({ next_review: '2027-02-30', last_reviewed: '31/02/2026' }) }, { code });
    assert.equal(found.length, 2);
    assert.match(found.find((d) => d.data?.field === 'last_reviewed')!.message, /`last_reviewed` in the frontmatter is "31\/02\/2026", which is not a calendar date/);
    // A real day written another way is read (and shown as read by date-format), never "not a calendar date".
    assert.deepEqual(check({ 'p.md': policy({ last_reviewed: '31/01/2026' }) }, { code }), []);
    const text = policy({ next_review: '2027-02-30' }).split('\n');
    const next = found.find((d) => d.data?.field === 'next_review')!;
    assert.equal(text[next.range.start.line].slice(next.range.start.character, next.range.end.character), '2027-02-30');
  });

  it('reports an unknown review_cycle and status', () => {
    const found = check({ 'p.md': policy({ review_cycle: 'fortnightly', status: 'pending signature' }) }, { code });
    assert.deepEqual(found.map((d) => d.data?.field).sort(), ['review_cycle', 'status']);
  });

  it('reads status words and review cycles as people write them', () => {
    for (const status of ['Active', 'published', 'In force', 'under review', 'WIP', 'Superseded', 'archived']) {
      assert.deepEqual(check({ 'p.md': policy({ status }) }, { code }), [], status);
    }
    for (const cycle of ['annual or on major change', 'Annually, or after a significant change', 'every 12 months', 'quarterly (and after incidents)']) {
      assert.deepEqual(check({ 'p.md': policy({ review_cycle: cycle }) }, { code }), [], cycle);
    }
  });

  it('accepts named cycles and ISO 8601 durations', () => {
    for (const cycle of ['monthly', 'quarterly', 'semiannual', 'annual', 'P90D', 'P1Y', 'P6M']) {
      assert.deepEqual(check({ 'p.md': policy({ review_cycle: cycle }) }, { code }), [], cycle);
    }
  });

  it('reports an exception opened at a time that is not a date-time', () => {
    const e = md({ type: 'exception', id: 'E-1', title: 't', owner: 'o', opened: 'last night' });
    assert.equal(check({ 'e.md': e }, { code }).length, 1);
    assert.deepEqual(check({ 'e.md': e.replace('last night', '2026-11-19T02:40:00Z') }, { code }), []);
  });

  it('reports a mapping where a single value or a list is expected', () => {
    assert.equal(check({ 'p.md': policy({ owner: { name: 'x' } }) }, { code }).length, 1);
    assert.equal(check({ 'p.md': policy({ controls: { a: 1 } }) }, { code }).length, 1);
  });
});
