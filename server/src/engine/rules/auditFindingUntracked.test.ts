import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'audit-finding-untracked';
const audit = (body: string) => md({ type: 'audit', id: 'AUD-1', title: 'Audit', owner: 'Auditor', date: '2026-06-19' }, `# Audit\n\n## Findings\n\n${body}\n`);

describe(code, () => {
  it('reports a nonconformity that names no corrective action', () => {
    const found = check({ 'a.md': audit('### NC-2026-05 (minor): Leavers keep GPU accounts\n\nEvidence: two leavers.\n\n### OFI-1: Automate reviews\n\nNo action needed.') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Nonconformity NC-2026-05 names no corrective action/);
  });

  it('accepts an action ID, a ticket, a link to the action log, or the action log naming the finding', () => {
    const log = md({ type: 'action-log', id: 'LOG-1', title: 'Log', owner: 'o' }, '# Log\n\n## NC-2026-07\n\nFixed.\n');
    const files = {
      'a.md': audit('### NC-2026-05 (minor): a\n\nCorrective action: ACT-12.\n\n### NC-2026-06 (major): b\n\n**Ticket:** SEC-311\n\n### NC-2026-08 (minor): c\n\nSee the [action log](log.md).\n\n### NC-2026-07 (minor): d\n\nTracked.'),
      'log.md': log,
    };
    assert.deepEqual(check(files, { code }), []);
  });

  it('reads a findings table with a classification column', () => {
    const found = check({ 'a.md': audit('| ID | Finding | Classification | Action |\n|---|---|---|---|\n| F-1 | Backups untested | Minor nonconformity | |\n| F-2 | Nice docs | Observation | |\n| F-3 | No MFA | Major | ACT-3 |') }, { code });
    assert.deepEqual(found.map((d) => d.data?.finding), ['F-1']);
  });
});
