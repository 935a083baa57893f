import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';
import { LOCKER_KEYS } from '../isms/locker';
import { fullSoaRows, registerDoc, soaDoc } from './auditFixtures';

const code = 'locker-missing-document';

const doc = (type: string, id: string, extra: Record<string, unknown> = {}, body = '# x\n') => md({ type, id, title: id, owner: 'CISO', ...extra }, body);
const RTP_BODY = '# Plan\n\n| Risk | Action | Owner | Due | Status |\n|---|---|---|---|---|\n| R-001 | Enforce MFA | CISO | 2027-01-31 | planned |\n';
const OBJ_BODY = '# Objectives\n\n| Objective | Measure and target | Owner | Due |\n|---|---|---|---|\n| Phishing-resistant sign-in | 100% FIDO2 | CISO | 2026-12-31 |\n';

/** A workspace providing every item of the default list. */
const complete = (): Record<string, string> => ({
  'scope.md': doc('scope', 'SCOPE-001'),
  'isp.md': policy({ title: 'Information Security Policy' }),
  'method.md': doc('procedure', 'PRO-001', { clauses: ['6.1.2', '6.1.3'] }),
  'soa.md': soaDoc(fullSoaRows()),
  'rtp.md': doc('risk-treatment-plan', 'RTP-001', {}, RTP_BODY),
  'obj.md': doc('objectives', 'OBJ-001', {}, OBJ_BODY),
  'competence.md': doc('record', 'REC-001', { clauses: ['7.2'] }),
  'changes.md': doc('record', 'REC-002', { clauses: '6.3, 8.1' }),
  'register.md': registerDoc([{ id: 'R-001' }]),
  'metrics.md': doc('record', 'REC-003', { clauses: [9.1] }),
  'audit.md': doc('audit', 'AUD-001', { date: '2026-06-01', clauses: ['9.2'] }),
  'programme.md': doc('record', 'REC-004', { clauses: ['9.2.2'] }),
  'mr.md': doc('management-review', 'MR-001', { date: '2026-10-01' }),
  'ncr.md': doc('record', 'REC-005', { clauses: ['Clause 10.2'] }),
});

describe(code, () => {
  it('is silent on a workspace that provides every item', () => {
    assert.deepEqual(check(complete(), { code }), []);
  });

  it('reports each missing item on the workspace, naming it, its clause and what to add', () => {
    const files = complete();
    delete files['audit.md'];
    delete files['isp.md'];
    const found = check(files, { code });
    assert.deepEqual(found.map((d) => d.data?.item), ['information-security-policy', 'internal-audit']);
    assert.ok(found.every((d) => d.path === '.'));
    assert.match(found[0].message, /no Information security policy \(ISO\/IEC 27001:2022 clause 5\.2\).*Add a `policy` document titled "Information Security Policy"/);
  });

  it('lists every default item for an ISMS with a single policy', () => {
    const found = check({ 'p.md': policy({ title: 'Access Control Policy' }) }, { code });
    assert.deepEqual(found.map((d) => d.data?.item), LOCKER_KEYS);
  });

  it('accepts a policy declaring clause 5.2, risk documents for the register, and follows mandatoryDocuments', () => {
    const files = complete();
    files['isp.md'] = policy({ title: 'Security Charter', clauses: ['5.2'] });
    delete files['register.md'];
    files['risk.md'] = md({ type: 'risk', id: 'R-001', title: 'x', owner: 'o' });
    assert.deepEqual(check(files, { code }), []);
    assert.deepEqual(check({ 'p.md': policy() }, { code, config: { mandatoryDocuments: ['soa'] } }).map((d) => d.data?.item), ['soa']);
  });

  it('takes an ISMS scope section and a policy\'s risk assessment and treatment sections as the items of 4.3, 6.1.2 and 6.1.3', () => {
    const items = (body: string) => check({ 'p.md': policy({ title: 'Risk Management Policy' }, body) }, { code }).map((d) => d.data?.item);
    const without = items('# Risk Management Policy\n\n## 1. Purpose\n\nText.\n');
    assert.ok(without.includes('risk-assessment-process') && without.includes('risk-treatment-process'));
    const withSections = items('# Risk Management Policy\n\n## 3. Risk Assessment Methodology\n\n### 3.1 Risk Identification\n\nText.\n\n## 4. Risk Treatment\n\nText.\n');
    assert.ok(!withSections.includes('risk-assessment-process') && !withSections.includes('risk-treatment-process'), withSections.join());
    assert.ok(!items('# ISMS Policy\n\n## 2. Scope\n\n### 2.1 ISMS Boundary\n\nAll offices.\n').includes('scope'), 'the ISMS boundary in the ISMS policy is the scope');
    assert.ok(items('# Access Policy\n\n## 2. Scope\n\nAll staff.\n').includes('scope'), "a policy's own scope is not the ISMS scope");
    const mention = items('# Risk Management Policy\n\n## Risk assessment of suppliers and the treatment plan\n\nText.\n');
    assert.ok(mention.includes('risk-assessment-process'), 'a heading that only mentions risk assessment is not the process');
  });

  it('does not let a document of a dedicated type stand in for another item, nor a retired document count', () => {
    const files = complete();
    delete files['programme.md']; // the audit report lists clause 9.2 but is not the programme
    files['method.md'] = doc('procedure', 'PRO-001', { clauses: ['6.1.2'] });
    files['soa.md'] = soaDoc(fullSoaRows(), undefined, { clauses: ['6.1.3'] }); // the SoA is not the treatment process
    files['scope.md'] = doc('scope', 'SCOPE-001', { status: 'retired' });
    assert.deepEqual(check(files, { code }).map((d) => d.data?.item), ['scope', 'risk-treatment-process', 'audit-programme']);
  });

  it('does not count empty shells, and names them', () => {
    const files = complete();
    files['rtp.md'] = doc('risk-treatment-plan', 'RTP-001', {}, '# Plan\n\nTo be written.\n');
    files['obj.md'] = doc('objectives', 'OBJ-001', {}, '# Objectives\n\n| Objective | Measure | Owner | Due |\n|---|---|---|---|\n');
    files['soa.md'] = md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'CISO' }, '# SoA\n\nSee the spreadsheet.\n');
    const found = check(files, { code });
    assert.deepEqual(found.map((d) => d.data?.item), ['soa', 'risk-treatment-plan', 'objectives']);
    assert.match(found[0].message, /SOA-001 \(soa\.md\) has the type but no control table.*empty shell/);
    assert.match(found[1].message, /RTP-001 \(rtp\.md\).*no treatment rows/);
    assert.deepEqual(found[2].data?.shells, ['obj.md']);
  });

  it('is silent on a folder without ISMS documents', () => {
    assert.deepEqual(check({ 'notes.md': '# Notes\n' }, { code }), []);
  });
});
