import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';
import { registerDoc, riskDoc } from './auditFixtures';

const code = 'risk-field-missing';

describe(code, () => {
  it('reports one finding per risk listing every missing field', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001', owner: '', likelihood: '—', treatment: '' }, { id: 'R-002' }]) }, { code });
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].data?.missing, ['owner', 'likelihood', 'treatment']);
    assert.match(found[0].message, /Risk R-001 has no owner, likelihood or treatment decision/);
  });

  it('counts columns the register lacks entirely as missing, and says so', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001' }], {}, ['id', 'owner', 'likelihood', 'impact']) }, { code });
    assert.deepEqual(found[0].data?.missing, ['treatment']);
    assert.match(found[0].message, /the register has no treatment decision column/);
  });

  it('reports an unrecognised treatment word, listing the accepted ones', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001', treatment: 'ignore' }]) }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Treatment "ignore" of risk R-001 is not a treatment option: write modify\/retain\/avoid\/share/);
    assert.equal(found[0].data?.treatment, 'ignore');
  });

  it('accepts the ISO options, the 4 Ts and everyday words', () => {
    const words = ['modify', 'Retain', 'avoid', 'share', 'treat', 'tolerate', 'transfer', 'terminate', 'accept', 'Mitigate – MFA rollout', 'reduce', 'Accepted (CFO)'];
    const rows = words.map((treatment, i) => ({ id: `R-${String(i + 1).padStart(3, '0')}`, treatment, acceptedBy: 'CFO' }));
    assert.deepEqual(check({ 'r.md': registerDoc(rows) }, { code }), []);
  });

  it('checks risk documents', () => {
    const found = check({ 'r.md': riskDoc({ owner: undefined, impact: undefined }) }, { code });
    assert.deepEqual(found[0].data?.missing, ['owner', 'impact']);
    assert.deepEqual(check({ 'r.md': riskDoc({}) }, { code }), []);
  });

  it('finds register fields by headers in other languages, bullet fields, and riskColumns', () => {
    const de = md({ type: 'risk-register', id: 'RR-1', title: 'Risiken', owner: 'CISO' }, '| Risiko-ID | Beschreibung | Verantwortlich | Eintrittswahrscheinlichkeit | Auswirkung | Behandlung |\n|---|---|---|---|---|---|\n| R-001 | Phishing | CISO | 3 | 4 | modify |\n');
    assert.deepEqual(check({ 'r.md': de }, { code }), []);
    const bullets = md({ type: 'risk-register', id: 'RR-1', title: 'Risks', owner: 'CISO' }, '## R-001 Phishing\n\n- **Owner:** CISO\n- **Chance:** 3\n- **Impact:** 4\n- **Treatment:** modify\n');
    assert.deepEqual(check({ 'r.md': bullets }, { code }).map((d) => d.data?.missing), [['likelihood']]);
    assert.deepEqual(check({ 'r.md': bullets }, { code, config: { riskColumns: { likelihood: ['Chance'] } } }), []);
  });
});
