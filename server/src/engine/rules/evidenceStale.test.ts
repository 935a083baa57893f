import { strict as assert } from 'node:assert';
import { check, md, workspaceOf } from '../testing/fixtures';
import { parseIsoDate } from '../util/dates';
import { undatedEvidence } from './evidenceStale';

const code = 'evidence-stale';
const procedure = (evidence: string[]) => md({ type: 'procedure', id: 'PRO-2', title: 'Access review', owner: 'CISO', cadence: 'quarterly', evidence }, '# x\n');
const record = (date: string) => md({ type: 'record', id: 'REC-9', title: 'Access review Q2', owner: 'CISO', date }, '# x\n');

describe(code, () => {
  it("reports evidence older than one interval of its cadence, by a record's date", () => {
    const found = check({ 'p.md': procedure(['records/q2.md']), 'records/q2.md': record('2026-04-10') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /records\/q2\.md for PRO-2 must recur quarterly, but its `date` is 2026-04-10 \(about 7 months ago\)/);
    assert.deepEqual(check({ 'p.md': procedure(['records/q2.md']), 'records/q2.md': record('2026-10-10') }, { code }), []);
  });

  it('uses the last commit of a file, and skips (noting) evidence with no date', () => {
    const ws = workspaceOf({ 'p.md': procedure(['exports/access.csv']), 'exports/access.csv': '' });
    assert.deepEqual(check(ws, { code }), []);
    assert.deepEqual(undatedEvidence(ws), ['exports/access.csv']);
    ws.setFileDates(new Map([['exports/access.csv', parseIsoDate('2026-04-20')!]]));
    assert.match(check(ws, { code })[0].message, /its last commit is 2026-04-20/);
    assert.deepEqual(undatedEvidence(ws), []);
  });

  it('resolves a site-absolute evidence link by siteRoot, as link-broken does', () => {
    const files = { 'docs/p.md': procedure(['/records/q2.md']), 'docs/records/q2.md': record('2026-04-10') };
    assert.equal(check(files, { code, config: { siteRoot: 'docs' } }).length, 1);
    assert.deepEqual(check(files, { code }), [], 'without siteRoot /records/q2.md is outside this folder');
  });

  it('reads the SoA Frequency column', () => {
    const soa = md({ type: 'soa', id: 'SOA-1', title: 'SoA', owner: 'o' }, '# SoA\n\n| Control | Applicable | Frequency | Evidence |\n|---|---|---|---|\n| A.5.18 | Yes | Quarterly | [export](ev/a.md) |\n| A.5.1 | Yes | Annual | [policy](ev/a.md) |\n');
    const found = check({ 'soa.md': soa, 'ev/a.md': record('2026-04-10') }, { code });
    assert.deepEqual(found.map((d) => d.message.slice(0, 39)), ['Evidence ev/a.md for A.5.18 in the SoA ']);
  });
});
