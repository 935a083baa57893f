// Hover, go to definition, find references and document highlights through the protocol, on the fixture workspace.
import { strict as assert } from 'node:assert';
import { DocumentHighlightKind, type DocumentHighlight, type Hover, type Location } from 'vscode-languageserver-protocol';
import { Fixture } from './fixture';

const text = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('language server: hover', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  it('shows a control’s catalog entry, SoA row and usage', async () => {
    const h = await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'A.5.15 and', 1, 2));
    const md = text(h);
    assert.match(md, /A\.5\.15 · Access control/);
    assert.match(md, /ISO\/IEC 27001:2022 Annex A · Organizational/);
    assert.match(md, /SoA\*\* \(`soa\/soa\.md:17`\): applicable \*\*yes\*\* · status: implemented/);
    assert.match(md, /Justification: R-001: unauthorised access/);
    // R-001 (register controls column); access-control.md (frontmatter and body) and register.md.
    assert.match(md, /Referenced by 1 risk and 2 documents\./);
    assert.deepEqual(h.range, { start: f.pos('policies/access-control.md', 'A.5.15 and'), end: f.pos('policies/access-control.md', 'A.5.15 and', 1, 6) });
  });

  it('shows the 2022 mapping of a 2013 control ID', async () => {
    const md = text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'A.12.6.1', 2)));
    assert.match(md, /A\.12\.6\.1\*\* · ISO\/IEC 27001:2013 \(withdrawn\): Management of technical vulnerabilities/);
    assert.match(md, /In ISO\/IEC 27001:2022 Annex A: \*\*A\.8\.8\*\* Management of technical vulnerabilities/);
  });

  it('shows a risk’s register row', async () => {
    const md = text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'R-001 and')));
    assert.match(md, /\*\*R-001 · Unauthorised access to customer data\*\*/);
    assert.match(md, /Owner: CTO · Likelihood 3 × Impact 5 = Score 15 · Treatment: modify/);
    assert.match(md, /Controls: A\.5\.15, A\.8\.2/);
    assert.match(md, /Defined in `risk\/register\.md:18`/);
  });

  it('shows a risk document as a risk', async () => {
    const md = text(await f.request<Hover>('textDocument/hover', f.at('risk/r-003.md', 'R-003', 2)));
    assert.match(md, /\*\*R-003 · Breach at a hosting supplier\*\*/);
    assert.match(md, /Likelihood 2 × Impact 3 = Score 6 · Treatment: accept/);
  });

  it('shows a related document’s title, owner, status and review state', async () => {
    const md = text(await f.request<Hover>('textDocument/hover', f.at('scope.md', 'POL-001')));
    assert.match(md, /\*\*POL-001 · Access Control Policy\*\*/);
    assert.match(md, /policy · owner: CISO · status: approved · version 1\.0/);
    assert.match(md, /last reviewed 2025-06-01 \(annual\) · next review 2026-06-01, \*\*overdue\*\* by 173 days/);
    const soon = text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'POL-002')));
    assert.match(soon, /next review 2026-12-10, due in 19 days/);
  });

  it('says so for unknown IDs, and stays silent on ID-shaped prose', async () => {
    assert.match(text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'R-099'))), /R-099\*\*: not defined/);
    assert.match(text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'A.9.99'))), /not a control of any enabled catalog/);
    assert.equal(await f.request('textDocument/hover', f.at('policies/crypto.md', 'SHA-256')), null);
    assert.equal(await f.request('textDocument/hover', f.at('policies/access-control.md', 'quarterly')), null);
  });
});

