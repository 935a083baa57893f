import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'exception-record-incomplete';
const record = (extra: Record<string, unknown>) =>
  md({ type: 'exception', id: 'EXC-1', title: 'Break-glass', owner: 'SRE Lead', kind: 'break-glass', opened: '2026-11-01T02:00:00Z', reviewed_on: '2026-11-01', reviewed_by: 'Head of Engineering', ...extra }, '# x\n');

describe(code, () => {
  it('is silent on a complete record (ticket ID or URL)', () => {
    assert.deepEqual(check({ 'e.md': record({ ticket: 'ENG-1234', used_by: 'Sam', reason: 'KMS outage' }) }, { code }), []);
    assert.deepEqual(check({ 'e.md': record({ ticket: 'https://linear.app/acme/issue/SEC-212', used_by: 'Sam', reason: 'x' }) }, { code }), []);
  });

  it('reports each missing field, and a ticket that is neither a URL nor an ID', () => {
    assert.deepEqual(check({ 'e.md': record({}) }, { code }).map((d) => d.data?.field), ['ticket', 'used_by', 'reason']);
    const found = check({ 'e.md': record({ ticket: 'see Slack', used_by: 'Sam', reason: 'x' }) }, { code });
    assert.match(found[0].message, /`ticket: see Slack`, which is neither a URL nor a ticket ID/);
  });

  it('gives a draft until its review is due', () => {
    const draft = record({ status: 'draft', opened: '2026-11-20T22:00:00Z', reviewed_on: undefined, reviewed_by: undefined });
    assert.deepEqual(check({ 'e.md': draft }, { code }), []);
    assert.equal(check({ 'e.md': draft }, { code, today: '2026-11-23' }).length, 3);
  });

  it('only applies to break-glass records', () => {
    assert.deepEqual(check({ 'e.md': record({ kind: 'temporary-deviation', expires: '2027-01-01' }) }, { code }), []);
  });
});
