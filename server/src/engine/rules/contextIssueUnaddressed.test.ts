import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'context-issue-unaddressed';
const scope = (rows: string) =>
  md({ type: 'scope', id: 'SCOPE-1', title: 'Scope', owner: 'CISO' }, `# Scope\n\n## Internal and external issues\n\n| # | Issue | Effect |\n|---|---|---|\n${rows}\n\n## Interested parties\n\n| Interested party | Requirement |\n|---|---|\n| Customers | Nothing linked |\n`);

describe(code, () => {
  it('is silent when each row names a risk, control or document, links one, or a risk lists the issue', () => {
    const files = {
      'scope.md': scope('| 1 | Weights are a target | R-001 |\n| 2 | Growth | A.6.3 |\n| 3 | Certification | [objectives](obj.md) |\n| 4 | Small team | Automation |'),
      'obj.md': '# x\n',
      'risk.md': md({ type: 'risk', id: 'R-001', title: 'x', owner: 'o', issues: ['4'] }),
    };
    assert.deepEqual(check(files, { code }), []);
  });

  it('reports an issue nothing addresses, in a scope or a context document (not the interested parties table)', () => {
    const found = check({ 'scope.md': scope('| 1 | Small security team | Prioritise automation |') }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Issue 1 "Small security team" is addressed by nothing/);
    const ctx = md({ type: 'context', id: 'CTX-1', title: 'Context', owner: 'o' }, '# Context\n\n| ID | Issue |\n|---|---|\n| ISS-1 | Tight GPU market |\n');
    assert.deepEqual(check({ 'ctx.md': ctx }, { code }).map((d) => d.data?.issue), ['ISS-1']);
    const rr = md({ type: 'risk-register', id: 'RR-1', title: 'R', owner: 'o' }, '# R\n\n| ID | Risk | Issues |\n|---|---|---|\n| R-001 | Outage | ISS-1 |\n');
    assert.deepEqual(check({ 'ctx.md': ctx, 'rr.md': rr }, { code }), []);
  });
});
