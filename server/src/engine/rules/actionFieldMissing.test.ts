import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'action-field-missing';
const rtp = (rows: string) => md({ type: 'risk-treatment-plan', id: 'RTP-1', title: 'RTP', owner: 'CISO' }, `# Plan\n\n| Risk | Action | Owner | Due | Status |\n|---|---|---|---|---|\n${rows}\n`);

describe(code, () => {
  it('reports open actions without an owner or a due date', () => {
    const found = check({ 'rtp.md': rtp('| R-1 | Egress allow-list | | 2027-01-01 | planned |\n| R-2 | Key rotation | CTO | Q1 | planned |\n| R-3 | Done thing | | | done |') }, { code });
    assert.deepEqual(found.map((d) => d.data?.missing), [['owner'], ['readable due date (YYYY-MM-DD)']]);
    assert.match(found[1].message, /"Key rotation" has no readable due date \(YYYY-MM-DD\) \("Q1"\)/);
  });

  it('is silent on complete actions, and on tables that are not action tables', () => {
    assert.deepEqual(check({ 'rtp.md': rtp('| R-1 | Egress allow-list | CTO | 2027-01-01 | planned |') }, { code }), []);
    const report = md({ type: 'management-review', id: 'MR-1', title: 'MR', owner: 'CEO', date: '2026-10-01' }, '# MR\n\n| Action (MR-0) | Status |\n|---|---|\n| Buy keys | open |\n');
    assert.deepEqual(check({ 'mr.md': report }, { code }), []);
  });

  it('reports a task item with an owner but no due date', () => {
    const doc = md({ type: 'action-log', id: 'LOG-1', title: 'Log', owner: 'o' }, '# Log\n\n- [ ] ACT-9 Publish the AI tool list owner: Head of Security\n');
    assert.deepEqual(check({ 'log.md': doc }, { code }).map((d) => d.data?.id), ['ACT-9']);
  });
});
