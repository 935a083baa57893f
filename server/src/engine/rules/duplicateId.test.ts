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

  it('reports a risk ID used for two different risks once, naming both places', () => {
    const register = md({ type: 'risk-register', id: 'RR-1', title: 'r', owner: 'o' }, '| ID | Risk |\n|---|---|\n| R-001 | Laptop theft |\n| R-001 | Phishing |\n');
    const found = check({ 'r.md': register }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Risk R-001 \("Phishing"\) is also defined at r\.md:\d+ \("Laptop theft"\), as a different risk/);
  });

  it('reports the same risk ID in a template and the real register as at most a warning, saying which is the template', () => {
    const register = (title: string, risk: string) => md({ type: 'risk-register', title, owner: 'o' }, `| ID | Risk |\n|---|---|\n| R-001 | ${risk} |\n`);
    const found = check({ 'risks/register.md': register('Risk register', 'Laptop theft'), 'templates/Risk_Register_Template.md': register('Risk Register Template', 'Phishing') }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /templates\/Risk_Register_Template\.md reads as a template \(in templates\/\): if it is not part of the ISMS, add it to `exclude`/);
    const real = check({ 'a.md': register('Risk register', 'Laptop theft'), 'b.md': md({ type: 'risk-register', title: 'Second register', owner: 'o' }, '| ID | Risk |\n|---|---|\n| R-001 | Phishing |\n') }, { code });
    assert.equal(real[0].severity, 'error', 'between two real registers it stays an error');
  });

  it('reads a risk shown again in a filtered view or a treatment table as one risk', () => {
    const body = [
      '## All risks', '', '| ID | Risk | Owner |', '|---|---|---|', '| R-001 | Laptop theft | IT |', '| R-002 | Phishing | CISO |', '',
      '## High risks', '', '| ID | Risk | Owner |', '|---|---|---|', '| R-002 | Phishing | CISO |', '',
      '## Treatment decisions', '', '| Risk ID | Decision |', '|---|---|', '| R-001 | modify |', '| R-002 | share |', '',
    ].join('\n');
    const register = md({ type: 'risk-register', id: 'RR-1', title: 'r', owner: 'o' }, body);
    assert.deepEqual(check({ 'r.md': register }, { code }), []);
    // The assessment and the register listing the same risk are one risk too.
    const assessment = md({ type: 'risk-register', id: 'RA-1', title: 'Assessment', owner: 'o' }, '| ID | Risk |\n|---|---|\n| R-001 | Laptop theft |\n');
    assert.deepEqual(check({ 'r.md': register, 'a.md': assessment }, { code }), []);
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
    const found = check({ 'r.md': registerDoc([{ id: 'R-100', owner: 'IT' }, { id: 'R-101' }]), 'risks/r-100.md': riskDoc({ id: 'R-100' }) }, { code });
    assert.deepEqual(found.map((d) => d.path), ['risks/r-100.md']);
    assert.match(found[0].message, /Risk R-100 \("Laptop theft"\) is also defined at r\.md:\d+/);
    const two = check({ 'a.md': registerDoc([{ id: 'R-001', likelihood: '4' }]), 'b.md': registerDoc([{ id: 'R-001' }], { id: 'RR-002' }) }, { code });
    assert.equal(two.length, 1);
    const same = check({ 'a.md': registerDoc([{ id: 'R-001' }]), 'b.md': registerDoc([{ id: 'R-001' }], { id: 'RR-002' }) }, { code });
    assert.deepEqual(same, [], 'the same risk, stated alike in two registers');
  });
});
