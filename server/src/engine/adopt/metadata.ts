// Metadata where real ISMSs keep it, outside YAML frontmatter: a key/value Document Control table at the top, a
// blockquote header, bold "**Owner:** …" lines, a "Document information" list, and the latest row of a revision
// history as evidence of the last review. Each field remembers where it was read, so findings can say so.
import type { Frontmatter, IsmsDocument, MetadataOrigin, Range, Table } from '../model';
import type { LineIndex } from '../util/lineIndex';
import { normaliseHeader } from '../parse/tables';
import { parseIsoDate } from '../util/dates';
import { readDate, type DateFormat } from './dates';
import { DOCUMENT_INFO_HEADING, FIELD_LABELS, REVISION_COLUMNS, REVISION_HISTORY_HEADING, REVISION_KEYS } from './vocabulary';
import type { MetadataSource } from '../config/schema';
import { isPlaceholder } from './placeholders';

export interface MetadataField {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
}

/** Where a field's value lives, as findings say it. */
const WHERE: Record<MetadataOrigin, string> = {
  frontmatter: 'in the frontmatter',
  'html-comment': 'in the frontmatter inside the HTML comment',
  'document-control-table': 'in the Document Control table',
  blockquote: 'in the blockquote header',
  'bold-fields': 'in the bold "Field: value" lines',
  'document-information-list': 'in the document information list',
  'revision-history': 'in the revision history (its latest entry)',
  'first-heading': 'in the first heading',
  default: 'by the defaultReviewCycle setting',
};

/** Where the document keeps the fields it lacks, for "add it …" advice. */
const ADD_TO: Record<MetadataOrigin, string> = {
  frontmatter: 'to the frontmatter',
  'html-comment': 'to the frontmatter inside the HTML comment',
  'document-control-table': 'to the Document Control table',
  blockquote: 'to the blockquote header',
  'bold-fields': 'as a bold "Field: value" line',
  'document-information-list': 'to the document information list',
  'revision-history': 'to the frontmatter',
  'first-heading': 'to the frontmatter',
  default: 'to the frontmatter',
};

export function fieldOrigin(doc: IsmsDocument, key: string): MetadataOrigin | undefined {
  const fm = doc.frontmatter;
  if (!fm || !(key in fm.data || fm.placeholders?.has(key))) return undefined;
  return fm.sources?.get(key) ?? doc.metadata ?? 'frontmatter';
}

/** "in the Document Control table": where the value of `key` was read. */
export function whereField(doc: IsmsDocument, key: string): string {
  return WHERE[fieldOrigin(doc, key) ?? doc.metadata ?? 'frontmatter'];
}

/** "to the blockquote header": where a missing field belongs, judged by where the document keeps its metadata. */
export function whereToAdd(doc: IsmsDocument): string {
  return ADD_TO[doc.metadata ?? 'frontmatter'];
}

/** The vocabulary's labels normalised as table headers are ("Date d'approbation" → "date d approbation"). */
const LABELS = new Map(Object.entries(FIELD_LABELS).map(([label, field]) => [normaliseHeader(label), field]));

export function labelField(label: string, aliases: Record<string, string>): string | undefined {
  const normal = normaliseHeader(label.replace(/\*\*|__/g, ''));
  const snake = normal.replace(/ /g, '_');
  return LABELS.get(normal) ?? aliases[snake] ?? aliases[normal];
}

/** The parts of the body where metadata may sit: before the first section, and document-information sections. */
interface Regions {
  top: [number, number];
  info: [number, number][];
  history: [number, number][];
}

function regions(doc: IsmsDocument): Regions {
  const headings = doc.headings;
  const titleFirst = headings[0]?.depth === 1 ? 1 : 0;
  const firstSection = headings[titleFirst]?.range.start.line ?? doc.lineCount;
  const sectionsOf = (test: RegExp) =>
    headings.flatMap((h, i): [number, number][] => {
      if (!test.test(h.text.trim())) return [];
      const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
      return [[h.range.end.line + 1, next ? next.range.start.line : doc.lineCount]];
    });
  return { top: [0, firstSection], info: sectionsOf(DOCUMENT_INFO_HEADING), history: sectionsOf(REVISION_HISTORY_HEADING) };
}

