// A rule that throws is reported once, the other rules still run, and the failing rule still checks the
// documents it does not fail on.
import { strict as assert } from 'node:assert';
import { check, policy } from '../../server/src/engine/testing/fixtures';
import type { DocumentRule } from '../../server/src/engine/rules/rule';
import { controlLegacyId } from '../../server/src/engine/rules/controlLegacyId';

const flaky: DocumentRule = {
  code: 'flaky-rule',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'Throws on one document.',
  fix: '-',
  check(doc, ctx) {
    if (doc.path === 'b.md') throw new Error('boom');
    ctx.report({ range: doc.headings[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'checked' });
  },
};

describe('a rule that throws', () => {
  it('is reported once on the workspace while every other rule and document is still checked', () => {
    const files = { 'a.md': policy({}, '# A\nA.12.6.1\n'), 'b.md': policy({ id: 'POL-2' }, '# B\n'), 'c.md': policy({ id: 'POL-3' }, '# C\n') };
    const found = check(files, { rules: [flaky, controlLegacyId] });
    const failed = found.filter((d) => d.code === 'rule-failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0].path, '.');
    assert.match(failed[0].message, /flaky-rule failed on b\.md.*boom/);
    assert.deepEqual(found.filter((d) => d.code === 'flaky-rule').map((d) => d.path), ['a.md', 'c.md']);
    assert.deepEqual(found.filter((d) => d.code === 'control-legacy-id').map((d) => d.path), ['a.md']);
  });
});
