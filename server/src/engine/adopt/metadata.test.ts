import { strict as assert } from 'node:assert';
import { parseDocument } from '../parse/document';
import { conventionsFrom } from './conventions';
import { defaultConfig, METADATA_SOURCES, type IsmsConfig } from '../config/schema';
import { whereField } from './metadata';
import { readCycle, readDate } from './dates';
import { setField } from '../query/frontmatterEdits';
import { TextLines } from '../query/text';
import { check } from '../testing/fixtures';

const parse = (text: string, config: Partial<IsmsConfig> = {}, path = 'policies/p.md') =>
  parseDocument(path, text, { riskIdPattern: 'R-\\d+', conventions: conventionsFrom({ ...defaultConfig(), metadataSources: [...METADATA_SOURCES], typeGlobs: { 'policies/**': 'policy' }, ...config }) });

describe('metadata where real ISMSs keep it', () => {
  it('reads a key/value Document Control table framed by --- lines, with its values as people write them', () => {
    const doc = parse('---\n| Field | Value |\n|---|---|\n| Document ID | POL-1 |\n| Document Type | Information Security Policy |\n| Status | In force |\n| Review cycle | annual or on major change |\n---\n\n# Access Policy\n\nText.\n', {}, 'x.md');
    assert.equal(doc.type, 'policy');
    assert.equal(doc.id, 'POL-1');
    assert.equal(doc.title, 'Access Policy');
    assert.equal(doc.frontmatter!.data.status, 'approved');
    assert.equal(doc.frontmatter!.data.review_cycle, 'annual');
    assert.equal(doc.metadata, 'document-control-table');
    assert.equal(whereField(doc, 'id'), 'in the Document Control table');
    assert.equal(whereField(doc, 'title'), 'in the first heading');
    assert.deepEqual(doc.parseDiagnostics, []);
  });

  it('titles a page that opens with a lower heading (a module a generator includes) by that heading, and no other page', () => {
    const module = parse('\n### Access Changes and Removal\n\nRequests go through the ticket queue.\n', {}, 'policies/m.md');
    assert.equal(module.title, 'Access Changes and Removal');
    assert.equal(whereField(module, 'title'), 'in the first heading');
    const prose = parse('Requests go through the ticket queue.\n\n### Details\n\nMore.\n', {}, 'policies/n.md');
    assert.equal(prose.title, undefined);
  });

  it('never reads a register, listing, glossary or change log as metadata', () => {
    const register = '# Policies\n\n| Document | Owner | Status |\n|---|---|---|\n| Access | CISO | draft |\n| Backup | CTO | live |\n';
    assert.equal(parse(register).frontmatter!.data.owner, undefined);
    const glossary = '# P\n\n## Terms\n\n| Term | Meaning |\n|---|---|\n| Owner | who answers |\n| Status | state |\n';
    assert.equal(parse(glossary).frontmatter!.data.owner, undefined);
    const history = '# P\n\n| Version | Date | Author | Change |\n|---|---|---|---|\n| 1.0 | 2024-01-02 | Ann | First |\n';
    const doc = parse(history);
    assert.equal(doc.frontmatter!.data.version, undefined);
    assert.equal(doc.frontmatter!.data.owner, undefined);
    // ...but its latest row is evidence of the last review.
    assert.equal(doc.frontmatter!.data.last_reviewed, '2024-01-02');
    assert.equal(whereField(doc, 'last_reviewed'), 'in the revision history (its latest entry)');
    // A key/value table further down, under an ordinary section, is content.
    assert.equal(parse('# P\n\n## Roles\n\n| Owner | CISO |\n|---|---|\n| Approved by | CEO |\n').frontmatter!.data.owner, undefined);
  });

  it('reads a horizontal table only with exactly one data row', () => {
    assert.equal(parse('# P\n\n| Document ID | Owner |\n|---|---|\n| POL-2 | CTO |\n').id, 'POL-2');
    assert.equal(parse('# P\n\n| Document ID | Owner |\n|---|---|\n| POL-2 | CTO |\n| POL-3 | CFO |\n').id, undefined);
  });

  it('reads bold lines and blockquotes at the top or in a document-control section at the end', () => {
    const doc = parse('# Backup\n\n**Document ID:** POL-4\n\n## Rules\n\nText with **Note:** nothing.\n\n## Document control\n\n> **Owner:** Ops Lead\n> Last reviewed: 2026-01-05\n');
    assert.equal(doc.id, 'POL-4');
    assert.equal(doc.frontmatter!.data.owner, 'Ops Lead');
    assert.equal(whereField(doc, 'owner'), 'in the blockquote header');
    assert.equal(doc.frontmatter!.data.last_reviewed, '2026-01-05');
    // Bold lines inside an ordinary section are prose.
    assert.equal(parse('# P\n\n## Roles\n\n**Owner:** everyone\n').frontmatter!.data.owner, undefined);
  });

  it('reads a "Document information" list in other languages too, ignoring the remark after a date', () => {
    const doc = parse('# Richtlinie\n\n## 1. Kopf\n\n- Titel: Richtlinie Fernzugriff.\n- Verantwortlich: Praxisleitung\n- Zuletzt überprüft: 2026-08-05.\n- Nächste Überprüfung: 2027-08-05, früher bei Bedarf.\n\n## 2. Regeln\n\n- Owner: not metadata here\n');
    assert.equal(doc.title, 'Richtlinie Fernzugriff');
    assert.equal(doc.frontmatter!.data.owner, 'Praxisleitung');
    assert.equal(doc.frontmatter!.data.next_review, '2027-08-05');
    assert.equal(whereField(doc, 'owner'), 'in the document information list');
  });

  it('reads YAML frontmatter wrapped in an HTML comment', () => {
    const doc = parse('<!--\n---\nid: POL-5\nowner: CISO\n---\n-->\n\n# Crypto\n');
    assert.equal(doc.id, 'POL-5');
    assert.equal(doc.title, 'Crypto');
    assert.equal(doc.metadata, 'html-comment');
    assert.deepEqual(doc.frontmatter!.fields.get('id')!.keyRange.start, { line: 2, character: 0 });
  });

  it('takes a revision list in the frontmatter as the last review, never over a stated one', () => {
    const revisions = '---\ntype: policy\nmajorRevisions:\n  - date: Jun 1 2018\n    comment: First\n  - date: Mar 3 2019\n---\n# P\n';
    const doc = parse(revisions);
    assert.equal(doc.frontmatter!.data.last_reviewed, '2019-03-03');
    assert.equal(doc.frontmatter!.data.review_cycle, 'annual');
    assert.equal(parse(revisions.replace('type: policy', 'type: policy\nnext_review: 2027-01-01')).frontmatter!.data.last_reviewed, undefined);
    assert.equal(parse(revisions, { defaultReviewCycle: '' }).frontmatter!.data.review_cycle, undefined);
  });

  it('does not take a static-site type or an _index.md page as an ISMS document', () => {
    assert.equal(parse('---\ntitle: Handbook\ntype: docs\n---\n', { typeGlobs: {} }, 'handbook/x.md').declaredType, undefined);
    assert.equal(parse('---\ntitle: Policies\n---\n', {}, 'policies/_index.md').type, undefined);
    // A glob still types a page whose only type is the site generator's.
    assert.equal(parse('---\ntitle: Access\ntype: page\n---\n', {}, 'policies/access.md').type, 'policy');
  });

  it('knows a document\'s language from its field, file name or folder', () => {
    assert.equal(parse('---\nid: P\nlang: DE\n---\n').lang, 'de');
    assert.equal(parse('---\nid: P\n---\n', {}, 'policies/access.fr.md').lang, 'fr');
    assert.equal(parse('---\nid: P\n---\n', {}, 'policies/en.md').lang, 'en');
    assert.equal(parse('---\nid: P\n---\n', {}, 'ja/policies/access.md').lang, 'ja');
    assert.equal(parse('---\nid: P\nsprache: nl\n---\n', { languageField: 'sprache' }).lang, 'nl');
    assert.equal(parse('---\nid: P\n---\n', {}, 'policies/access.md').lang, undefined);
  });
});