describe('language server: definition', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  const one = async (rel: string, needle: string, nth = 1, delta = 0) => {
    const found = await f.request<Location[] | null>('textDocument/definition', f.at(rel, needle, nth, delta));
    assert.ok(found && found.length === 1, `one definition for ${needle}: ${JSON.stringify(found)}`);
    return found[0];
  };

  it('goes from a control ID to its SoA row', async () => {
    const loc = await one('policies/access-control.md', 'A.5.15');
    assert.equal(loc.uri, f.uri('soa/soa.md'));
    assert.equal(loc.range.start.line, f.pos('soa/soa.md', '| A.5.15').line);
  });

  it('goes from a risk ID to its register row, or to its risk document', async () => {
    const row = await one('exceptions/break-glass.md', 'R-001');
    assert.equal(row.uri, f.uri('risk/register.md'));
    assert.equal(row.range.start.line, f.pos('risk/register.md', '| R-001').line);
    const doc = await one('risk/r-003.md', 'R-001');
    assert.equal(doc.uri, f.uri('risk/register.md'));
  });

  it('goes from a document ID to the document', async () => {
    const loc = await one('exceptions/break-glass.md', 'POL-001');
    assert.deepEqual(loc, { uri: f.uri('policies/access-control.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  });

  it('follows relative links to the file and the heading', async () => {
    const heading = await one('policies/access-control.md', 'crypto.md#key-management', 1, 3);
    assert.equal(heading.uri, f.uri('policies/crypto.md'));
    assert.equal(heading.range.start.line, f.pos('policies/crypto.md', '## Key management').line);
    const file = await one('scope.md', '](soa/soa.md)', 1, 4);
    assert.equal(file.uri, f.uri('soa/soa.md'));
    assert.equal(file.range.start.line, 0);
  });

  it('returns nothing for plain text', async () => {
    assert.equal(await f.request('textDocument/definition', f.at('policies/access-control.md', 'quarterly')), null);
  });
});

describe('language server: references', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  const refs = async (rel: string, needle: string, includeDeclaration: boolean, nth = 1, delta = 0) => {
    const found = await f.request<Location[]>('textDocument/references', { ...f.at(rel, needle, nth, delta), context: { includeDeclaration } });
    return found.map((l) => `${l.uri.slice(f.uri('').length + 1)}:${l.range.start.line}:${l.range.start.character}`);
  };

  it('finds a control in frontmatter and body across files, with the SoA row as declaration', async () => {
    const without = await refs('policies/access-control.md', 'A.5.15', false);
    const p = (needle: string, nth = 1) => f.pos('policies/access-control.md', needle, nth);
    const r = f.pos('risk/register.md', 'A.5.15');
    assert.deepEqual(without, [
      `policies/access-control.md:${p('A.5.15').line}:${p('A.5.15').character}`,
      `policies/access-control.md:${p('A.5.15', 2).line}:${p('A.5.15', 2).character}`,
      `risk/register.md:${r.line}:${r.character}`,
    ]);
    const withDecl = await refs('policies/access-control.md', 'A.5.15', true);
    const s = f.pos('soa/soa.md', 'A.5.15');
    assert.deepEqual(withDecl, [...without, `soa/soa.md:${s.line}:${s.character}`].sort());
  });

  it('finds a risk everywhere, the register cell being its declaration', async () => {
    const without = await refs('risk/register.md', '| R-001', false, 1, 2);
    assert.ok(!without.some((r) => r.startsWith('risk/register.md')), without.join());
    assert.deepEqual([...new Set(without.map((r) => r.split(':')[0]))], ['exceptions/break-glass.md', 'policies/access-control.md', 'risk/r-003.md', 'soa/soa.md']);
    const withDecl = await refs('risk/register.md', '| R-001', true, 1, 2);
    assert.equal(withDecl.length, without.length + 1);
    const decl = f.pos('risk/register.md', '| R-001', 1, 2);
    assert.ok(withDecl.includes(`risk/register.md:${decl.line}:${decl.character}`));
  });

  it('finds a document ID from its own `id:` line', async () => {
    const without = await refs('policies/access-control.md', 'POL-001', false);
    assert.deepEqual(without.map((r) => r.split(':')[0]), ['exceptions/break-glass.md', 'policies/crypto.md', 'scope.md']);
    const withDecl = await refs('policies/access-control.md', 'POL-001', true);
    const decl = f.pos('policies/access-control.md', 'POL-001');
    assert.ok(withDecl.includes(`policies/access-control.md:${decl.line}:${decl.character}`));
  });

  it('ignores Markdown outside the ISMS', async () => {
    const all = await refs('risk/register.md', '| R-001', true, 1, 2);
    assert.ok(!all.some((r) => r.startsWith('README.md')));
  });
});

describe('language server: document highlights', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  const highlights = async (rel: string, needle: string, nth = 1, delta = 0) => {
    const found = await f.request<DocumentHighlight[] | null>('textDocument/documentHighlight', f.at(rel, needle, nth, delta));
    return (found ?? []).map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character}:${h.kind === DocumentHighlightKind.Write ? 'write' : 'read'}`);
  };
  const span = (rel: string, needle: string, nth: number, length: number, kind: 'read' | 'write', delta = 0) => {
    const p = f.pos(rel, needle, nth, delta);
    return `${p.line}:${p.character}-${p.character + length}:${kind}`;
  };

  it('lights up every mention of the control ID under the cursor, not the word "A"', async () => {
    const rel = 'policies/access-control.md';
    assert.deepEqual(await highlights(rel, 'A.5.15 and', 1, 1), [span(rel, 'A.5.15', 1, 6, 'read'), span(rel, 'A.5.15', 2, 6, 'read')]);
    assert.deepEqual(await highlights(rel, 'A.12.6.1', 2), [span(rel, 'A.12.6.1', 1, 8, 'read'), span(rel, 'A.12.6.1', 2, 8, 'read')]);
  });

  it('marks where an ID is declared: a register row, a risk document’s or a document’s `id:`', async () => {
    assert.deepEqual(await highlights('risk/register.md', '| R-001', 1, 3), [span('risk/register.md', '| R-001', 1, 5, 'write', 2)]);
    assert.deepEqual(await highlights('risk/r-003.md', 'R-003'), [span('risk/r-003.md', 'R-003', 1, 5, 'write'), span('risk/r-003.md', '# R-003', 1, 5, 'read', 2)]);
    const rel = 'policies/access-control.md';
    assert.deepEqual(await highlights(rel, 'POL-001'), [span(rel, 'POL-001', 1, 7, 'write')]);
  });

  it('returns nothing for plain text and links', async () => {
    assert.equal(await f.request('textDocument/documentHighlight', f.at('policies/access-control.md', 'quarterly')), null);
    assert.equal(await f.request('textDocument/documentHighlight', f.at('policies/access-control.md', 'crypto.md#key', 1, 2)), null);
  });
});
