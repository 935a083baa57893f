import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'objective-not-measurable';
const objectives = (body: string) => md({ type: 'objectives', id: 'OBJ-1', title: 'Objectives', owner: 'CISO' }, `# Objectives\n\n${body}\n`);
const table = (rows: string) => `| # | Objective | Measure and target | Owner | Due |\n|---|---|---|---|---|\n${rows}`;

describe(code, () => {
  it('reports objectives without a measure, owner or due date', () => {
    const found = check({ 'o.md': objectives(table('| O1 | Stop phishing | 100% FIDO2 | CISO | 2026-06-30 |\n| O2 | Be more secure | — | | 2026-12-31 |')) }, { code });
    assert.deepEqual(found.map((d) => d.data?.missing), [['measure and target', 'owner']]);
    assert.match(found[0].message, /Objective O2 "Be more secure" has no measure and target, no owner/);
  });

  it('reads one section per objective', () => {
    const body = '## O1: Stop phishing\n\n- Measure: 100% FIDO2\n- Owner: CISO\n- Due: 2026-06-30\n\n## O2: Fast patching\n\n- Measure: 95% in 7 days\n- Owner: SRE Lead\n';
    assert.deepEqual(check({ 'o.md': objectives(body) }, { code }).map((d) => d.data?.objective), ['O2']);
  });

  it('is silent on measurable objectives', () => {
    assert.deepEqual(check({ 'o.md': objectives(table('| O1 | Stop phishing | 100% FIDO2 | CISO | Quarterly |')) }, { code }), []);
  });
});
