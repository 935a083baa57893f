// Parses one Markdown file into the compact document model: frontmatter (with exact ranges), headings,
// links, tables and ID references. The scanner extracts these in one pass; no syntax tree is kept.
import { runToEnd } from '../util/steps';
import {
  DOCUMENT_TYPES,
  type DocumentType,
  type IsmsDocument,
  type Link,
  type Reference,
  type Table,
  type TableCell,
} from '../model';
import { LineIndex } from '../util/lineIndex';
import { SlugCounter, customHeadingId } from './slug';
import { looksLikeUnclosedFrontmatter, parseFrontmatter, type FrontmatterBlock } from './frontmatter';
import { scanMarkdown, type ScannedCell, type ScannedLink, type ScanOutput } from './scanner';
import { DEFAULT_ACTION_ID_PATTERN, DOCUMENT_ID_SHAPE, riskIdMatcher, scanBareControls, scanControls, scanPattern, urlSpans, type ControlMatch } from './references';
import { ISO27001_NAMED, nearestMention, otherStandardIn, standardMentions, type Mention } from '../adopt/notation';
import { ISO42001_PREFIX } from '../catalogs/catalog';
import { riskColumnRoles, soaColumnRoles, type ColumnOverrides } from '../adopt/columns';
import { readSuppressions } from './suppressions';
import { readRiskRecords } from './records';
import { detach, intern } from './detach';
import { readListItems, readStatements } from './statements';
import { scanPlaceholders } from './placeholders';
import { applyAliases, applyDefaultCycle, documentLanguage, flattenFrameworkControls, inferType, normaliseValues, NO_CONVENTIONS, type Conventions } from '../adopt/conventions';
import { completeMetadata, readBodySources } from '../adopt/metadata';
import { setAsidePlaceholders } from '../adopt/placeholders';
import { templateEvidence } from '../adopt/templates';
import { readControlEntries } from './controlEntries';
import { position, sharedRange } from '../util/position';

export interface ParseOptions {
  riskIdPattern: string;
  /** Action IDs (`ACT-12`); the default when absent. */
  actionIdPattern?: string;
  /** Other metadata conventions the workspace is configured for (aliases, type globs, ...). */
  conventions?: Conventions;
  /** Configured header names of SoA and risk register columns (`soaColumns`, `riskColumns`). */
  columns?: { soa?: ColumnOverrides; risk?: ColumnOverrides };
}

/** Frontmatter keys whose entries are references, and what they refer to. */
export const REFERENCE_KEYS: Record<string, Reference['kind']> = { controls: 'control', risks: 'risk', related: 'document' };

export function parseDocument(path: string, rawText: string, options: ParseOptions): IsmsDocument {
  return runToEnd(parseDocumentSteps(path, rawText, options));
}

/**
 * parseDocument in steps: it pauses between its larger parts (the block scan, the tables' cells, the reference
 * scans, list items and statements), so a caller can parse a large document over turns of the event loop (a
 * 2,000-row register takes 50-100 ms in all; see IsmsWorkspace.parseAhead). The same code runs either way.
 */