const inside = (line: number, spans: [number, number][]) => spans.some(([a, b]) => line >= a && line < b);

function isRevisionTable(table: Table, history: [number, number][]): boolean {
  if (inside(table.range.start.line, history)) return true;
  const headers = table.header.map((c) => normaliseHeader(c.text));
  const has = (re: RegExp) => headers.some((h) => re.test(h));
  return has(REVISION_COLUMNS.date) && (has(REVISION_COLUMNS.version) || has(REVISION_COLUMNS.change)) && table.header.length >= 3;
}

/**
 * A key/value table before the first section or in a document-information section: two columns of field and
 * value, or one row of values under field names. Registers, directory listings, glossaries and change logs
 * (many rows, or a history) never are.
 */
function fromTables(doc: IsmsDocument, r: Regions, aliases: Record<string, string>): MetadataField[] {
  const fields: MetadataField[] = [];
  for (const table of doc.tables) {
    const line = table.range.start.line;
    const inInfo = inside(line, r.info);
    if (!(inInfo || (line >= r.top[0] && line < r.top[1])) || isRevisionTable(table, r.history)) continue;
    const headers = table.header.map((c) => labelField(c.text, aliases));
    const namedHeaders = headers.filter(Boolean).length;
    if (table.rows.length === 1 && table.header.length >= 2 && namedHeaders >= 2 && namedHeaders * 2 >= table.header.length) {
      const row = table.rows[0].cells;
      table.header.forEach((cell, i) => {
        if (headers[i] && row[i]?.text) fields.push({ key: headers[i], value: row[i].text, keyRange: cell.range, valueRange: row[i].range });
      });
      continue;
    }
    if (table.header.length !== 2) continue;
    const headerPair = labelField(table.header[0].text, aliases) && table.header[1].text ? [table.header] : [];
    const rows = [...headerPair, ...table.rows.map((row) => row.cells)];
    const pairs = rows.filter((cells) => cells.length >= 2 && labelField(cells[0].text, aliases));
    if (pairs.length < (inInfo ? 1 : 2) || pairs.length * 2 < rows.length) continue;
    for (const cells of pairs) if (cells[1].text) fields.push({ key: labelField(cells[0].text, aliases)!, value: cells[1].text, keyRange: cells[0].range, valueRange: cells[1].range });
  }
  return fields;
}

/** Lines of the body outside fenced code, with their offsets. */
function bodyLines(text: string, bodyStart: number, lines: LineIndex): { line: number; start: number; text: string }[] {
  const out: { line: number; start: number; text: string }[] = [];
  let fence: string | undefined;
  const re = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  re.lastIndex = bodyStart;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '');
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(content)?.[1];
    if (f && (!fence || f[0] === fence[0])) fence = fence ? undefined : f;
    else if (!fence) out.push({ line: lines.position(m.index).line, start: m.index, text: content });
  }
  return out;
}

const LINE_SHAPES: Record<'blockquote' | 'bold-fields' | 'document-information-list', RegExp> = {
  blockquote: /^(>[ \t]*(?:[-*][ \t]+)?)(\*\*|__)?([^:：*_\n|]{1,40}?)(?:[:：]\2|\2[:：])[ \t]*(.*?)[ \t]*$/,
  'bold-fields': /^((?:[-*+][ \t]+)?)(\*\*|__)([^:：*_\n|]{1,40}?)(?:[:：]\2|\2[:：])[ \t]*(.*?)[ \t]*$/,
  'document-information-list': /^([-*+][ \t]+)(\*\*|__)?([^:：*_\n|]{1,40}?)(?:[:：]\2|\2[:：])[ \t]*(.*?)[ \t]*$/,
};

