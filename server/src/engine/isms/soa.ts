// The Statement of Applicability: rows of the control table in `soa` documents, read per table so that a
// whole table can be recognised as a legacy ISO 27001:2013 SoA.
import type { IsmsDocument, Link, Range, Table, TableCell } from '../model';
import { DOCUMENT_ID_SHAPE, parseControlId, scanBareControls, scanControls } from '../parse/references';
import { cellAt } from '../parse/tables';
import { BUILTIN_CATALOGS, ISO27001_2022, lookupLegacy, type LegacyMapping } from '../catalogs/catalog';
import { isBlank, parseYesNo } from './values';

export interface SoaRow {
  path: string;
  /** Normalised control ID, e.g. `A.8.28`. */
  controlId: string;
  /** The control cell as written. */
  raw: string;
  range: Range;
  controlRange: Range;
  /** undefined when the Applicable cell is missing or unreadable. */
  applicable?: boolean;
  applicableText?: string;
  /** The Applicable cell (falls back to the control cell when the row is short). */
  applicableRange: Range;
  justification?: TableCell;
  status?: string;
  evidence?: TableCell;
  evidenceLinks: Link[];
  /** The cell naming the document that implements the control, when the table has such a column beside Evidence. */
  document?: TableCell;
  /** The table the row belongs to. */
  tableRange: Range;
  /** The table's header row, where table-level findings go. */
  headerRange: Range;
  /** The row belongs to a table that is an ISO 27001:2013 SoA as a whole (see `isLegacySoa`). */
  legacyTable: boolean;
}

/** One SoA table of a document: a table with a control column and an applicability column. */
export interface SoaTable {
  path: string;
  range: Range;
  headerRange: Range;
  rows: SoaRow[];
  hasJustification: boolean;
  hasStatus: boolean;
  hasEvidence: boolean;
  /** Read from a heading per control (parse/controlEntries.ts): findings name fields, not columns. */
  headings: boolean;
  /** Set when most rows carry ISO 27001:2013 IDs: the 2013 controls found, in row order. */
  legacy?: LegacyMapping[];
}

/** A table is a 2013 SoA when at least this many rows, and at least this share of its rows, carry 2013 IDs. */
export const LEGACY_SOA_MIN_ROWS = 10;
export const LEGACY_SOA_MIN_SHARE = 0.5;

const annexA2022 = new Set(BUILTIN_CATALOGS.get(ISO27001_2022)!.controls.map((c) => c.id));

/** The 2013 control a (normalised) ID names, when it is not also a 2022 control (A.5.1 is both). */
export function legacyControl(id: string): LegacyMapping | undefined {
  return annexA2022.has(id) ? undefined : lookupLegacy(id);
}

/** Whether rows (of one table) form an ISO 27001:2013 SoA: ≥ 10 rows and ≥ half of them with 2013 IDs. */
export function isLegacySoa(controlIds: readonly string[]): boolean {
  const legacy = controlIds.filter((id) => legacyControl(id) !== undefined).length;
  return legacy >= LEGACY_SOA_MIN_ROWS && legacy >= LEGACY_SOA_MIN_SHARE * controlIds.length;
}

const tableCache = new WeakMap<IsmsDocument, SoaTable[]>();

/** Every SoA table of a `soa` document (none for other types). Cached per parsed document. */
export function readSoaTables(doc: IsmsDocument): SoaTable[] {
  if (doc.type !== 'soa') return [];
  const cached = tableCache.get(doc);
  if (cached) return cached;
  const tables: SoaTable[] = [];
  for (const table of doc.controlEntries ? [...doc.tables, doc.controlEntries] : doc.tables) {
    const soa = readSoaTable(doc, table);
    if (soa) tables.push(soa);
  }
  tableCache.set(doc, tables);
  return tables;
}

/** Reads every SoA table (one with a control column and an applicability column) in a document. */
export function readSoaRows(doc: IsmsDocument): SoaRow[] {
  return readSoaTables(doc).flatMap((t) => t.rows);
}

