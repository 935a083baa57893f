import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'scope-approval-missing';
const scope = (approval: string, extra: Record<string, unknown> = {}) => md({ type: 'scope', id: 'SCOPE-1', title: 'Scope', owner: 'CISO', ...extra }, `# Scope\n\n## Management approval\n\n${approval}\n`);

describe(code, () => {
  it('is silent with approved_by and approved_on, or a named approver and a date in the section', () => {
    assert.deepEqual(check({ 's.md': scope('Approved by management.', { approved_by: 'Priya Raman (CEO)', approved_on: '2026-02-12' }) }, { code }), []);
    assert.deepEqual(check({ 's.md': scope('This scope was approved by Priya Raman (CEO) on behalf of top management on 2026-02-12.') }, { code }), []);
    assert.deepEqual(check({ 's.md': scope('**Approver:** Priya Raman, CEO\n\n**Date:** 12 February 2026') }, { code }), []);
    assert.deepEqual(check({ 's.md': scope('| Approved by | Date |\n|---|---|\n| Priya Raman (CEO) | 2026-02-12 |') }, { code }), []);
    assert.deepEqual(check({ 's.md': scope('Genehmigt durch Anna Schmidt (Geschäftsführerin) am 2026-02-12.') }, { code }), []);
  });

  it('reports "Approved by management" as naming nobody, and a missing date', () => {
    const found = check({ 's.md': scope('Approved by management.') }, { code });
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].data?.missing, ['approver', 'date']);
    assert.match(found[0].message, /"Management approval" section/);
    assert.deepEqual(check({ 's.md': scope('Approved by Priya Raman (CEO).') }, { code }).map((d) => d.data?.missing), [['date']]);
  });

  it('reports a scope with no approval section and no fields, where other documents record their approval', () => {
    const policy = md({ type: 'policy', id: 'POL-1', title: 'P', owner: 'o', approved_by: 'Priya Raman (CEO)', approved_on: '2026-02-12' }, '# P\n');
    const found = check({ 's.md': md({ type: 'scope', id: 'S', title: 'S', owner: 'o' }, '# Scope\n'), 'p.md': policy }, { code });
    assert.match(found[0].message, /it has no approval section/);
  });

  it('is silent where no document records an approval at all (approvals kept elsewhere, e.g. merge requests)', () => {
    const policy = md({ type: 'policy', id: 'POL-1', title: 'P', owner: 'o' }, '# P\n');
    assert.deepEqual(check({ 's.md': md({ type: 'scope', id: 'S', title: 'S', owner: 'o' }, '# Scope\n'), 'p.md': policy }, { code }), []);
  });
});
