import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'scope-dependency-missing';
const scope = (body: string) => md({ type: 'scope', id: 'SCOPE-1', title: 'Scope', owner: 'CISO', last_reviewed: '2026-10-01' }, `# Scope\n\n${body}\n`);
const WITH_SECTIONS = `## Boundaries

We use Shadowy GPU Co for nothing.

## Interfaces and dependencies

- Amazon Web Services hosts the inference API.
- Helion Compute runs training.

## Exclusions

- Webflow (marketing site): public information only.
`;
const suppliers = (...names: string[]) =>
  md({ type: 'supplier-register', id: 'REC-7', title: 'Suppliers', owner: 'COO' }, `# Suppliers\n\n| Supplier | Service |\n|---|---|\n${names.map((n) => `| ${n} | x |`).join('\n')}\n`);

describe(code, () => {
  it('is silent when every provider is named in the interfaces or exclusions (case-insensitive, aliases, initials)', () => {
    const files = {
      'scope.md': scope(WITH_SECTIONS.replace('Amazon Web Services', 'AWS')),
      'suppliers.md': suppliers('Amazon Web Services', 'helion compute', 'Webflow'),
      'assets.md': md({ type: 'asset-inventory', id: 'REC-6', title: 'Assets', owner: 'IT' }, '# Assets\n\n| Asset | Provider |\n|---|---|\n| Cluster | Helion Compute |\n| API | AWS |\n'),
    };
    assert.deepEqual(check(files, { code }), []);
  });

  it('reports a supplier named only outside the interfaces section, at its register cell', () => {
    const found = check({ 'scope.md': scope(WITH_SECTIONS), 'suppliers.md': suppliers('Helion Compute', 'Shadowy GPU Co') }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].path, 'suppliers.md');
    assert.match(found[0].message, /Shadowy GPU Co \(supplier register REC-7\) is not named in the scope's interfaces and dependencies or exclusions \(scope\.md\)/);
  });

  it('reads asset inventories, risk registers and `provider:` of risks and exceptions, and deviations brought into scope', () => {
    const files = {
      'scope.md': scope(WITH_SECTIONS),
      'assets.md': md({ type: 'asset-inventory', id: 'REC-6', title: 'Assets', owner: 'IT' }, '# Assets\n\n| Asset | Platform |\n|---|---|\n| Notebooks | Kaggle, Colab |\n'),
      'rr.md': md({ type: 'risk-register', id: 'RR-1', title: 'Risks', owner: 'CISO' }, '# Risks\n\n| ID | Risk | Supplier |\n|---|---|---|\n| R-001 | Outage | Helion Compute |\n| R-002 | Leak | Hugging Face |\n'),
      'exc.md': md({ type: 'exception', id: 'EXC-1', title: 'New GPU provider', owner: 'CTO', kind: 'temporary-deviation', opened: '2026-10-01', closed_on: '2026-10-20', resolution: 'brought-into-scope', provider: 'Corvid Compute' }, '# x\n'),
    };
    const found = check(files, { code });
    assert.deepEqual(found.map((d) => d.data?.provider), ['Kaggle', 'Colab', 'Corvid Compute', 'Hugging Face']);
    assert.match(found[2].message, /brought into scope, but the scope was never updated/);
  });

  it('looks at the whole scope when it has no interfaces section', () => {
    assert.deepEqual(check({ 'scope.md': scope('We rely on Helion Compute.'), 'suppliers.md': suppliers('Helion Compute') }, { code }), []);
    assert.equal(check({ 'scope.md': scope('We rely on nobody.'), 'suppliers.md': suppliers('Helion Compute') }, { code }).length, 1);
  });
});
