// The document model on the edge cases real repositories hold.
import { strict as assert } from 'node:assert';
import { parseDocument } from '../../server/src/engine/parse/document';
import { slugify } from '../../server/src/engine/parse/slug';
import { parseControlId, scanControls } from '../../server/src/engine/parse/references';

const parse = (text: string) => parseDocument('doc.md', text, { riskIdPattern: 'R-\\d+' });
const controls = (text: string) => parse(text).references.filter((r) => r.kind === 'control').map((r) => r.id);

describe('parser', () => {
  it('reads frontmatter fields with their ranges', () => {
    const doc = parse('---\ntype: policy\nid: POL-001\ncontrols:\n  - A.5.1\n  - "8.10"\n---\n# Title\n');
    assert.equal(doc.type, 'policy');
    assert.equal(doc.id, 'POL-001');
    assert.deepEqual(doc.frontmatter!.fields.get('id')!.valueRange, { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    assert.deepEqual(controls(''), []);
    assert.deepEqual(doc.references.map((r) => [r.id, r.range.start.line]), [['A.5.1', 4], ['A.8.10', 5]]);
  });

  it('keeps numeric-looking control IDs as written (8.10 is not 8.1)', () => {
    const doc = parse('---\ntype: policy\ncontrols: [8.10, 5.1]\n---\n');
    assert.deepEqual(doc.references.map((r) => r.id), ['A.8.10', 'A.5.1']);
  });

  it('splits a comma-separated controls string with a range per ID', () => {
    const doc = parse('---\ntype: policy\ncontrols: A.5.1, A.8.28\n---\n');
    assert.deepEqual(doc.references.map((r) => [r.id, r.range.start.character, r.range.end.character]), [['A.5.1', 10, 15], ['A.8.28', 17, 23]]);
  });

  it('handles CRLF line endings', () => {
    const doc = parse('---\r\ntype: policy\r\nid: POL-1\r\n---\r\n# Heading\r\nSee A.8.28.\r\n');
    assert.equal(doc.type, 'policy');
    assert.deepEqual(doc.headings.map((h) => [h.text, h.range.start.line]), [['Heading', 4]]);
    assert.deepEqual(doc.references[0].range, { start: { line: 5, character: 4 }, end: { line: 5, character: 10 } });
  });

  it('ignores a byte-order mark', () => {
    const doc = parse('\uFEFF---\ntype: scope\n---\n# Scope\n');
    assert.equal(doc.type, 'scope');
    assert.equal(doc.headings[0].range.start.character, 0);
  });

  it('treats files without frontmatter, and empty files, as plain Markdown', () => {
    for (const text of ['# Just notes\nA.8.28\n', '', '\n\n']) {
      const doc = parse(text);
      assert.equal(doc.declaredType, undefined);
      assert.equal(doc.frontmatter, undefined);
      assert.deepEqual(doc.parseDiagnostics, []);
    }
  });

  it('keeps the body usable when the frontmatter is broken', () => {
    const doc = parse('---\ntype: [policy\n---\n# Still here\n');
    assert.equal(doc.parseDiagnostics.length > 0, true);
    assert.deepEqual(doc.headings.map((h) => h.text), ['Still here']);
  });

  it('recognises control references in the accepted forms', () => {
    assert.deepEqual(controls('A.8.28, A 8.4, Annex A 5.15, Annex A.8.1, 42001:A.6.2.4 and (A.5.1).'), ['A.8.28', 'A.8.4', 'A.5.15', 'A.8.1', '42001:A.6.2.4', 'A.5.1']);
  });

  it('does not read controls in code, URLs, versions, IP addresses or words', () => {
    const text = [
      'Inline `A.8.28` code.',
      '```\nA.8.28\n```',
      'Link <https://example.com/A.8.28> and https://x.io/a/A.8.28 and www.x.io/A.8.28',
      'Version v8.28.1 and 1.8.28 and host 10.8.28.1 and DATA.8.28 and IPA 8.28',
    ].join('\n\n');
    assert.deepEqual(controls(text), []);
  });

  it('reads bare control numbers only in an SoA control column', () => {
    const table = '| Control | Applicable | Justification |\n|---|---|---|\n| 8.28 | yes | R-001 |\n';
    assert.deepEqual(controls(`---\ntype: soa\n---\n${table}`), ['A.8.28']);
    assert.deepEqual(controls(`---\ntype: policy\n---\n${table}`), []);
  });

  it('reads tables with cell text, ranges and links', () => {
    const doc = parse('| ID | Evidence |\n|---|---|\n| R-001 | [log](records/log.pdf) |\n');
    assert.equal(doc.tables.length, 1);
    assert.deepEqual(doc.tables[0].header.map((c) => c.text), ['ID', 'Evidence']);
    assert.equal(doc.tables[0].rows[0].cells[1].links[0].target, 'records/log.pdf');
    assert.equal(doc.tables[0].rows[0].cells[0].range.start.line, 2);
  });

  it('finds risk IDs as whole tokens only', () => {
    const risks = parse('R-001, (R-2) and XR-3, R-4a, R-5-6').references.filter((r) => r.kind === 'risk').map((r) => r.id);
    assert.deepEqual(risks, ['R-001', 'R-2']);
  });

  it('gives headings GitHub anchors, numbering repeats', () => {
    const doc = parse('# Access Control & Reviews\n## Scope\n## Scope\n');
    assert.deepEqual(doc.headings.map((h) => h.slug), ['access-control--reviews', 'scope', 'scope-1']);
    assert.equal(slugify('Émigré Policy: v2.0!'), 'émigré-policy-v20');
  });

  it('survives deep nesting without overflowing the stack', () => {
    const doc = parse('> '.repeat(3000) + 'A.8.28\n');
    assert.ok(doc.lineCount >= 1);
  });
});

describe('control ID parsing', () => {
  it('normalises standalone IDs', () => {
    assert.equal(parseControlId('A.8.28'), 'A.8.28');
    assert.equal(parseControlId('8.28'), 'A.8.28');
    assert.equal(parseControlId('Annex A 8.28'), 'A.8.28');
    assert.equal(parseControlId('42001:A.6.2.4'), '42001:A.6.2.4');
    assert.equal(parseControlId('v8.28'), undefined);
    assert.equal(parseControlId('ISO 27001'), undefined);
  });

  it('reports match offsets within the text', () => {
    assert.deepEqual(scanControls('see A.5.1.'), [{ id: 'A.5.1', raw: 'A.5.1', start: 4, end: 9 }]);
  });
});
