import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'audit-independence';
const doc = (id: string, owner: string) => md({ type: 'procedure', id, title: id, owner }, '# x\n');
const audit = (auditor: string) => md({ type: 'audit', id: 'AUD-2', title: 'Audit', owner: 'Head of Security', date: '2026-10-01', auditor, audited: ['PRO-1', 'PRO-2'] }, '# Audit\n');

describe(code, () => {
  it('reports an auditor who owns an audited document, by name or by role', () => {
    const files = { 'a.md': audit('Marta Kowalski (Head of Security)'), 'p1.md': doc('PRO-1', 'COO'), 'p2.md': doc('PRO-2', 'Head of Security') };
    const found = check(files, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /audits PRO-2 \(p2\.md\), which they own/);
    assert.deepEqual(check({ ...files, 'p2.md': doc('PRO-2', 'marta kowalski') }, { code }).length, 1);
  });

  it('is silent for an independent auditor', () => {
    assert.deepEqual(check({ 'a.md': audit('Eleanor Shaw (Harwood Assurance)'), 'p1.md': doc('PRO-1', 'COO'), 'p2.md': doc('PRO-2', 'Head of Security') }, { code }), []);
  });
});
