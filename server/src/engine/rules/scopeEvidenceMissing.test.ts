import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'scope-evidence-missing';
const scope = (body: string, extra: Record<string, unknown> = {}) => md({ type: 'scope', id: 'SCOPE-1', title: 'Scope', owner: 'CISO', ...extra }, `# Scope\n\n${body}\n`);

describe(code, () => {
  it('is silent with a diagram, an asset inventory and an approval record', () => {
    const files = {
      'scope.md': scope('![Architecture](diagrams/architecture.svg)'),
      'diagrams/architecture.svg': '',
      'assets.md': md({ type: 'asset-inventory', id: 'REC-6', title: 'Assets', owner: 'IT' }, '# Assets\n'),
      'mr.md': md({ type: 'management-review', id: 'MR-1', title: 'MR', owner: 'CEO', date: '2026-10-01' }, 'Scope SCOPE-1 approved.\n'),
    };
    assert.deepEqual(check(files, { code }), []);
    assert.deepEqual(check({ 'scope.md': scope('[Network](net.drawio) and [assets](exports/asset-register.xlsx)', { approval_record: 'Board minutes 2026-02-12' }) }, { code }), []);
  });

  it('reports each missing piece of evidence', () => {
    const register = md({ type: 'risk-register', id: 'REG-1', title: 'Risks', owner: 'CISO', approved_by: 'Priya Raman (CEO)', approved_on: '2026-02-12' }, '# Risks\n');
    const found = check({ 'scope.md': scope('No pictures here.'), 'risks.md': register }, { code });
    assert.deepEqual(found.map((d) => d.data?.missing), ['diagram', 'asset-inventory', 'approval-record']);
    assert.match(found[0].message, /architecture or network diagram/);
  });

  it('asks for no asset inventory where no register is a document, nor an approval record where nothing records approvals', () => {
    const policy = md({ type: 'policy', id: 'POL-1', title: 'P', owner: 'o' }, '# P\n');
    assert.deepEqual(check({ 'scope.md': scope('No pictures here.'), 'p.md': policy }, { code }).map((d) => d.data?.missing), ['diagram']);
  });
});
