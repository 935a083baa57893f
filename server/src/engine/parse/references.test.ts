import { strict as assert } from 'node:assert';
import { parseControlId, scanBareControls, scanControls } from './references';
import { parseDocument } from './document';

const ids = (text: string) => scanControls(text).map((m) => m.id);
const refs = (text: string, path = 'p.md') =>
  parseDocument(path, `---\ntype: policy\nid: POL-1\ntitle: P\n---\n${text}`, { riskIdPattern: 'R-\\d+' })
    .references.filter((r) => r.kind === 'control')
    .map((r) => (r.edition ? `${r.id}@${r.edition}` : r.id));

describe('control references as people write them', () => {
  it('reads an ID followed by its title in any punctuation', () => {
    for (const text of ['A.5.15 - Access control', 'A.5.15: Access control', 'A.5.15 — Access control', 'A.05.15 Access control', 'ISO 27001:2022 A.5.15', 'ISO/IEC 27001 Annex A 5.15', '27001:A.5.15']) {
      assert.deepEqual(ids(text), ['A.5.15'], text);
    }
    assert.equal(parseControlId('A.5.15 - Access control'), 'A.5.15');
    assert.equal(parseControlId('A.5.15: Access control'), 'A.5.15');
    assert.equal(parseControlId('05.15'), 'A.5.15');
  });

  it('expands ranges to every control in them', () => {
    const four = ['A.5.15', 'A.5.16', 'A.5.17', 'A.5.18'];
    for (const text of ['A.5.15-A.5.18', 'A.5.15 to A.5.18', 'A.5.15–5.18', 'A.5.15 - 5.18', 'A.5.15 bis A.5.18']) assert.deepEqual(ids(text), four, text);
    const range = scanControls('See A.5.15-A.5.18.');
    assert.ok(range.every((m) => m.raw === 'A.5.15-A.5.18' && m.start === 4));
  });

  it('reads lists joined by commas, semicolons, slashes and "and"', () => {
    assert.deepEqual(ids('A.5.15, 5.16; A.5.17 / 5.18 and 5.19'), ['A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.5.19']);
    // Each item keeps its own place and text, marker included.
    assert.deepEqual(scanControls('A.5.15 and A.8.2.').map((m) => [m.raw, m.start]), [['A.5.15', 0], ['A.8.2', 11]]);
  });

  it('never makes a second reference of a comma or a number inside a title', () => {
    assert.deepEqual(ids('A.5.19 Information security in supplier relationships, see 8.2 of the contract'), ['A.5.19']);
    assert.deepEqual(refs('A.5.15 - Access control, identities and 2.1 other things\n'), ['A.5.15']);
    const front = parseDocument('p.md', '---\ntype: policy\nid: POL-1\ntitle: P\ncontrols:\n  - A.5.15 Access control, identity management\n  - A.5.16 - Identity management\n---\n', { riskIdPattern: 'R-\\d+' });
    assert.deepEqual(front.references.map((r) => r.id), ['A.5.15', 'A.5.16']);
  });

  it('is not fooled by versions, appendix numbers or a bare hyphenated number', () => {
    assert.deepEqual(ids('Appendix A.1.2 and A.5.1-2019 and A.2.3 and A.1 Introduction'), []);
  });

  it('takes an organisation\'s own sub-item for the control above it', () => {
    assert.deepEqual(ids('A.8.16.1 Alerting thresholds'), ['A.8.16']);
    assert.deepEqual(ids('A.12.6.1'), ['A.12.6.1'], 'a real 2013 control stays itself');
  });

  it('tells a 2013 objective from the 2022 control of the same number by its title', () => {
    assert.deepEqual(refs('A.7.1 Prior to employment\n'), ['A.7.1@2013']);
    assert.deepEqual(refs('A.7.1 Physical security perimeters\n'), ['A.7.1']);
    assert.deepEqual(refs('A.9 Access control and A.12 Operations security\n'), ['A.9@2013', 'A.12@2013']);
    assert.deepEqual(refs('A.8 Technological controls\n'), [], 'a 2022 theme is not a reference');
  });

  it('leaves IDs of other standards alone: on the line, in the column, under the heading or in the document', () => {
    assert.deepEqual(refs('ISO/IEC 27701 A.7.2.1 and NIST SP 800-53 A.12.3\n'), []);
    assert.deepEqual(refs('| ISO 27001 | ISO 27701 |\n|---|---|\n| A.5.34 | A.7.4.5 |\n'), ['A.5.34']);
    assert.deepEqual(refs('## PCI DSS mapping\n\nA.9.9 and A.3.4.1\n\n## Annex A\n\nA.5.1\n'), ['A.5.1']);
    assert.deepEqual(refs('A.7.2.8 records of processing\n', 'privacy/iso-27701-controls.md'), []);
    assert.deepEqual(refs('Our SOC 2 and ISO 27001 A.5.15 mapping\n'), ['A.5.15'], 'the nearer standard wins');
  });

  it('reads bare IDs, ranges and lists in a controls cell', () => {
    assert.deepEqual(scanBareControls('5.15-5.17, 8.24 Use of cryptography, key management').map((m) => m.id), ['A.5.15', 'A.5.16', 'A.5.17', 'A.8.24']);
    assert.deepEqual(scanBareControls('1.2').map((m) => m.id), [], 'a version number');
  });
});
