import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'doc-unknown';

describe(code, () => {
  it('reports related IDs that no document has, with a suggestion', () => {
    const found = check({ 'a.md': policy({ related: ['POL-002', 'POL-03'] }), 'b.md': policy({ id: 'POL-002' }) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /POL-03.*Did you mean POL-00[12]/);
  });

  it('does not treat ID-shaped words in prose as references', () => {
    assert.deepEqual(check({ 'a.md': policy({}, 'We follow SOC-2 and GPT-4.\n') }, { code }), []);
  });
});
