// Parses one Markdown file into the compact document model: frontmatter (with exact ranges), headings,
// links, tables and ID references. The scanner extracts these in one pass; no syntax tree is kept.
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
import { SlugCounter } from './slug';
import { looksLikeUnclosedFrontmatter, parseFrontmatter, type FrontmatterBlock } from './frontmatter';
import { scanMarkdown, type ScannedCell, type ScannedLink } from './scanner';
import { DOCUMENT_ID_SHAPE, parseControlId, riskIdMatcher, scanControls, scanPattern, urlSpans } from './references';
import { findColumn } from './tables';
import { readSuppressions } from './suppressions';
import { scanPlaceholders } from './placeholders';
import { intern } from './detach';
import { applyAliases, flattenFrameworkControls, inferType, NO_CONVENTIONS, readOtherMetadata, type Conventions } from '../adopt/conventions';

export interface ParseOptions {
  riskIdPattern: string;
  /** Other metadata conventions the workspace is configured for (aliases, type globs, ...). */
  conventions?: Conventions;
}

/** Frontmatter keys whose entries are references, and what they refer to. */
export const REFERENCE_KEYS: Record<string, Reference['kind']> = { controls: 'control', risks: 'risk', related: 'document' };

export function parseDocument(path: string, rawText: string, options: ParseOptions): IsmsDocument {
  // Editors never show a byte-order mark, so positions are computed without it.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const doc: IsmsDocument = {
    path,
    headings: [],
    links: [],
    tables: [],
    references: [],
    suppressions: [],
    parseDiagnostics: [],
    lineCount: lines.lineCount,
  };
  const riskMatcher = riskIdMatcher(options.riskIdPattern);

  const conventions = options.conventions ?? NO_CONVENTIONS;

  const block = findFrontmatter(text, conventions.frontmatterStyle);
  if (block) {
    const { frontmatter, diagnostics } = parseFrontmatter(path, block, lines);
    doc.frontmatter = frontmatter;
    doc.parseDiagnostics.push(...diagnostics);
    applyAliases(frontmatter, conventions.fieldAliases);
    flattenFrameworkControls(frontmatter);
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
  readBody(text, bodyStart, doc, lines, riskMatcher);
  if (conventions.metadataSources.length) readOtherMetadata(doc, text, bodyStart, lines, conventions);
  inferType(doc, conventions);
  if (doc.frontmatter) {
    readDeclaredFields(doc);
    collectFrontmatterReferences(doc);
  }
  // In an SoA the control column may hold bare numbers (`8.28`): those are control references too.
  if (doc.type === 'soa') for (const table of doc.tables) addBareSoaControls(table, doc);
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
      // A single string may list several IDs: `controls: A.5.1, A.8.28`.
      const raw = String(item.value);
      const parts = key === 'controls' || raw.includes(',') ? raw.split(',') : [raw];
      let offset = 0;
      for (const part of parts) {
        const trimmed = part.trim();
        const lead = part.length - part.trimStart().length;
        const range = parts.length === 1 ? item.range : shiftRange(item.range, offset + lead, trimmed.length);
        offset += part.length + 1;
        if (!trimmed) continue;
        const id = kind === 'control' ? (parseControlId(trimmed) ?? trimmed) : trimmed;
        doc.references.push({ kind, id: intern(id), raw: intern(trimmed), range, source: key });
      }
    }
  }
}

/** Narrows a single-line range to a part of it (for comma-separated lists in one scalar). */
function shiftRange(range: Reference['range'], from: number, length: number): Reference['range'] {
  if (range.start.line !== range.end.line) return range;
  const start = range.start.character + from;
  return { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + length } };
}

function readBody(text: string, bodyStart: number, doc: IsmsDocument, lines: LineIndex, riskMatcher: RegExp): void {
  const scan = scanMarkdown(text, bodyStart);
  const link = (l: ScannedLink): Link => ({ target: safeDecode(l.target), range: lines.range(l.start, l.end), image: l.image });
  const slugs = new SlugCounter();
  doc.headings = scan.headings.map((h) => ({ depth: h.depth, text: intern(h.text), slug: intern(slugs.next(h.text)), range: lines.range(h.start, h.end) }));
  doc.links = scan.links.map(link).sort(byStart);
  const cell = (c: ScannedCell): TableCell => ({ text: intern(c.text), range: lines.range(c.start, c.end), links: c.links.map(link) });
  doc.tables = scan.tables.map((t) => ({
    header: t.header.map(cell),
    rows: t.rows.map((r) => ({ cells: r.cells.map(cell), range: lines.range(r.start, r.end) })),
    range: lines.range(t.start, t.end),
  }));

  const inTable = (offset: number) => scan.tables.some((t) => offset >= t.start && offset < t.end);
  const push = (kind: Reference['kind'], m: { id: string; raw: string; start: number; end: number }) =>
    doc.references.push({ kind, id: intern(m.id), raw: intern(m.raw), range: lines.range(m.start, m.end), source: inTable(m.start) ? 'table' : 'body' });
  const prose = scan.prose;
  const urls = urlSpans(prose); // once for the three scans below
  for (const m of scanControls(prose, urls)) push('control', m);
  const risks = scanPattern(prose, riskMatcher, urls);
  for (const m of risks) push('risk', m);
  const riskStarts = new Set(risks.map((r) => r.start));
  for (const m of scanPattern(prose, DOCUMENT_ID_SHAPE, urls)) if (!riskStarts.has(m.start)) push('document', m);
  doc.suppressions = readSuppressions(doc, text, scan.html, lines);
  // The frontmatter is blanked: its values are judged by the rule, field by field.
  const placeholders = scanPlaceholders(prose, ' '.repeat(bodyStart) + text.slice(bodyStart));
  if (placeholders.length) doc.placeholders = placeholders.map((p) => ({ text: intern(p.text), range: lines.range(p.start, p.end) }));
}

const byStart = (a: { range: Reference['range'] }, b: { range: Reference['range'] }) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

function addBareSoaControls(table: Table, doc: IsmsDocument): void {
  const column = findColumn(table, CONTROL_COLUMN);
  if (column < 0) return;
  for (const row of table.rows) {
    const cell = row.cells[column];
    if (!cell || scanControls(cell.text).length > 0) continue;
    const id = parseControlId(cell.text);
    if (id) doc.references.push({ kind: 'control', id, raw: cell.text, range: cell.range, source: 'table' });
  }
}

export const CONTROL_COLUMN = ['control', 'control id', 'annex a control', 'id', 'ref', 'reference', 'clause'];

function safeDecode(url: string): string {
  try {
    return intern(decodeURI(url));
  } catch {
    return intern(url);
  }
}
