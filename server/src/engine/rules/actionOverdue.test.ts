import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'action-overdue';
const mr = (id: string, date: string, rows: string) =>
  md({ type: 'management-review', id, title: id, owner: 'CEO', date }, `# ${id}\n\n## Actions\n\n| ID | Action | Owner | Due | Status |\n|---|---|---|---|---|\n${rows}\n`);

describe(code, () => {
  it('reports an open action past its due date, by how many days and where it was decided', () => {
    const found = check({ 'mr/q3.md': mr('MR-Q3', '2026-10-01', '| ACT-1 | Rotate the weights KMS keys | CTO | 2026-11-15 | in progress |') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /ACT-1 "Rotate the weights KMS keys" \(owner: CTO\) was due on 2026-11-15 and is 6 days overdue; it was decided in MR-Q3 \(mr\/q3\.md:\d+\)/);
  });

  it('is silent for done, cancelled or future actions', () => {
    const rows = '| ACT-1 | a | CTO | 2026-01-01 | Done 2026-02-01 |\n| ACT-2 | b | CTO | 2026-01-01 | cancelled |\n| ACT-3 | c | CTO | 2027-01-01 | open |';
    assert.deepEqual(check({ 'mr.md': mr('MR-1', '2026-10-01', rows) }, { code }), []);
  });

  it('takes the current state from the action log, and reports once', () => {
    const log = md({ type: 'action-log', id: 'LOG-1', title: 'Actions', owner: 'CISO' }, '# Log\n\n| ID | Action | Owner | Due | Status |\n|---|---|---|---|---|\n| ACT-1 | Rotate keys | CTO | 2026-11-15 | done |\n| ACT-2 | Buy keys | CISO | 2026-11-01 | open |\n');
    const found = check({ 'mr.md': mr('MR-1', '2026-10-01', '| ACT-1 | Rotate keys | CTO | 2026-11-15 | open |\n| ACT-2 | Buy keys | CISO | 2026-11-01 | open |'), 'log.md': log }, { code });
    assert.deepEqual(found.map((d) => `${d.path} ${d.data?.id} ${d.data?.decidedIn}`), ['log.md ACT-2 mr.md']);
  });

  it('reads task items with inline owner and due', () => {
    const doc = md({ type: 'procedure', id: 'PRO-1', title: 'P', owner: 'o' }, '# P\n\n- [ ] Restore test owner: SRE Lead due: 2026-11-01\n- [x] Done one owner: SRE due: 2026-01-01\n- [ ] A plain checklist item\n');
    assert.deepEqual(check({ 'p.md': doc }, { code }).map((d) => d.data?.days), [20]);
  });
});
