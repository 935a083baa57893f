import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'scope-missing-section';
const front = { type: 'scope', id: 'SCOPE-1', title: 'ISMS Scope', owner: 'CISO', next_review: '2027-06-01' };
const complete = `# Scope statement
## Boundaries
### Organisational boundaries
## Interfaces and dependencies
## Internal and external issues
## Interested parties and their requirements
## Exclusions
## Management approval
`;

describe(code, () => {
  it('is silent on a complete scope', () => {
    assert.deepEqual(check({ 's.md': md(front, complete) }, { code }), []);
  });

  it('reports each missing section by name', () => {
    const found = check({ 's.md': md(front, complete.replace('## Interfaces and dependencies\n', '').replace('## Exclusions\n', '')) }, { code });
    assert.deepEqual(found.map((d) => d.data?.section), ['interfaces', 'exclusions']);
    assert.match(found[0].message, /Interfaces and dependencies/);
  });

  it('accepts synonyms, numbering and any heading level, case-insensitively', () => {
    const synonyms = `#### 1. ISMS SCOPE
##### 2 Applicability
## Dependencies on suppliers
## Context of the organisation
## Stakeholders
## Out of scope
## Sign-off
`;
    assert.deepEqual(check({ 's.md': md(front, synonyms) }, { code }), []);
  });

  it('only applies to scope documents', () => {
    assert.deepEqual(check({ 's.md': md({ ...front, type: 'policy' }, '# Nothing\n') }, { code }), []);
  });
});
