import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'evidence-missing';

describe(code, () => {
  it('reports links and evidence entries to missing non-Markdown files', () => {
    const found = check({ 'a.md': policy({ evidence: ['records/pentest-2026.pdf', 'records/here.pdf'] }, '![shot](img/mfa.png)\n'), 'records/here.pdf': '' }, { code });
    assert.deepEqual(found.map((d) => d.data?.target).sort(), ['img/mfa.png', 'records/pentest-2026.pdf']);
  });

  it('is silent when the evidence exists', () => {
    assert.deepEqual(check({ 'a.md': policy({}, '[report](r.pdf)\n'), 'r.pdf': '' }, { code }), []);
  });
});
