import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';

const code = 'control-unknown';

describe(code, () => {
  it('reports a control that does not exist, in frontmatter and in prose', () => {
    const found = check({ 'p.md': policy({ controls: ['A.8.28', 'A.8.35'] }, 'See A.5.38 and A.8.28.\n') }, { code });
    assert.deepEqual(found.map((d) => d.message.split(' ')[0]), ['A.8.35', 'A.5.38']);
    assert.match(found[0].message, /A\.8\.1 to A\.8\.34/);
  });

  it('accepts every form of a real control reference', () => {
    const body = 'A.8.28, A 8.28, Annex A 8.28, Annex A.8.4.\n';
    assert.deepEqual(check({ 'p.md': policy({ controls: ['A.5.1', '8.28'] }, body) }, { code }), []);
  });

  it('does not read controls in code, URLs, versions or IP addresses', () => {
    const body = 'Use `A.9.99` and v8.99.1 from 10.8.99.1, see https://example.com/A.9.99 or www.example.com/A.9.99.\n\n```\nA.9.99\n```\n';
    assert.deepEqual(check({ 'p.md': policy({}, body) }, { code }), []);
  });

  it('needs the ISO 42001 catalog enabled for 42001 references', () => {
    const files = { 'p.md': policy({}, 'AI impact assessment: 42001:A.5.2.\n') };
    assert.match(check(files, { code })[0].message, /not enabled/);
    assert.deepEqual(check(files, { code, config: { catalogs: ['iso27001-2022', 'iso42001-2023'] } }), []);
    assert.equal(check({ 'p.md': policy({}, '42001:A.99.1\n') }, { code, config: { catalogs: ['iso27001-2022', 'iso42001-2023'] } }).length, 1);
  });

  it('accepts custom controls declared in configuration', () => {
    const files = { 'p.md': policy({ controls: ['ACME-1'] }) };
    assert.equal(check(files, { code }).length, 1);
    assert.deepEqual(check(files, { code, config: { customControls: [{ id: 'ACME-1', title: 'Customer key escrow' }] } }), []);
  });
});
