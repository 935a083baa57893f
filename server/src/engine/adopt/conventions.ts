// Reading ISMSs written to other conventions (issue: adoption): field aliases, framework-keyed control maps,
// document types inferred from paths, and metadata kept in a "Document Control" table or a blockquote header
// instead of frontmatter. Configured in .isms.yaml; `isms init` proposes the configuration.
import { DOCUMENT_TYPES, type DocumentType, type Frontmatter, type IsmsDocument, type Range, type Table } from '../model';
import type { IsmsConfig, MetadataSource } from '../config/schema';
import { GlobSet } from '../util/glob';
import { normaliseHeader } from '../parse/tables';
import type { LineIndex } from '../util/lineIndex';

export interface Conventions {
  fieldAliases: Record<string, string>;
  /** The type a path's glob gives it, when its metadata has none. */
  inferType: (path: string) => DocumentType | undefined;
  metadataSources: readonly MetadataSource[];
  frontmatterStyle: 'fenced' | 'yaml-first';
}

export const NO_CONVENTIONS: Conventions = { fieldAliases: {}, inferType: () => undefined, metadataSources: [], frontmatterStyle: 'fenced' };

export function conventionsFrom(config: Pick<IsmsConfig, 'fieldAliases' | 'typeGlobs' | 'metadataSources' | 'frontmatterStyle'>): Conventions {
  // Case-insensitive (`Policies/` is `policies/`); an exact path wins over a wildcard glob, then the file's order.
  const globs = Object.entries(config.typeGlobs)
    .filter(([, type]) => (DOCUMENT_TYPES as readonly string[]).includes(type))
    .sort((a, b) => Number(/[*?{]/.test(a[0])) - Number(/[*?{]/.test(b[0])))
    .map(([glob, type]) => ({ set: new GlobSet([glob], { ignoreCase: true }), type: type as DocumentType }));
  return {
    fieldAliases: config.fieldAliases,
    // README and navigation pages (`index.md`, Hugo's `_index.md`) are never typed by path.
    inferType: (path) => (/(^|\/)(readme|_?index)\.[^/]*$/i.test(path) ? undefined : globs.find((g) => g.set.matches(path))?.type),
    metadataSources: config.metadataSources,
    frontmatterStyle: config.frontmatterStyle,
  };
}

/** Renames aliased keys to the names the checker reads (an explicit canonical key wins over its alias). */
export function applyAliases(frontmatter: Frontmatter, aliases: Record<string, string>): void {
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (!(alias in frontmatter.data) || canonical in frontmatter.data) continue;
    frontmatter.data[canonical] = frontmatter.data[alias];
    delete frontmatter.data[alias];
    const field = frontmatter.fields.get(alias);
    if (field) {
      frontmatter.fields.set(canonical, field);
      frontmatter.fields.delete(alias);
    }
    const items = frontmatter.items.get(alias);
    if (items) {
      frontmatter.items.set(canonical, items);
      frontmatter.items.delete(alias);
    }
  }
}

/**
 * Controls written as a map keyed by framework (`satisfies: {ISO27001: [A.5.1], ISO42001: [A.6.2.4], SOC2: [CC6.1]}`):
 * the ISO 27001 entries become control references, ISO 42001 ones get the `42001:` prefix, others are ignored.
 */
export function flattenFrameworkControls(frontmatter: Frontmatter): void {
  const value = frontmatter.data.controls;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  // A map naming no ISO framework is a mistake, left for frontmatter-invalid-value to report.
  if (!Object.keys(value).some((k) => /27001|42001|annex\s*a/i.test(k))) return;
  const range = frontmatter.fields.get('controls')?.valueRange ?? frontmatter.range;
  const items: { value: unknown; range: Range }[] = [];
  for (const [framework, ids] of Object.entries(value as Record<string, unknown>)) {
    const prefix = /42001/.test(framework) ? '42001:' : /27001|annex\s*a/i.test(framework) ? '' : undefined;
    if (prefix === undefined) continue;
    const list = Array.isArray(ids) ? ids : typeof ids === 'string' ? ids.split(',') : [];
    for (const id of list) {
      const text = String(id).trim();
      if (text) items.push({ value: prefix && !text.startsWith(prefix) ? `${prefix}${text.replace(/^A\.?/, 'A.')}` : text, range });
    }
  }
  frontmatter.data.controls = items.map((i) => i.value);
  frontmatter.items.set('controls', items);
}

/** Labels people give metadata fields in tables and headers, mapped to frontmatter keys. */
const LABELS: Record<string, string> = {
  'document id': 'id', 'doc id': 'id', id: 'id', 'document number': 'id', 'document reference': 'id', reference: 'id', ref: 'id',
  title: 'title', 'document title': 'title', 'document name': 'title', name: 'title',
  owner: 'owner', 'document owner': 'owner', 'policy owner': 'owner', author: 'owner', 'process owner': 'owner',
  version: 'version', revision: 'version', 'version number': 'version',
  status: 'status', 'document status': 'status',
  'approved by': 'approved_by', approver: 'approved_by', 'approval authority': 'approved_by',
  'approval date': 'approved_on', 'approved on': 'approved_on', 'date approved': 'approved_on', 'effective date': 'approved_on',
  'last reviewed': 'last_reviewed', 'last review': 'last_reviewed', 'last review date': 'last_reviewed', 'reviewed on': 'last_reviewed',
  'review cycle': 'review_cycle', 'review frequency': 'review_cycle', 'review period': 'review_cycle',
  'next review': 'next_review', 'next review date': 'next_review', 'review date': 'next_review', 'review due': 'next_review',
  classification: 'classification', 'information classification': 'classification', 'data classification': 'classification',
  type: 'type', 'document type': 'type',
};

function fieldFor(label: string, aliases: Record<string, string>): string | undefined {
  const normal = normaliseHeader(label.replace(/\*\*|__|:$/g, ''));
  const snake = normal.replace(/ /g, '_');
  return LABELS[normal] ?? aliases[snake] ?? aliases[normal] ?? (Object.values(LABELS).includes(snake) ? snake : undefined);
}

interface MetadataField {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
}

/** A "Document Control" table: two columns of field and value, or one row of values under field headers. */
function fromTable(doc: IsmsDocument, aliases: Record<string, string>): { fields: MetadataField[]; range: Range } | undefined {
  const underHeading = (t: Table) =>
    doc.headings.some((h) => /document (control|information|details|metadata)|^metadata$|version control/i.test(h.text) && h.range.start.line < t.range.start.line && t.range.start.line - h.range.end.line <= 3);
  for (const table of doc.tables.slice(0, 3)) {
    const headers = table.header.map((c) => fieldFor(c.text, aliases));
    const known = headers.filter(Boolean).length;
    if (table.header.length >= 2 && known >= 2 && table.rows.length >= 1) {
      const row = table.rows[0].cells;
      const fields = table.header.flatMap((cell, i): MetadataField[] =>
        headers[i] && row[i]?.text ? [{ key: headers[i], value: row[i].text, keyRange: cell.range, valueRange: row[i].range }] : [],
      );
      return { fields, range: table.range };
    }
    const pairs = table.rows.filter((r) => r.cells.length >= 2 && fieldFor(r.cells[0].text, aliases));
    const headerPair = fieldFor(table.header[0]?.text ?? '', aliases) && table.header[1] ? [{ cells: table.header }] : [];
    if (pairs.length + headerPair.length >= 2 || (pairs.length >= 1 && underHeading(table))) {
      const fields = [...headerPair, ...pairs].flatMap(({ cells }): MetadataField[] =>
        cells[1].text ? [{ key: fieldFor(cells[0].text, aliases)!, value: cells[1].text, keyRange: cells[0].range, valueRange: cells[1].range }] : [],
      );
      return { fields, range: table.range };
    }
  }
  return undefined;
}

/** `> **Owner:** Head of Security` lines at the top of the body. */
function fromBlockquote(text: string, bodyStart: number, lines: LineIndex, aliases: Record<string, string>): { fields: MetadataField[]; range: Range } | undefined {
  const fields: MetadataField[] = [];
  const pattern = /^>[ \t]*(\*\*|__)?([^:*_\n]{1,40}?)(?::\1|\1:)[ \t]*(.*?)[ \t]*$/gm;
  pattern.lastIndex = bodyStart;
  let end = bodyStart;
  // Skip blank lines and a title heading before the header block.
  const lead = /^(?:[ \t]*(?:\r?\n|\r)|#[^\n]*(?:\r?\n|\r))*/.exec(text.slice(bodyStart))?.[0].length ?? 0;
  let at = bodyStart + lead;
  for (;;) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m || m.index !== at) break;
    const key = fieldFor(m[2], aliases);
    const valueStart = m.index + m[0].length - m[3].length - (m[0].length - m[0].trimEnd().length);
    if (key && m[3]) fields.push({ key, value: m[3].replace(/^\*\*|\*\*$/g, ''), keyRange: lines.range(m.index, m.index + m[0].indexOf(m[2]) + m[2].length), valueRange: lines.range(valueStart, valueStart + m[3].length) });
    end = m.index + m[0].length;
    at = end + (text.startsWith('\r\n', end) ? 2 : text[end] === '\n' || text[end] === '\r' ? 1 : 0);
    if (at >= text.length) break;
  }
  return fields.length ? { fields, range: lines.range(bodyStart + lead, end) } : undefined;
}