export function* parseDocumentSteps(path: string, rawText: string, options: ParseOptions): Generator<void, IsmsDocument, void> {
  // Editors never show a byte-order mark, so positions are computed without it.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const doc: IsmsDocument = {
    path,
    headings: [],
    links: [],
    tables: [],
    references: [],
    listItems: [],
    statements: [],
    suppressions: [],
    parseDiagnostics: [],
    lineCount: lines.lineCount,
  };
  const riskMatcher = riskIdMatcher(options.riskIdPattern);
  const actionMatcher = riskIdMatcher(options.actionIdPattern ?? DEFAULT_ACTION_ID_PATTERN, DEFAULT_ACTION_ID_PATTERN);

  const conventions = options.conventions ?? NO_CONVENTIONS;

  const fenced = findFrontmatter(text, conventions.frontmatterStyle);
  const commented = fenced ? undefined : findCommentedFrontmatter(text);
  const block = fenced ?? commented;
  if (block) {
    const { frontmatter, diagnostics } = parseFrontmatter(path, block, lines);
    doc.frontmatter = frontmatter;
    frontmatter.yaml = true;
    if (Object.keys(frontmatter.data).length) doc.metadata = commented ? 'html-comment' : 'frontmatter';
    doc.parseDiagnostics.push(...diagnostics);
    applyAliases(frontmatter, conventions.fieldAliases);
    flattenFrameworkControls(frontmatter);
    setAsidePlaceholders(frontmatter);
  } else if (looksLikeUnclosedFrontmatter(text)) {
    doc.parseDiagnostics.push({
      path,
      range: lines.lineRange(0),
      severity: 'error',
      code: 'frontmatter-syntax',
      message: 'Frontmatter opened with --- on line 1 is never closed. Add a line with --- after the last field.',
      data: { typed: /^type[ \t]*:/m.test(text.slice(0, 4096)) },
    });
  }

  const bodyStart = block?.bodyStart ?? 0;
  const scan = yield* readBody(text, bodyStart, doc, lines, riskMatcher, actionMatcher);
  yield;
  readBodySources(doc, text, bodyStart, lines, { sources: conventions.metadataSources, aliases: conventions.fieldAliases });
  normaliseValues(doc, conventions);
  inferType(doc, conventions);
  if (doc.frontmatter) {
    completeMetadata(doc, text, bodyStart, lines, conventions.dateFormat);
    applyDefaultCycle(doc, conventions);
    doc.lang = documentLanguage(doc, conventions);
    readDeclaredFields(doc);
    collectFrontmatterReferences(doc);
  }
  if (doc.type) {
    const title = doc.frontmatter?.data.title;
    doc.template = templateEvidence(path, typeof title === 'string' ? title : undefined, doc.headings.find((h) => h.depth === 1)?.text)?.because;
  }
  resolveColumns(doc, options, riskMatcher);
  dropOwnRiskRows(doc, riskMatcher);
  if (doc.type === 'risk-register' || doc.type === 'risk') addRiskRecords(doc, text, lines, riskMatcher, options.columns?.risk);
  if (doc.type === 'scope' || doc.type === 'context') doc.sectionText = sectionTexts(scan.prose, scan.headings, bodyStart);
  // In an SoA the control column may hold bare numbers (`8.28`): those are control references too.
  if (doc.type === 'soa') for (const table of doc.tables) addBareSoaControls(table, doc);
  if (doc.type === 'soa') doc.controlEntries = readControlEntries(text)?.table;
  doc.references.sort(byStart);
  return doc;
}

/**
 * `---` on the first line, YAML, then `---` on a line of its own. With the `yaml-first` style, also YAML fields
 * from the first line, closed by one `---` line.
 */
