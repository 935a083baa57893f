import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';

const code = 'duplicate-id';

describe(code, () => {
  it('reports every document sharing an ID, naming the others', () => {
    const found = check({ 'a.md': policy(), 'b.md': policy({ title: 'Other' }) }, { code });
    assert.equal(found.length, 2);
    assert.match(found.find((d) => d.path === 'a.md')!.message, /also used by b\.md/);
  });

  it('reports a risk ID defined twice', () => {
    const register = md({ type: 'risk-register', id: 'RR-1', title: 'r', owner: 'o' }, '| ID | Risk |\n|---|---|\n| R-001 | a |\n| R-001 | b |\n');
    assert.equal(check({ 'r.md': register }, { code }).length, 2);
  });

  it('is silent when IDs are unique', () => {
    assert.deepEqual(check({ 'a.md': policy(), 'b.md': policy({ id: 'POL-002' }) }, { code }), []);
  });
});
