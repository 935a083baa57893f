import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'exception-self-reviewed';
const record = (usedBy: string, reviewedBy: string) =>
  md({ type: 'exception', id: 'EXC-1', title: 'Break-glass', owner: 'SRE', kind: 'break-glass', opened: '2026-11-01T02:00:00Z', ticket: 'ENG-1', reason: 'x', used_by: usedBy, reviewed_on: '2026-11-01', reviewed_by: reviewedBy }, '# x\n');

describe(code, () => {
  it('reports a reviewer who is the user, ignoring case and roles in parentheses', () => {
    const found = check({ 'e.md': record('Marta Kowalski (Head of Security)', 'marta kowalski') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /reviewed by marta kowalski, who is also the person who used the access/);
  });

  it('is silent when someone else reviewed it', () => {
    assert.deepEqual(check({ 'e.md': record('Samir Haddad (on-call SRE)', 'Daniel Okafor (Head of Engineering)') }, { code }), []);
  });
});