export function findFrontmatter(text: string, style: 'fenced' | 'yaml-first' = 'fenced'): (FrontmatterBlock & { bodyStart: number }) | undefined {
  const open = /^---[ \t]*(?:\r\n|\n|\r)/.exec(text);
  if (!open) return style === 'yaml-first' ? findOpenEndedFrontmatter(text) : undefined;
  const close = /(?:^|\r\n|\n|\r)---[ \t]*(?:\r\n|\n|\r|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return undefined;
  // A Document Control table framed by --- lines is Markdown, not YAML.
  if (/^\s*\|/.test(text.slice(open[0].length, m.index))) return undefined;
  const lead = /^(\r\n|\n|\r)/.exec(m[0])?.[0].length ?? 0;
  const fenceStart = m.index + lead;
  const contentStart = open[0].length;
  return {
    start: 0,
    end: fenceStart + 3,
    content: text.slice(contentStart, Math.max(contentStart, m.index)),
    contentStart,
    bodyStart: m.index + m[0].length,
  };
}

/** YAML frontmatter wrapped in an HTML comment at the top, so that renderers hide it: `<!--`, `---`, YAML, `---`, `-->`. */
function findCommentedFrontmatter(text: string): (FrontmatterBlock & { bodyStart: number }) | undefined {
  const m = /^(?:[ \t]*(?:\r\n|\n|\r))*<!--[ \t]*(?:\r\n|\n|\r)(---[ \t]*(?:\r\n|\n|\r))?([\s\S]*?)(?:\r\n|\n|\r)(---[ \t]*(?:\r\n|\n|\r))?[ \t]*-->[ \t]*(?:\r\n|\n|\r|$)/.exec(text);
  if (!m || !/^[\w-]+[ \t]*:/.test(m[2])) return undefined;
  const start = m[0].indexOf('<!--');
  const contentStart = start + m[0].slice(start).indexOf(m[2]);
  const contentEnd = contentStart + m[2].length;
  // The block ends on its closing fence (new fields go before it), or on the `-->` line when it has none.
  const fence = m[3] ? text.indexOf('---', contentEnd) : m[0].lastIndexOf('-->');
  return { start, end: fence + 3, content: m[2], contentStart, bodyStart: m[0].length };
}

/** YAML from the first line (which must be a `key:` field) up to the first `---` line. */
function findOpenEndedFrontmatter(text: string): (FrontmatterBlock & { bodyStart: number }) | undefined {
  if (!/^[\w-]+[ \t]*:/.test(text)) return undefined;
  const close = /(?:\r\n|\n|\r)---[ \t]*(?:\r\n|\n|\r|$)/.exec(text);
  if (!close) return undefined;
  const lead = close[0].startsWith('\r\n') ? 2 : 1;
  return { start: 0, end: close.index + lead + 3, content: text.slice(0, close.index), contentStart: 0, bodyStart: close.index + close[0].length };
}

function readDeclaredFields(doc: IsmsDocument): void {
  const data = doc.frontmatter!.data;
  if (data.type !== undefined && data.type !== null) {
    doc.declaredType = String(data.type);
    const normalised = doc.declaredType.trim().toLowerCase();
    if ((DOCUMENT_TYPES as readonly string[]).includes(normalised)) doc.type = normalised as DocumentType;
  }
  if (typeof data.id === 'string' || typeof data.id === 'number') doc.id = String(data.id).trim();
  if (typeof data.title === 'string') doc.title = data.title.trim();
}

function collectFrontmatterReferences(doc: IsmsDocument): void {
  for (const [key, kind] of Object.entries(REFERENCE_KEYS)) {
    for (const item of doc.frontmatter!.items.get(key) ?? []) {
      if (typeof item.value !== 'string' && typeof item.value !== 'number') continue;
      // A single string may list several IDs: `controls: A.5.1, A.8.28`, `A.5.15-5.18`, `A.5.15 - Access control`.
      const raw = String(item.value);
      const parts = key === 'controls' || raw.includes(',') ? raw.split(/[,;]/) : [raw];
      let offset = 0;
      let titled = false;
      for (const part of parts) {
        const trimmed = part.trim();
        const lead = part.length - part.trimStart().length;
        const at = offset + lead;
        offset += part.length + 1;
        if (!trimmed) continue;
        const range = (from: number, length: number) => (parts.length === 1 && from === lead && length === trimmed.length ? item.range : shiftRange(item.range, from, length));
        if (kind === 'control') {
          const found = scanBareControls(trimmed);
          if (found.length) {
            for (const m of found) pushRef(doc, { kind, id: m.id, raw: m.raw, range: range(at + m.start, m.end - m.start), source: key }, m.edition);
            titled = /\p{L}{2}/u.test(trimmed.slice(found[found.length - 1].end));
            continue;
          }
          // A comma inside a title (`A.5.15 Access control, identity`) does not start another reference.
          if (titled && !/\d/.test(trimmed)) continue;
        }
        titled = false;
        doc.references.push({ kind, id: intern(trimmed), raw: intern(trimmed), range: range(at, trimmed.length), source: key });
      }
    }
  }
}

function pushRef(doc: IsmsDocument, ref: Reference, edition?: '2013'): void {
  ref.id = intern(ref.id);
  ref.raw = intern(ref.raw);
  if (edition) ref.edition = edition;
  doc.references.push(ref);
}

/** Narrows a single-line range to a part of it (for comma-separated lists in one scalar). */
function shiftRange(range: Reference['range'], from: number, length: number): Reference['range'] {
  if (range.start.line !== range.end.line) return range;
  const start = range.start.character + from;
  return sharedRange(position(range.start.line, start), position(range.start.line, start + length));
}

/** The prose under each heading, whitespace collapsed: [0] before the first heading. */
function sectionTexts(prose: string, headings: { start: number; end: number }[], bodyStart: number): string[] {
  const bounds = [bodyStart, ...headings.flatMap((h) => [h.start, h.end]), prose.length];
  const out: string[] = [];
  for (let i = 0; i < bounds.length; i += 2) out.push(detach(prose.slice(bounds[i], bounds[i + 1]).replace(/\s+/g, ' ').trim()));
  return out;
}

/** Rows of a table read per step of parseDocumentSteps. */
const TABLE_ROWS_PER_STEP = 500;

function* readBody(text: string, bodyStart: number, doc: IsmsDocument, lines: LineIndex, riskMatcher: RegExp, actionMatcher: RegExp): Generator<void, ReturnType<typeof scanMarkdown>, void> {
  const scan = scanMarkdown(text, bodyStart);
  yield;
  const link = (l: ScannedLink): Link => ({ target: safeDecode(l.target), range: lines.range(l.start, l.end), image: l.image });
  const slugs = new SlugCounter();
  doc.headings = scan.headings.map((h) => ({ depth: h.depth, text: intern(customHeadingId(h.text)?.text ?? h.text), slug: intern(slugs.next(h.text)), range: lines.range(h.start, h.end) }));
  doc.links = scan.links.map(link).sort(byStart);
  const cell = (c: ScannedCell): TableCell => ({ text: intern(c.text), range: lines.range(c.start, c.end), links: c.links.map(link) });
  doc.tables = [];
  for (const t of scan.tables) {
    const header = t.header.map(cell);
    const rows: Table['rows'] = [];
    for (const r of t.rows) {
      rows.push({ cells: r.cells.map(cell), range: lines.range(r.start, r.end) });
      if (rows.length % TABLE_ROWS_PER_STEP === 0) yield; // the cells of a 2,000-row table were the largest step
    }
    doc.tables.push({ header, rows, range: lines.range(t.start, t.end) });
  }
  yield;

  const inTable = (offset: number) => scan.tables.some((t) => offset >= t.start && offset < t.end);
  const push = (kind: Reference['kind'], m: ControlMatch) => {
    const ref: Reference = { kind, id: intern(m.id), raw: intern(m.raw), range: lines.range(m.start, m.end), source: inTable(m.start) ? 'table' : 'body' };
    if (m.edition) ref.edition = m.edition;
    doc.references.push(ref);
  };
  const prose = scan.prose;
  const urls = urlSpans(prose); // once for the three scans below
  const controls = scanControls(prose, urls);
  if (controls.length) {
    const otherStandard = otherStandardContext(text, scan, [String(doc.frontmatter?.data.title ?? ''), doc.path].join(' '));
    for (const m of controls) if (m.id.startsWith(ISO42001_PREFIX) || !otherStandard(m.start)) push('control', m);
  }
  const risks = scanPattern(prose, riskMatcher, urls);
  for (const m of risks) push('risk', m);
  const riskStarts = new Set(risks.map((r) => r.start));
  for (const m of scanPattern(prose, actionMatcher, urls)) if (!riskStarts.has(m.start)) {
    push('action', m);
    riskStarts.add(m.start);
  }
  for (const m of scanPattern(prose, DOCUMENT_ID_SHAPE, urls)) if (!riskStarts.has(m.start)) push('document', m);
  yield;
  doc.listItems = readListItems(text, prose, bodyStart, lines);
  doc.statements = readStatements(text, prose, bodyStart, lines);
  doc.suppressions = readSuppressions(doc, text, scan.html, lines);
  // The frontmatter is blanked: its values are judged by the rule, field by field.
  const placeholders = scanPlaceholders(prose, ' '.repeat(bodyStart) + text.slice(bodyStart));
  if (placeholders.length) doc.placeholders = placeholders.map((p) => ({ text: intern(p.text), range: lines.range(p.start, p.end) }));
  return scan;
}

/**
 * Whether the ID at an offset belongs to another standard (ISO/IEC 27701, 27017, NIST, SOC 2, ...): the standard
 * its line names nearest to it, else its table column's header, else the nearest enclosing heading that names
 * one, else the document's title or path. A mention of ISO/IEC 27001 keeps it with 27001.
 */
function otherStandardContext(text: string, scan: ScanOutput, documentName: string): (offset: number) => boolean {
  const headings = scan.headings;
  const headingVerdict = headings.map((h) => verdict(h.text));
  // Each heading's parent (the nearest earlier heading of smaller depth), so a chain is at most six steps.
  const parent: number[] = [];
  const stack: number[] = [];
  headings.forEach((h, i) => {
    while (stack.length && headings[stack[stack.length - 1]].depth >= h.depth) stack.pop();
    parent.push(stack.length ? stack[stack.length - 1] : -1);
    stack.push(i);
  });
  const documentVerdict = verdict(`${documentName} ${headings.find((h) => h.depth === 1)?.text ?? ''}`);
  // References come in text order: the current line and heading move forward only (a 100,000-ID line stays linear).
  let line = { start: -1, end: -1, mentions: [] as Mention[] };
  let heading = -1;
  return (offset) => {
    if (offset < line.start || offset > line.end) {
      const start = text.lastIndexOf('\n', offset - 1) + 1;
      let end = text.indexOf('\n', offset);
      if (end < 0) end = text.length;
      line = { start, end, mentions: standardMentions(text.slice(start, end)) };
    }
    const onLine = nearestMention(line.mentions, offset - line.start);
    if (onLine) return onLine !== 'ISO/IEC 27001';
    for (const table of scan.tables) {
      if (offset < table.start || offset >= table.end) continue;
      const row = rowAt(table.rows, offset);
      const column = row ? row.cells.findIndex((c) => offset >= c.start && offset <= c.end) : -1;
      const header = column >= 0 ? verdict(table.header[column]?.text ?? '') : undefined;
      if (header !== undefined) return header;
    }
    if (heading >= 0 && headings[heading].start > offset) heading = -1;
    while (heading + 1 < headings.length && headings[heading + 1].start <= offset) heading++;
    for (let i = heading; i >= 0; i = parent[i]) if (headingVerdict[i] !== undefined) return headingVerdict[i]!;
    return documentVerdict ?? false;
  };
}

/** The row holding an offset (rows are in order), by binary search: registers run to thousands of rows. */
function rowAt<R extends { start: number; end: number }>(rows: R[], offset: number): R | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < rows[mid].start) hi = mid - 1;
    else if (offset > rows[mid].end) lo = mid + 1;
    else return rows[mid];
  }
  return undefined;
}

