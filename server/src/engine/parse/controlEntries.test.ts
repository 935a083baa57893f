import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';
import { readSoaRows } from '../isms/soa';
import { parseDocument } from './document';
import { typeFiles } from '../adopt/typing';
import { ANNEX_A } from '../rules/auditFixtures';

/** A control register in the shape of a template kit: a heading per control, bold bullet fields under each. */
function register(status: (id: string) => string, fields = (id: string) => `- **Status:** ${status(id)}\n- **Owner:** [Owner]\n- **Evidence:** [Link to evidence]\n- **Notes:** [Implementation notes]\n`): string {
  const groups = ['5', '6', '7', '8'].map((g) => `## A.${g} Controls\n\n${ANNEX_A.filter((c) => c.id.startsWith(`A.${g}.`)).map((c) => `### ${c.id} ${c.title}\n${fields(c.id)}`).join('\n')}`);
  return `# ISO 27001:2022 Annex A Controls\n\n**Owner:** Head of Security\n\n| Status | Description |\n|---|---|\n| Not Applicable | Control not applicable to scope |\n\n${groups.join('\n')}`;
}

describe('parse: an SoA written as a heading per control', () => {
  it('reads each control heading with a status as an SoA row; "Not Applicable" excludes the control', () => {
    const doc = parseDocument('controls/annex-a-controls.md', md({ type: 'soa' }, register((id) => (id === 'A.7.5' ? 'Not Applicable' : 'Planned'))), { riskIdPattern: 'R-\\d+' });
    const rows = readSoaRows(doc);
    assert.equal(rows.length, 93);
    assert.deepEqual([rows[0].controlId, rows[0].applicable, rows[0].status], ['A.5.1', true, 'Planned']);
    const excluded = rows.find((r) => r.controlId === 'A.7.5')!;
    assert.equal(excluded.applicable, false);
    assert.equal(excluded.controlRange.start.line, doc.headings.find((h) => h.text.startsWith('A.7.5'))!.range.start.line, 'the row is its heading');
    assert.equal(rows[0].evidence?.text, '', 'a placeholder is no evidence');
  });

  it('lets the SoA rules judge it: no control missing, one finding for the missing justifications, and an excluded control still needs a reason', () => {
    const files = { 'controls/annex-a-controls.md': md({ type: 'soa', id: 'SOA-1', title: 'SoA', owner: 'o' }, register(() => 'Planned')) };
    const codes = check(files).filter((d) => d.code.startsWith('soa-')).map((d) => `${d.code} ${d.message.slice(0, 60)}`);
    assert.deepEqual(codes, ['soa-justification-missing This Statement of Applicability gives no Justification under']);
    const withReason = md({ type: 'soa', id: 'SOA-1', title: 'SoA', owner: 'o' }, register(() => '', (id) => `- Applicable: ${id === 'A.7.5' ? 'No' : 'Yes'}\n- Justification: ${id === 'A.7.5' ? 'N/A' : 'R-001'}\n`));
    const found = check({ 'soa.md': withReason }).filter((d) => d.code.startsWith('soa-'));
    assert.deepEqual(found.map((d) => `${d.code} ${String(d.data?.controlId)}`), ['soa-justification-missing A.7.5']);
  });

  it('names the Evidence line, not a cell, when an implemented control under its heading points at nothing', () => {
    const text = register((id) => (id === 'A.8.8' ? 'Implemented' : 'Planned'), (id) => `- **Status:** ${id === 'A.8.8' ? 'Implemented' : 'Planned'}\n- **Justification:** R-001\n- **Evidence:** ${id === 'A.8.8' ? '—' : '[Link to evidence]'}\n`);
    const found = check({ 'controls/annex-a-controls.md': md({ type: 'soa', id: 'SOA-1', title: 'SoA', owner: 'o' }, text) }, { code: 'evidence-missing' });
    assert.deepEqual(found.map((d) => d.message.split('.').slice(0, 3).join('.')), ['A.8.8 is marked "Implemented" but its Evidence line points at nothing']);
  });

  it('isms init types a control register as the SoA, also when named like the standard; a catalogue without statuses stays reference', () => {
    const catalogue = register(() => '', (id) => `The control ${id} requires what it says.\n`);
    const typing = typeFiles([
      { path: 'controls/annex-a-controls.md', text: register(() => 'Planned'), keys: undefined },
      { path: 'reference/annex-a-controls.md', text: catalogue, keys: undefined },
    ]);
    const register1 = typing.get('controls/annex-a-controls.md');
    assert.equal(register1?.kind === 'typed' && register1.type, 'soa');
    assert.match(register1!.because, /93 controls under their own headings with a status or applicability/);
    assert.equal(typing.get('reference/annex-a-controls.md')?.kind, 'reference');
  });
});
