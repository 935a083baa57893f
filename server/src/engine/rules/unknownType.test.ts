import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'unknown-type';

describe(code, () => {
  it('reports an unknown type with a suggestion', () => {
    const found = check({ 'a.md': md({ type: 'polcy', id: 'P-1', title: 't', owner: 'o' }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Did you mean "policy"/);
  });

  it('accepts every known type, case-insensitively', () => {
    assert.deepEqual(check({ 'a.md': md({ type: 'Risk-Register', id: 'RR-1', title: 't', owner: 'o' }) }, { code }), []);
  });
});