/** true when text names another standard (and not ISO/IEC 27001), false when it names 27001, else undefined. */
function verdict(text: string): boolean | undefined {
  if (ISO27001_NAMED.test(text)) return false;
  return otherStandardIn(text) ? true : undefined;
}

/**
 * A risk table kept inside a method or a policy (an ID column beside likelihood and impact) lists its rows, it does
 * not cite them: those IDs are no references (run once the type is known; a register's own cells stay declarations).
 */
function dropOwnRiskRows(doc: IsmsDocument, riskMatcher: RegExp): void {
  if (doc.type === 'risk-register' || doc.type === 'risk' || doc.type === 'risk-treatment-plan') return;
  const risks = doc.references.filter((r) => r.kind === 'risk' && r.source === 'table');
  if (risks.length === 0) return;
  const at = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  const cells: { start: number; end: number }[] = [];
  for (const table of doc.tables) {
    // Column roles only for tables that hold a risk ID: most mentions are in prose.
    if (!risks.some((r) => at(r.range.start) >= at(table.range.start) && at(r.range.start) < at(table.range.end))) continue;
    const roles = riskColumnRoles(table, undefined, riskMatcher);
    if (roles.id === undefined || roles.likelihood === undefined || roles.impact === undefined) continue;
    for (const row of table.rows) {
      const cell = row.cells[roles.id];
      if (cell) cells.push({ start: at(cell.range.start), end: at(cell.range.end) });
    }
  }
  if (cells.length === 0) return;
  doc.references = doc.references.filter((r) => r.kind !== 'risk' || !cells.some((c) => at(r.range.start) >= c.start && at(r.range.start) < c.end));
}

