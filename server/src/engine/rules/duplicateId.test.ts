import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';
import { registerDoc, riskDoc } from './auditFixtures';

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

  it('takes documents sharing an ID in different languages as translations, not duplicates', () => {
    assert.deepEqual(check({ 'p.en.md': policy({ lang: 'en' }), 'p.de.md': policy({ lang: 'de' }) }, { code }), []);
    assert.deepEqual(check({ 'en/p.md': policy(), 'de/p.md': policy() }, { code }), []);
    // Two documents in the same language, or one with no language at all, still clash.
    assert.equal(check({ 'a.md': policy({ lang: 'en' }), 'b.md': policy({ lang: 'en' }) }, { code }).length, 2);
    assert.equal(check({ 'p.en.md': policy(), 'p.md': policy() }, { code }).length, 2);
  });

  it('is silent when IDs are unique', () => {
    assert.deepEqual(check({ 'a.md': policy(), 'b.md': policy({ id: 'POL-002' }) }, { code }), []);
  });

  it('reports a risk defined both in a register and as a risk document, and across registers', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-100' }, { id: 'R-101' }]), 'risks/r-100.md': riskDoc({ id: 'R-100' }) }, { code });
    assert.deepEqual(found.map((d) => d.path).sort(), ['r.md', 'risks/r-100.md']);
    assert.match(found.find((d) => d.path === 'r.md')!.message, /Risk R-100 is also defined at risks\/r-100\.md:\d+/);
    const two = check({ 'a.md': registerDoc([{ id: 'R-001' }]), 'b.md': registerDoc([{ id: 'R-001' }], { id: 'RR-002' }) }, { code });
    assert.equal(two.length, 2);
  });
});
