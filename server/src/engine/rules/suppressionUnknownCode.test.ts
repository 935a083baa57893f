import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'suppression-unknown-code';

describe(code, () => {
  it('reports a code that no rule has, with a suggestion', () => {
    const found = check({ 'p.md': policy({}, '<!-- isms-disable-next-line link-brokn -- moved -->\n[x](y.md)\n') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Did you mean "link-broken"/);
  });

  it('is silent on real codes', () => {
    assert.deepEqual(check({ 'p.md': policy({}, '<!-- isms-disable-next-line link-broken, review-overdue -- moved -->\n') }, { code }), []);
  });
});
