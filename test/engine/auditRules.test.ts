// The audit-grade rules (SoA, risks, evidence locker, exceptions) together: silent on a complete, correct
// ISMS, and each firing once when one thing is broken.
import { strict as assert } from 'node:assert';
import { check, md, policy } from '../../server/src/engine/testing/fixtures';
import { ANNEX_A, exceptionDoc, fullSoaRows, registerDoc, soaDoc } from '../../server/src/engine/rules/auditFixtures';
import { RULES } from '../../server/src/engine/rules/registry';

const AUDIT_CODES = RULES.filter((r) => ['soa', 'risks', 'locker', 'exceptions'].includes(r.family)).map((r) => r.code);

const doc = (type: string, id: string, extra: Record<string, unknown> = {}) =>
  md({ type, id, title: id, owner: 'CISO', status: 'approved', last_reviewed: '2026-10-01', review_cycle: 'annual', ...extra }, '# x\n');

function correctIsms(): Record<string, string> {
  return {
    'scope.md': doc('scope', 'SCOPE-001'),
    'policies/isp.md': policy({ title: 'Information Security Policy', controls: ANNEX_A.map((c) => c.id).filter((id) => id !== 'A.7.5') }),
    'procedures/method.md': doc('procedure', 'PRO-001', { clauses: ['6.1.2', '6.1.3'], risk_acceptance_threshold: 8 }),
    'soa.md': soaDoc(fullSoaRows((r) => (r.control === 'A.7.5' ? { ...r, applicable: 'no', justification: 'No premises', status: 'excluded', evidence: '—' } : r))),
    'risk/register.md': registerDoc(
      [
        { id: 'R-001', likelihood: '3', impact: '5', score: '15', treatment: 'modify', controls: 'A.8.24, 8.12' },
        { id: 'R-002', likelihood: '3', impact: '3', score: '9', treatment: 'retain', acceptedBy: 'Daniel Okafor (CTO)', controls: 'A.5.23' },
        { id: 'R-003', likelihood: '2', impact: '3', score: '6', treatment: 'accept', controls: '—' },
      ],
      { likelihood_scale: 5, impact_scale: 5 },
    ),
    'risk/plan.md': md({ type: 'risk-treatment-plan', id: 'RTP-001', title: 'Plan', owner: 'CISO' }, '| Risk | Controls | Action |\n|---|---|---|\n| R-001 | A.8.12 | Egress allow-list |\n'),
    'objectives.md': md({ type: 'objectives', id: 'OBJ-001', title: 'Objectives', owner: 'CISO' }, '| Objective | Measure and target | Owner | Due |\n|---|---|---|---|\n| Phishing-resistant sign-in | 100% FIDO2 | CISO | 2026-12-31 |\n'),
    'records/competence.md': doc('record', 'REC-001', { clauses: ['7.2'] }),
    'records/changes.md': doc('record', 'REC-002', { clauses: ['6.3', '8.1'] }),
    'records/metrics.md': doc('record', 'REC-003', { clauses: ['9.1'] }),
    'records/programme.md': doc('record', 'REC-004', { clauses: ['9.2'] }),
    'records/ncr.md': doc('record', 'REC-005', { clauses: ['10.2'] }),
    'audits/2026.md': doc('audit', 'AUD-001', { date: '2026-06-19' }),
    'reviews/q3.md': doc('management-review', 'MR-001', { date: '2026-10-14' }),
    'exceptions/bg.md': exceptionDoc({ id: 'EXC-001', reviewed_on: '2026-11-19', reviewed_by: 'CISO' }),
    'exceptions/dev.md': exceptionDoc({ id: 'EXC-002', kind: 'temporary-deviation', approved_on: '2026-11-10', expires: '2026-12-05', reviewed_on: '2026-11-10', reviewed_by: 'CISO' }),
  };
}

const audit = (files: Record<string, string>) => check(files).filter((d) => AUDIT_CODES.includes(d.code) || d.code === 'evidence-missing' || d.code === 'duplicate-id');

describe('audit-grade rules on a whole ISMS', () => {
  it('are silent on a complete, correct ISMS', () => {
    assert.deepEqual(audit(correctIsms()), []);
  });

  it('each fire once on a single fault', () => {
    const cases: [string, (f: Record<string, string>) => void][] = [
      ['locker-missing-document', (f) => delete f['records/ncr.md']],
      ['management-review-overdue', (f) => (f['reviews/q3.md'] = doc('management-review', 'MR-001', { date: '2026-07-14' }))],
      ['audit-overdue', (f) => (f['audits/2026.md'] = doc('audit', 'AUD-001', { date: '2025-06-19' }))],
      ['exception-review-overdue', (f) => (f['exceptions/bg.md'] = exceptionDoc({ id: 'EXC-001' }))],
      ['exception-expired', (f) => (f['exceptions/dev.md'] = exceptionDoc({ id: 'EXC-002', kind: 'temporary-deviation', approved_on: '2026-10-01', reviewed_on: '2026-10-01', reviewed_by: 'CISO' }))],
      ['risk-acceptance-missing', (f) => (f['procedures/method.md'] = doc('procedure', 'PRO-001', { clauses: ['6.1.2', '6.1.3'], risk_acceptance_threshold: 4 }))],
      ['soa-inconsistent', (f) => (f['risk/plan.md'] = f['risk/plan.md'] + '| R-001 | A.7.5 | Flood sensors |\n')],
    ];
    for (const [code, breakIt] of cases) {
      const files = correctIsms();
      breakIt(files);
      assert.deepEqual(audit(files).map((d) => d.code), [code], code);
    }
  });
});
