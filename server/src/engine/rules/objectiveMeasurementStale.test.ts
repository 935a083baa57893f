import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'objective-measurement-stale';
const objectives = (rows: string) =>
  md({ type: 'objectives', id: 'OBJ-1', title: 'Objectives', owner: 'CISO' }, `# Objectives\n\n| # | Objective | Measure | Owner | Due | Frequency | Last measured |\n|---|---|---|---|---|---|---|\n${rows}\n`);

describe(code, () => {
  it('reports a measurement older than its frequency', () => {
    const found = check({ 'o.md': objectives('| O6 | Restore weights | < 8 h | ML | Quarterly | quarterly | 2026-07-08 |') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /O6 was last measured on 2026-07-08; measured quarterly, the next measurement was due by 2026-10-08, 44 days ago/);
  });

  it('is silent when measured within its frequency, or when either is missing', () => {
    assert.deepEqual(check({ 'o.md': objectives('| O1 | a | b | c | 2026-12-31 | monthly | 2026-11-01 |\n| O2 | a | b | c | 2026-12-31 | | 2020-01-01 |') }, { code }), []);
  });

  it('reads `measured_on` and `measurement_frequency` of a one-objective document', () => {
    const doc = md({ type: 'objectives', id: 'OBJ-2', title: 'Patch fast', owner: 'SRE', measure: '95% in 7 days', due: '2026-12-31', measurement_frequency: 'monthly', measured_on: '2026-09-01' }, '# x\n');
    assert.equal(check({ 'o.md': doc }, { code }).length, 1);
  });
});