function fromLines(kind: keyof typeof LINE_SHAPES, body: ReturnType<typeof bodyLines>, r: Regions, lines: LineIndex, aliases: Record<string, string>): MetadataField[] {
  const fields: MetadataField[] = [];
  const pattern = LINE_SHAPES[kind];
  for (const l of body) {
    const where = kind === 'document-information-list' ? inside(l.line, r.info) : (l.line >= r.top[0] && l.line < r.top[1]) || inside(l.line, r.info);
    if (!where) continue;
    const m = pattern.exec(l.text);
    if (!m) continue;
    const key = labelField(m[3], aliases);
    const value = m[4].replace(/^(\*\*|__)|(\*\*|__)$/g, '').replace(/\.$/, '').trim();
    if (!key || !value) continue;
    const keyStart = l.start + m[1].length + (m[2]?.length ?? 0);
    const valueStart = l.start + l.text.lastIndexOf(m[4]);
    fields.push({ key, value, keyRange: lines.range(keyStart, keyStart + m[3].length), valueRange: lines.range(valueStart, valueStart + m[4].length) });
  }
  return fields;
}

/** The latest date of a revision history (a table under its heading or of its shape, or an HTML table, or a frontmatter list). */
export function latestRevision(doc: IsmsDocument, text: string, bodyStart: number, lines: LineIndex, format: DateFormat): { iso: string; range: Range } | undefined {
  const r = regions(doc);
  let best: { iso: string; range: Range } | undefined;
  const consider = (value: unknown, range: Range) => {
    const d = readDate(value, format);
    if (d && (!best || d.iso > best.iso)) best = { iso: d.iso, range };
  };
  for (const table of doc.tables) {
    if (!isRevisionTable(table, r.history)) continue;
    const headers = table.header.map((c) => normaliseHeader(c.text));
    const col = headers.findIndex((h) => REVISION_COLUMNS.date.test(h));
    const cols = col >= 0 ? [col] : headers.map((_, i) => i);
    for (const row of table.rows) for (const c of cols) if (row.cells[c]) consider(row.cells[c].text, row.cells[c].range);
  }
  // HTML tables (some templates write the history as <table>): under a history heading, or with a Date header.
  const lower = text.toLowerCase();
  // Found by indexOf, not a lazy regex, so a file of unclosed `<table` tags stays linear.
  for (let open = lower.indexOf('<table', bodyStart); open >= 0; ) {
    const close = lower.indexOf('</table>', open);
    if (close < 0) break;
    // A revision history is a few rows; a huge table is data (and not worth a quadratic row scan).
    const html = close - open < 100_000 ? text.slice(open, close + 8) : '';
    const line = lines.position(open).line;
    const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) => [...row[0].matchAll(/<t([hd])[^>]*>([^<]*(?:<(?!\/t[hd])[^<]*)*)<\/t\1>/gi)].map((c) => ({ text: c[2].replace(/<[^>]+>/g, '').trim(), at: open + row.index! + c.index! + c[0].indexOf('>') + 1 })));
    const headers = (rows[0] ?? []).map((c) => normaliseHeader(c.text));
    const col = headers.findIndex((h) => REVISION_COLUMNS.date.test(h));
    if (col >= 0 && (inside(line, r.history) || headers.some((h) => REVISION_COLUMNS.version.test(h) || REVISION_COLUMNS.change.test(h)))) {
      for (const row of rows.slice(1)) if (row[col]) consider(row[col].text, lines.range(row[col].at, row[col].at + row[col].text.length));
    }
    open = lower.indexOf('<table', close);
  }
  // A frontmatter list of revisions (`majorRevisions: [{date: Jun 1 2018, comment: …}]`).
  const fm = doc.frontmatter;
  for (const [key, value] of Object.entries(fm?.data ?? {})) {
    if (!REVISION_KEYS.test(key) || !Array.isArray(value)) continue;
    const range = fm!.fields.get(key)?.keyRange ?? fm!.range;
    for (const entry of value) {
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        const date = Object.entries(entry as Record<string, unknown>).find(([k]) => /^(date|revised|updated|on)$/i.test(k))?.[1];
        consider(date instanceof Date ? date : String(date ?? ''), range);
      } else consider(entry, range);
    }
  }
  return best;
}