function readSoaTable(doc: IsmsDocument, table: Table): SoaTable | undefined {
  const roles = table.roles?.soa ?? {};
  const control = roles.control ?? -1;
  const applicable = roles.applicable ?? -1;
  if (control < 0 || applicable < 0) return undefined;
  const justification = roles.justification ?? -1;
  const status = roles.status ?? -1;
  // An Evidence column, else the column naming the implementing document (which then serves as evidence).
  const evidence = roles.evidence ?? roles.document ?? -1;
  const document = roles.evidence !== undefined ? (roles.document ?? -1) : -1;
  const headerRange = rowRange(table.header, table.range);
  const rows: SoaRow[] = [];
  for (const row of table.rows) {
    const cell = row.cells[control];
    // A row of `...` or `—` says "and so on": it lists no control.
    if (!cell || !/[\p{L}\p{N}]/u.test(cell.text)) continue;
    const controlId = scanControls(cell.text)[0]?.id ?? scanBareControls(cell.text)[0]?.id ?? parseControlId(cell.text.split(/\s/)[0]) ?? cell.text;
    const applicableCell = cellAt(row.cells, applicable);
    const evidenceCell = cellAt(row.cells, evidence);
    rows.push({
      path: doc.path,
      controlId,
      raw: cell.text,
      range: row.range,
      controlRange: cell.range,
      applicable: applicableCell ? parseYesNo(applicableCell.text) : undefined,
      applicableText: applicableCell?.text,
      applicableRange: applicableCell?.range ?? cell.range,
      justification: cellAt(row.cells, justification),
      status: cellAt(row.cells, status)?.text,
      evidence: evidenceCell,
      evidenceLinks: evidenceCell?.links ?? [],
      document: cellAt(row.cells, document),
      tableRange: table.range,
      headerRange,
      legacyTable: false,
    });
  }
  const legacy = isLegacySoa(rows.map((r) => r.controlId));
  if (legacy) for (const r of rows) r.legacyTable = true;
  return {
    path: doc.path,
    range: table.range,
    headerRange,
    rows,
    hasJustification: justification >= 0,
    hasStatus: status >= 0,
    hasEvidence: evidence >= 0,
    headings: !!table.headings,
    legacy: legacy ? rows.flatMap((r) => legacyControl(r.controlId) ?? []) : undefined,
  };
}

function rowRange(cells: TableCell[], fallback: Range): Range {
  if (cells.length === 0) return { start: fallback.start, end: fallback.start };
  return { start: cells[0].range.start, end: cells[cells.length - 1].range.end };
}

/** Ranges of the legacy (2013) SoA tables of a document, whose rows get one `soa-legacy-2013` finding instead of one each. */
export function legacySoaTableRanges(doc: IsmsDocument): Range[] {
  return readSoaTables(doc)
    .filter((t) => t.legacy)
    .map((t) => t.range);
}

export type ImplementationStatus = 'implemented' | 'partial' | 'not-implemented' | 'unknown';

/**
 * Reads a Status cell: `implemented`, `in place`, `done` are implemented; `partially implemented`, `in progress`
 * are partial; `not implemented`, `planned`, `excluded` are not.
 */
export function implementationStatus(text: string | undefined): ImplementationStatus {
  if (isBlank(text)) return 'unknown';
  const v = text!.trim().toLowerCase();
  if (/\bpartial|\bpartly\b|\bin progress\b|\bongoing\b|\bin implementation\b|\bparcial|\bteilweise\b|\bpartiel|\bgedeeltelijk|\bparzial|\bem andamento\b|\ben curso\b|一部|実施中|対応中/.test(v)) return 'partial';
  if (/\bnot\b|\bno\b|\bunimplemented\b|\bplanned\b|\bpending\b|\bexcluded\b|\bn\/a\b|\bto do\b|\btodo\b|\bnão\b|\bnao\b|\bnicht\b|\bgeplant\b|\bnon\b|\bniet\b|\bgepland\b|\bplanejado\b|\bplanificado\b|\bprévu\b|\bpianificato\b|未実施|未対応|予定/.test(v)) return 'not-implemented';
  if (/\bimplemented\b|\bin place\b|\bdone\b|\bcomplete(d)?\b|\boperational\b|\byes\b|^[✓✔✅]$|\bimplementad[oa]\b|\bimplementiert\b|\bumgesetzt\b|\bimplémenté|\bmis en (?:œ|oe)uvre\b|\bgeïmplementeerd\b|\bgeimplementeerd\b|\bimplementat[oa]\b|\battuat[oa]\b|実施済|導入済|対応済|実装済/.test(v)) return 'implemented';
  return 'unknown';
}

/** Whether an Evidence cell points at something: a link, a file path, a URL or a document ID. */
export function evidenceCellHasReference(cell: TableCell): boolean {
  if (cell.links.length > 0) return true;
  const text = cell.text;
  if (isBlank(text)) return false;
  if (/\b[\w.-]+\/[\w./-]+|\b[\w-]+\.(pdf|png|jpe?g|gif|svg|csv|xlsx?|docx?|pptx?|json|ya?ml|txt|md|zip|html?)\b/i.test(text)) return true;
  if (/\b(?:https?:\/\/|www\.)/i.test(text)) return true;
  DOCUMENT_ID_SHAPE.lastIndex = 0;
  return DOCUMENT_ID_SHAPE.test(text);
}
