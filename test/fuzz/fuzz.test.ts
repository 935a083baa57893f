// Property-based fuzzing of the parser, the scanner, the reference scanner, the table readers and every rule:
// no exception escapes, every range lies inside its document, and the same input always gives the same result.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic, IsmsDocument, Range } from '../../server/src/engine/model';
import { parseDocument } from '../../server/src/engine/parse/document';
import { scanMarkdown } from '../../server/src/engine/parse/scanner';
import { scanControls, scanPattern, riskIdMatcher, parseControlId } from '../../server/src/engine/parse/references';
import { readSoaRows } from '../../server/src/engine/isms/soa';
import { readRisks } from '../../server/src/engine/isms/risks';
import { checkWorkspaceDetailed } from '../../server/src/engine/check';
import { workspaceOf } from '../../server/src/engine/testing/fixtures';
import { parseIsoDate } from '../../server/src/engine/util/dates';
import { anyText, documentText, runs, workspaceFiles } from './arbitraries';

const OPTIONS = { riskIdPattern: 'R-\\d+' };

/** Line lengths of a text as the engine counts lines (\n, \r\n and lone \r end a line). */
function lineLengths(text: string): number[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/).map((l) => l.length);
}

function assertInside(range: Range, lines: number[], what: string): void {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line];
  assert.ok(ok(range.start) && ok(range.end), `${what} ${JSON.stringify(range)} outside ${lines.length} lines`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what} reversed`);
}

function documentRanges(doc: IsmsDocument): [string, Range][] {
  return [
    ...doc.headings.map((h): [string, Range] => ['heading', h.range]),
    ...doc.links.map((l): [string, Range] => ['link', l.range]),
    ...doc.references.map((r): [string, Range] => [`reference ${r.id}`, r.range]),
    ...doc.tables.flatMap((t) => [t.range, ...t.header.map((c) => c.range), ...t.rows.flatMap((r) => [r.range, ...r.cells.map((c) => c.range)])].map((r): [string, Range] => ['table', r])),
    ...doc.parseDiagnostics.map((d): [string, Range] => [d.code, d.range]),
    ...doc.suppressions.map((s): [string, Range] => ['suppression', s.range]),
    ...(doc.frontmatter ? [...doc.frontmatter.fields.values()].flatMap((f): [string, Range][] => [['key', f.keyRange], ['value', f.valueRange]]) : []),
  ];
}

describe('fuzzing', function () {
  this.timeout(Number(process.env.FUZZ_TIMEOUT_MS ?? 120_000));

  it('parser: never throws, ranges inside the document, deterministic', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc = parseDocument('f.md', text, OPTIONS);
        const lines = lineLengths(text);
        assert.equal(doc.lineCount, lines.length);
        for (const [what, range] of documentRanges(doc)) assertInside(range, lines, what);
        assert.deepEqual(JSON.parse(JSON.stringify(parseDocument('f.md', text, OPTIONS), mapsAsArrays)), JSON.parse(JSON.stringify(doc, mapsAsArrays)));
      }),
      runs(150),
    );
  });

  it('scanner: prose keeps every offset, and links and cells lie inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const scan = scanMarkdown(text);
        assert.equal(scan.prose.length, text.length);
        for (const l of scan.links) assert.ok(l.start >= 0 && l.start <= l.end && l.end <= text.length);
        for (const t of scan.tables) for (const c of [...t.header, ...t.rows.flatMap((r) => r.cells)]) assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length);
      }),
      runs(150),
    );
  });

  it('reference scanner: matches are where it says, and IDs parse back', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const m of scanControls(text)) {
          assert.equal(text.slice(m.start, m.end), m.raw);
          assert.ok(m.id.startsWith('A.') || m.id.startsWith('42001:A.'));
        }
        for (const m of scanPattern(text, riskIdMatcher('R-\\d+'))) assert.match(m.id, /^R-\d+$/);
        parseControlId(text);
      }),
      runs(150),
    );
  });

  it('table readers: SoA rows and risks are read from any table without throwing', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc = parseDocument('t.md', text, OPTIONS);
        for (const type of ['soa', 'risk-register', 'risk'] as const) {
          const typed = { ...doc, type, id: doc.id ?? 'R-1', frontmatter: doc.frontmatter ?? undefined };
          readSoaRows(typed);
          if (typed.frontmatter || type !== 'risk') readRisks(typed, riskIdMatcher('R-\\d+'));
        }
      }),
      runs(150),
    );
  });

  it('every rule: no rule fails, findings lie inside their documents, same input same findings', () => {
    const today = parseIsoDate('2026-11-21');
    fc.assert(
      fc.property(workspaceFiles, fc.constantFrom<string[][]>(['iso27001-2022'], ['iso27001-2022', 'iso42001-2023']), (files, catalogs) => {
        const first = checkWorkspaceDetailed(workspaceOf(files, { catalogs }), { today });
        const failed = first.diagnostics.filter((d) => d.code === 'rule-failed');
        assert.deepEqual(failed, []);
        for (const d of [...first.diagnostics, ...first.suppressed.map((s) => s.diagnostic)]) checkInside(d, files);
        const second = checkWorkspaceDetailed(workspaceOf(files, { catalogs }), { today });
        assert.deepEqual(second.diagnostics, first.diagnostics);
      }),
      runs(60),
    );
  });
});

function checkInside(d: Diagnostic, files: Record<string, string>): void {
  if (d.path === '.') return;
  const text = files[d.path];
  assert.ok(text !== undefined, `finding on unknown file ${d.path}`);
  assertInside(d.range, lineLengths(text), `${d.code} on ${d.path}`);
}

function mapsAsArrays(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value.entries()] : value;
}
