import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'audit-overdue';

const audit = (id: string, date: string) => md({ type: 'audit', id, title: id, owner: 'Auditor', date }, '# Report\n');

describe(code, () => {
  it('reports the latest internal audit when it is more than a year old', () => {
    const found = check({ 'a.md': audit('AUD-1', '2024-06-19'), 'b.md': audit('AUD-2', '2025-06-19') }, { code });
    assert.deepEqual(found.map((d) => d.path), ['b.md']);
    assert.match(found[0].message, /annual cadence the next was due by 2026-06-19/);
  });

  it('follows auditCadence', () => {
    assert.deepEqual(check({ 'b.md': audit('AUD-2', '2025-06-19') }, { code, config: { auditCadence: 'P2Y' } }), []);
  });

  it('is silent within the cadence', () => {
    assert.deepEqual(check({ 'a.md': audit('AUD-1', '2026-06-19') }, { code }), []);
  });
});