const byStart = (a: { range: Reference['range'] }, b: { range: Reference['range'] }) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Column roles of the tables of SoAs, risk registers and treatment plans (see adopt/columns.ts). */
function resolveColumns(doc: IsmsDocument, options: ParseOptions, riskMatcher: RegExp): void {
  const soa = doc.type === 'soa';
  const risk = doc.type === 'risk-register' || doc.type === 'risk-treatment-plan' || doc.type === 'risk';
  if (!soa && !risk) return;
  for (const table of doc.tables) {
    table.roles = soa ? { soa: soaColumnRoles(table, options.columns?.soa) } : { risk: riskColumnRoles(table, options.columns?.risk, riskMatcher) };
  }
}

/** Risks written as headings with fields; bare numbers in their Controls field are control references. */
function addRiskRecords(doc: IsmsDocument, text: string, lines: LineIndex, riskMatcher: RegExp, overrides: ColumnOverrides | undefined): void {
  const records = readRiskRecords(doc, text, lines, riskMatcher, overrides);
  if (records.length === 0) return;
  doc.riskRecords = records;
  for (const record of records) {
    const controls = record.fields.controls;
    if (!controls) continue;
    const line = controls.range.start.line;
    const marked = doc.references.filter((r) => r.kind === 'control' && r.range.start.line === line);
    for (const m of scanBareControls(controls.text)) {
      if (marked.some((r) => r.raw.includes(m.raw.trim()))) continue;
      pushRef(doc, { kind: 'control', id: m.id, raw: m.raw, range: controls.range, source: 'body' }, m.edition);
    }
  }
}

function addBareSoaControls(table: Table, doc: IsmsDocument): void {
  const column = table.roles?.soa?.control ?? -1;
  if (column < 0) return;
  for (const row of table.rows) {
    const cell = row.cells[column];
    if (!cell || scanControls(cell.text).length > 0) continue;
    for (const m of scanBareControls(cell.text)) pushRef(doc, { kind: 'control', id: m.id, raw: m.raw, range: cell.range, source: 'table' }, m.edition);
  }
}

function safeDecode(url: string): string {
  try {
    return intern(decodeURI(url));
  } catch {
    return intern(url);
  }
}
