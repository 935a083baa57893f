import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'action-not-followed-up';
const mr = (id: string, date: string, body: string) => md({ type: 'management-review', id, title: id, owner: 'CEO', date }, `# ${id}\n\n${body}\n`);
const table = (rows: string) => `| ID | Action | Owner | Due | Status |\n|---|---|---|---|---|\n${rows}`;

describe(code, () => {
  it('reports an action open in an earlier review that the latest does not mention', () => {
    const files = {
      'q1.md': mr('MR-Q1', '2026-03-17', table('| ACT-1 | Second GPU provider | CTO | 2026-07-31 | open |\n| ACT-2 | AI tool list | CISO | 2026-05-31 | open |\n| ACT-3 | Old | CISO | 2026-05-31 | done |')),
      'q2.md': mr('MR-Q2', '2026-07-14', '## Status of actions from previous reviews\n\nACT-1 done.'),
    };
    const found = check(files, { code });
    assert.deepEqual(found.map((d) => `${d.path} ${d.data?.id}`), ['q1.md ACT-2']);
    assert.match(found[0].message, /latest management review, MR-Q2 \(q2\.md\), does not mention ACT-2/);
  });

  it('is silent when the latest review mentions it, or it was closed since', () => {
    const log = md({ type: 'action-log', id: 'LOG', title: 'Log', owner: 'o' }, `# Log\n\n${table('| ACT-2 | AI tool list | CISO | 2026-05-31 | done |')}\n`);
    const files = {
      'q1.md': mr('MR-Q1', '2026-03-17', table('| ACT-1 | a | CTO | 2026-07-31 | open |\n| ACT-2 | b | CISO | 2026-05-31 | open |')),
      'q2.md': mr('MR-Q2', '2026-07-14', 'ACT-1 is in progress.'),
      'log.md': log,
    };
    assert.deepEqual(check(files, { code }), []);
  });
});