function ensureFrontmatter(doc: IsmsDocument, range: Range): Frontmatter {
  doc.frontmatter ??= { data: {}, fields: new Map(), items: new Map(), range, contentRange: range };
  doc.frontmatter.sources ??= new Map();
  return doc.frontmatter;
}

/** Sets a field that the document's own metadata lacks, remembering where it came from. */
export function setField(doc: IsmsDocument, origin: MetadataOrigin, f: MetadataField, anchor: Range = f.keyRange): boolean {
  const fm = ensureFrontmatter(doc, anchor);
  if (f.key in fm.data || fm.placeholders?.has(f.key)) return false;
  fm.fields.set(f.key, { keyRange: f.keyRange, valueRange: f.valueRange });
  fm.sources!.set(f.key, origin);
  // `**Effective Date:** [DATE]`: the field is there, its value is still to be written (adopt/placeholders.ts).
  if (isPlaceholder(f.value)) {
    (fm.placeholders ??= new Set()).add(f.key);
    return true;
  }
  fm.data[f.key] = f.value;
  if (f.key === 'controls' || f.key === 'risks' || f.key === 'related' || f.key === 'clauses') fm.items.set(f.key, [{ value: f.value, range: f.valueRange }]);
  return true;
}

/** Reads the configured body sources into the document's metadata; frontmatter wins, and earlier sources over later ones. */
export function readBodySources(doc: IsmsDocument, text: string, bodyStart: number, lines: LineIndex, options: { sources: readonly MetadataSource[]; aliases: Record<string, string> }): void {
  if (!options.sources.length) return;
  const r = regions(doc);
  const body = bodyLines(text, bodyStart, lines);
  const counts = new Map<MetadataOrigin, number>();
  for (const source of options.sources) {
    const found = source === 'document-control-table' ? fromTables(doc, r, options.aliases) : fromLines(source, body, r, lines, options.aliases);
    let set = 0;
    for (const f of found) if (setField(doc, source, f, found[0].keyRange)) set++;
    if (set) counts.set(source, set);
  }
  if (!doc.metadata && counts.size) doc.metadata = [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * A page with no H1 that opens with a heading of another level (`### Access Review`: a module a generator includes
 * into a page) is titled by that heading; a lower heading further down titles nothing.
 */
function openingHeading(doc: IsmsDocument, text: string, bodyStart: number, lines: LineIndex): IsmsDocument['headings'][number] | undefined {
  const first = doc.headings[0];
  if (!first) return undefined;
  const content = text.slice(bodyStart).search(/\S/);
  return content >= 0 && lines.position(bodyStart + content).line === first.range.start.line ? first : undefined;
}

/** Whatever else supplied the metadata: the first H1 is the title when none is given, and the latest revision the last review when no review date is. */
export function completeMetadata(doc: IsmsDocument, text: string, bodyStart: number, lines: LineIndex, dateFormat: DateFormat): void {
  const fm = doc.frontmatter;
  if (!fm) return;
  const h1 = doc.headings.find((h) => h.depth === 1) ?? openingHeading(doc, text, bodyStart, lines);
  if (h1 && (fm.data.title === undefined || fm.data.title === null || fm.data.title === '')) {
    delete fm.data.title;
    setField(doc, 'first-heading', { key: 'title', value: h1.text, keyRange: h1.range, valueRange: h1.range });
  }
  if (fm.data.last_reviewed === undefined && fm.data.next_review === undefined) {
    const latest = latestRevision(doc, text, bodyStart, lines, dateFormat);
    if (latest && parseIsoDate(latest.iso) !== undefined) setField(doc, 'revision-history', { key: 'last_reviewed', value: latest.iso, keyRange: latest.range, valueRange: latest.range });
  }
}
