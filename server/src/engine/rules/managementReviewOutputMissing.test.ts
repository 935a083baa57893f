import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'management-review-output-missing';
const mr = (body: string) => md({ type: 'management-review', id: 'MR-1', title: 'MR', owner: 'CEO', date: '2026-10-01' }, `# Management review\n\n${body}\n`);

describe(code, () => {
  it('is silent with an outputs or decisions section, or an action table', () => {
    assert.deepEqual(check({ 'mr.md': mr('## Outputs and decisions\n\n1. Budget approved.') }, { code }), []);
    assert.deepEqual(check({ 'mr.md': mr('## Beschlüsse\n\nKeine.') }, { code }), []);
    assert.deepEqual(check({ 'mr.md': mr('| ID | Action | Owner | Due | Status |\n|---|---|---|---|---|\n| ACT-1 | Buy keys | CISO | 2026-12-01 | open |') }, { code }), []);
  });

  it('reports minutes that record no decisions', () => {
    const found = check({ 'mr.md': mr('## Inputs\n\nWe talked.') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /clause 9\.3\.3/);
  });
});