describe('dates and cycles as people write them', () => {
  it('reads unambiguous dates, and says when day and month could be swapped', () => {
    assert.deepEqual(readDate('15/01/2026'), { iso: '2026-01-15', ambiguous: false });
    assert.deepEqual(readDate('01/15/2026'), { iso: '2026-01-15', ambiguous: false });
    assert.deepEqual(readDate('15.01.2026'), { iso: '2026-01-15', ambiguous: false });
    assert.deepEqual(readDate('03/04/2026'), { iso: '2026-04-03', ambiguous: true });
    assert.deepEqual(readDate('03/04/2026', 'MM/DD/YYYY'), { iso: '2026-03-04', ambiguous: false });
    assert.equal(readDate('15 January 2026')?.iso, '2026-01-15');
    assert.equal(readDate('January 15th, 2026')?.iso, '2026-01-15');
    assert.equal(readDate('Jun 1 2018')?.iso, '2018-06-01');
    assert.equal(readDate('5. März 2026')?.iso, '2026-03-05');
    assert.equal(readDate('31/02/2026'), undefined);
    assert.equal(readDate('next spring'), undefined);
  });

  it('reads a cycle with a qualifier, and leaves the unreadable alone', () => {
    assert.equal(readCycle('Annual or on major change'), 'annual');
    assert.equal(readCycle('every 6 months'), 'semiannual');
    assert.equal(readCycle('annual'), undefined); // already the checker's form
    assert.equal(readCycle('fortnightly'), undefined);
  });
});

