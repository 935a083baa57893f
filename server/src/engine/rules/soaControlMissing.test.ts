import { strict as assert } from 'node:assert';
import { check, policy } from '../testing/fixtures';
import { ANNEX_A, fullSoaRows, legacySoaRows, soaDoc, soaTable } from './auditFixtures';
import { md } from '../testing/fixtures';

const code = 'soa-control-missing';

describe(code, () => {
  it('reports each missing Annex A control on the SoA table header, naming it', () => {
    const rows = fullSoaRows((r) => (r.control === 'A.5.7' || r.control === 'A.8.34' ? undefined : r));
    const found = check({ 'soa.md': soaDoc(rows) }, { code });
    assert.deepEqual(found.map((d) => d.data?.controlId), ['A.5.7', 'A.8.34']);
    assert.match(found[0].message, /A\.5\.7 Threat intelligence/);
    assert.equal(found[0].path, 'soa.md');
    assert.equal(found[0].range.start.line, 9); // the header row, below 7 lines of frontmatter and a heading
  });

  it('considers several SoA documents together', () => {
    const rows = fullSoaRows();
    const first = soaDoc(rows.slice(0, 40));
    const second = soaDoc(rows.slice(40), undefined, { id: 'SOA-002' });
    assert.deepEqual(check({ 'a.md': first, 'b.md': second }, { code }), []);
    const found = check({ 'a.md': first }, { code });
    assert.equal(found.length, 1, 'many missing controls are one finding');
    assert.equal((found[0].data?.controlIds as string[]).length, 93 - 40);
    assert.match(found[0].message, /^53 of the 93 Annex A controls are not in the Statement of Applicability: A\.\d+\.\d+, /);
  });

  it('reports up to ten missing controls one by one, and more as one finding listing them all', () => {
    const without = (n: number) => fullSoaRows((r) => (ANNEX_A.findIndex((c) => c.id === r.control) < n ? undefined : r));
    assert.deepEqual(check({ 'soa.md': soaDoc(without(10)) }, { code }).map((d) => d.data?.controlId), ANNEX_A.slice(0, 10).map((c) => c.id));
    const eleven = check({ 'soa.md': soaDoc(without(11)) }, { code });
    assert.equal(eleven.length, 1);
    assert.deepEqual(eleven[0].data?.controlIds, ANNEX_A.slice(0, 11).map((c) => c.id));
    assert.equal(eleven[0].range.start.line, 9, 'on the header row of the table');
    assert.match(eleven[0].message, new RegExp(`^11 of the 93 Annex A controls are not in the Statement of Applicability: ${ANNEX_A.slice(0, 11).map((c) => c.id.replace(/\./g, '\\.')).join(', ')}\\. Add a row for each`));
  });

  it('reports once when the SoA has no control table', () => {
    const found = check({ 'soa.md': md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'o' }, 'To do.\n') }, { code });
    assert.equal(found.length, 1);
    assert.equal((found[0].data?.controlIds as string[]).length, 93);
  });

  it('is silent on a complete SoA, without an SoA, and on a 2013 SoA (soa-legacy-2013 covers it)', () => {
    assert.deepEqual(check({ 'soa.md': soaDoc(fullSoaRows()) }, { code }), []);
    assert.deepEqual(check({ 'p.md': policy() }, { code }), []);
    assert.deepEqual(check({ 'soa.md': soaDoc(legacySoaRows()) }, { code }), []);
  });

  it('counts a 2022 table but not a 2013 table in the same SoA', () => {
    const text = soaDoc(fullSoaRows((r) => (r.control === 'A.5.1' ? undefined : r))) + '\n## Old\n\n' + soaTable(legacySoaRows());
    assert.deepEqual(check({ 'soa.md': text }, { code }).map((d) => d.data?.controlId), ['A.5.1']);
  });

  it('reads SoA tables with headers in other languages, found by content, or named in soaColumns', () => {
    const rows = (header: string, cell: (id: string) => string) =>
      md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'CISO' }, `${header}\n${ANNEX_A.map((c) => cell(c.id)).join('\n')}\n`);
    const tables = {
      pt: rows('| Controle | Título | Aplicável | Justificativa |\n|---|---|---|---|', (id) => `| ${id.slice(2)} | t | Sim | Necessário |`),
      de: rows('| Maßnahme | Anwendbar | Begründung |\n|---|---|---|', (id) => `| ${id} | ja | nötig |`),
      ja: rows('| 管理策番号 | 適用可否 | 理由 |\n|---|---|---|', (id) => `| ${id} | 適用 | 必要 |`),
      content: rows('| # | Appl | Why |\n|---|---|---|', (id) => `| ${id} | Y | needed |`),
    };
    for (const [name, text] of Object.entries(tables)) assert.deepEqual(check({ 'soa.md': text }, { code }), [], name);
    const custom = rows('| Kennung | Gilt |\n|---|---|', (id) => `| ${id} | J |`);
    assert.equal(check({ 'soa.md': custom }, { code }).length, 1, 'no table recognised');
    assert.deepEqual(check({ 'soa.md': custom }, { code, config: { soaColumns: { control: ['Kennung'], applicable: ['Gilt'] } } }), []);
  });
});
