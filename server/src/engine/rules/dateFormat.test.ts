import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'date-format';

describe(code, () => {
  it('shows a date written another way as it was read, never as "not a calendar date"', () => {
    const found = check({ 'p.md': policy({ last_reviewed: '15/01/2026' }) }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /`last_reviewed` in the frontmatter is written "15\/01\/2026", read as 2026-01-15\./);
    assert.deepEqual(check({ 'p.md': policy({ last_reviewed: '15/01/2026' }) }, { code: 'frontmatter-invalid-value' }), []);
  });

  it('says when day and month could be the other way round, unless dateFormat says which', () => {
    const found = check({ 'p.md': policy({ last_reviewed: '03/04/2026' }) }, { code });
    assert.match(found[0].message, /read as 2026-04-03\. Day and month could be the other way round/);
    const declared = check({ 'p.md': policy({ last_reviewed: '03/04/2026' }) }, { code, config: { dateFormat: 'MM/DD/YYYY' } });
    assert.deepEqual(declared, []);
  });

  it('is silent on YYYY-MM-DD dates', () => {
    assert.deepEqual(check({ 'p.md': policy() }, { code }), []);
  });
});