describe('editing metadata where it lives', () => {
  const edit = (text: string, key: string, value: string) => {
    const doc = parse(text);
    return setField(doc, new TextLines(text), key, value);
  };

  it('replaces a value in a Document Control table cell and never writes YAML into the body', () => {
    const text = '# P\n\n| Field | Value |\n|---|---|\n| Owner | CTO |\n| Last reviewed | 2025-01-02 |\n';
    assert.deepEqual(edit(text, 'last_reviewed', '2026-11-21'), { range: { start: { line: 5, character: 18 }, end: { line: 5, character: 28 } }, newText: '2026-11-21' });
    assert.equal(edit(text, 'next_review', '2027-11-21'), undefined);
  });

  it('never overwrites a revision-history row or the title heading, and inserts into HTML-comment frontmatter before its fence', () => {
    assert.equal(edit('# P\n\n## Revision history\n\n| Version | Date | Change |\n|---|---|---|\n| 1 | 2024-01-02 | x |\n', 'last_reviewed', '2026-11-21'), undefined);
    const commented = '<!--\n---\nid: POL-5\n---\n-->\n# Crypto\n';
    assert.deepEqual(edit(commented, 'last_reviewed', '2026-11-21'), { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'last_reviewed: 2026-11-21\n' });
  });
});

describe('findings say where the value lives', () => {
  it('names the Document Control table for an unknown type and a date that is no day', () => {
    const text = '# Guide\n\n| Field | Value |\n|---|---|\n| Document ID | G-1 |\n| Document Type | Guideline |\n| Last review | 31/02/2026 |\n';
    const found = check({ 'g.md': text }, { config: { metadataSources: ['document-control-table'] } });
    assert.match(found.find((d) => d.code === 'unknown-type')!.message, /Unknown document type "Guideline" in the Document Control table\..*typeAliases/);
    const typed = check({ 'g.md': text.replace('Guideline', 'Information Security Policy') }, { config: { metadataSources: ['document-control-table'] } });
    assert.match(typed.find((d) => d.code === 'frontmatter-invalid-value')!.message, /`last_reviewed` in the Document Control table is "31\/02\/2026", which is not a calendar date/);
    assert.match(typed.find((d) => d.code === 'frontmatter-missing-field')!.message, /no `owner`\. Add it to the Document Control table, e\.g\. `Owner: Head of Security`/);
    assert.equal(typed.find((d) => d.code === 'unknown-type'), undefined);
  });
});