/** Fills metadata missing from the frontmatter from the configured other sources; creates frontmatter if none. */
export function readOtherMetadata(doc: IsmsDocument, text: string, bodyStart: number, lines: LineIndex, conventions: Conventions): void {
  for (const source of conventions.metadataSources) {
    const found = source === 'document-control-table' ? fromTable(doc, conventions.fieldAliases) : fromBlockquote(text, bodyStart, lines, conventions.fieldAliases);
    if (!found) continue;
    doc.frontmatter ??= { data: {}, fields: new Map(), items: new Map(), range: found.range, contentRange: found.range };
    const fm = doc.frontmatter;
    for (const f of found.fields) {
      if (f.key in fm.data) continue;
      fm.data[f.key] = f.value;
      fm.fields.set(f.key, { keyRange: f.keyRange, valueRange: f.valueRange });
      if (f.key === 'controls' || f.key === 'risks' || f.key === 'related') fm.items.set(f.key, [{ value: f.value, range: f.valueRange }]);
    }
    // Documents kept this way carry their title as the first heading.
    const h1 = doc.headings.find((h) => h.depth === 1);
    if (!('title' in fm.data) && h1) {
      fm.data.title = h1.text;
      fm.fields.set('title', { keyRange: h1.range, valueRange: h1.range });
    }
  }
}

/** The type from `typeGlobs`, when the metadata names none. */
export function inferType(doc: IsmsDocument, conventions: Conventions): void {
  const fm = doc.frontmatter;
  if (fm && fm.data.type !== undefined && fm.data.type !== null) return;
  const type = conventions.inferType(doc.path);
  if (!type) return;
  doc.frontmatter ??= { data: {}, fields: new Map(), items: new Map(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, contentRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  doc.frontmatter.data.type = type;
}
