import { strict as assert } from 'node:assert';
import { check, md, policy } from '../testing/fixtures';
import { registerDoc, soaDoc } from './auditFixtures';

const code = 'control-unknown';

describe(code, () => {
  it('reports a control that does not exist, in frontmatter and in prose', () => {
    const found = check({ 'p.md': policy({ controls: ['A.8.28', 'A.8.35'] }, 'See A.5.38 and A.8.28.\n') }, { code });
    assert.deepEqual(found.map((d) => d.message.split(' ')[0]), ['A.8.35', 'A.5.38']);
    assert.match(found[0].message, /A\.8\.1 to A\.8\.34/);
  });

  it('is an error only in fields declared to hold control IDs; in prose, where the ID may be another standard\'s, a warning', () => {
    const plan = md({ type: 'risk-treatment-plan', id: 'RTP-001', title: 'Plan', owner: 'o' }, '| Risk | Controls | Action |\n|---|---|---|\n| R-001 | A.8.77 | See A.9.99 |\n');
    const found = check(
      {
        'p.md': policy({ controls: ['A.8.35'] }, 'Clause A.5.38 of our privacy extension.\n'),
        'r.md': registerDoc([{ id: 'R-001', controls: 'A.8.99' }]),
        'plan.md': plan,
        'soa.md': soaDoc([{ control: 'A.5.99', applicable: 'yes', justification: 'x', status: 'implemented', evidence: '' }]),
      },
      { code },
    );
    assert.deepEqual(
      found.map((d) => [d.path, d.message.split(' ')[0], d.severity]),
      [
        ['p.md', 'A.8.35', 'error'],
        ['p.md', 'A.5.38', 'warning'],
        ['plan.md', 'A.8.77', 'error'],
        ['plan.md', 'A.9.99', 'warning'],
        ['r.md', 'A.8.99', 'error'],
        ['soa.md', 'A.5.99', 'error'],
      ],
    );
    // A configured severity still applies, and is never raised for prose.
    const info = check({ 'p.md': policy({ controls: ['A.8.35'] }, 'A.5.38\n') }, { code, config: { rules: { 'control-unknown': 'info' } } });
    assert.deepEqual(info.map((d) => d.severity), ['info', 'info']);
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

  it('checks bare numbers in the Controls column of a risk register and a treatment plan', () => {
    const found = check({ 'r.md': registerDoc([{ id: 'R-001', controls: '8.24, 8.99' }, { id: 'R-002', controls: 'A.8.2; 5.99 Imaginary control' }]) }, { code });
    assert.deepEqual(found.map((d) => d.message.split(' ')[0]), ['8.99', '5.99']);
    const plan = md({ type: 'risk-treatment-plan', id: 'RTP-001', title: 'Plan', owner: 'o' }, '| Risk | Controls | Action |\n|---|---|---|\n| R-001 | 8.77 | Fix 8.24 later |\n');
    assert.deepEqual(check({ 'p.md': plan }, { code }).map((d) => d.message.split(' ')[0]), ['8.77']);
  });

  it('leaves bare numbers alone outside Controls columns and outside registers and plans', () => {
    const register = registerDoc([{ id: 'R-001', controls: '8.24' }]) + '\n| Version | Notes |\n|---|---|\n| 8.99 | 5.99 |\n';
    assert.deepEqual(check({ 'r.md': register, 'p.md': policy({}, '| Controls |\n|---|\n| 8.99 |\n') }, { code }), []);
  });

  it('reads titles, ranges and lists as people write them, and no comma in a title as a second ID', () => {
    const body = 'A.5.15 - Access control, 2 factors. A.5.15: Access control. A.05.16. ISO 27001:2022 A.5.17. A.5.19-A.5.22, 8.1 and 8.2.\n';
    assert.deepEqual(check({ 'p.md': policy({ controls: ['A.5.15 - Access control', 'A.5.16 Identity management, accounts'] }, body) }, { code }), []);
    assert.deepEqual(check({ 'p.md': policy({}, 'A.5.36-A.5.38\n') }, { code }).map((d) => d.message.split(' ')[0]), ['A.5.38']);
    assert.deepEqual(check({ 'p.md': policy({}, 'A.5.1 to 10.2 % of staff\n') }, { code }), [], 'no range ends at a percentage');
  });

  it('leaves IDs of other standards, appendix numbers and sub-items alone', () => {
    const body = [
      '# Privacy controls', '', 'ISO/IEC 27701 A.7.2.9 and 27018 A.10.4 apply.', '', '## PCI DSS', '', 'A.3.4.1 and A.12.10.1', '',
      '## Appendix', '', '### A.1 Introduction', '', '### A.2.3 Glossary', '', '## Controls', '', 'A.8.16.1 Alert thresholds under A.8.16.',
    ].join('\n');
    assert.deepEqual(check({ 'p.md': policy({}, body) }, { code }), []);
    assert.deepEqual(check({ 'p.md': policy({}, 'A.7.2.9 as 27701 defines it\n') }, { code }), []);
    assert.deepEqual(check({ 'privacy/iso27701-mapping.md': policy({ title: 'ISO 27701 mapping' }, 'A.7.2.9\n') }, { code }), []);
  });
});
