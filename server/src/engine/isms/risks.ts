// Risks: rows of risk-register tables and `risk` documents, read into one shape.
import { START_RANGE, type IsmsDocument, type Range, type Reference, type RiskRecord, type Table, type TableCell } from '../model';
import { cellAt } from '../parse/tables';
import { scanBareControls, scanControls } from '../parse/references';
import { parseScore } from './values';

export interface Risk {
  id: string;
  path: string;
  /** The row, or the whole frontmatter for a risk document. */
  range: Range;
  idRange: Range;
  description?: string;
  owner?: string;
  likelihood?: number;
  likelihoodText?: string;
  likelihoodRange?: Range;
  impact?: number;
  impactText?: string;
  impactRange?: Range;
  score?: number;
  scoreRange?: Range;
  treatment?: string;
  treatmentRange?: Range;
  acceptedBy?: string;
  status?: string;
  controls: Reference[];
  /** Which fields the source has at all (a register without a Score column states no score). */
  columns: Set<RiskField>;
}

export type RiskField = 'description' | 'owner' | 'likelihood' | 'impact' | 'score' | 'treatment' | 'controls' | 'acceptedBy' | 'status';

/**
 * Control references in a controls cell: prose IDs (`A.8.24`) found by the parser, plus bare numbers
 * (`8.24, 5.15`) in the comma- or semicolon-separated parts that hold no prose ID. Bare ones carry the
 * cell's range (the model keeps no source text to narrow it).
 */
export function controlsInCell(cell: TableCell, doc: IsmsDocument): Reference[] {
  const inCell: Reference[] = [];
  for (let line = cell.range.start.line; line <= cell.range.end.line; line++) {
    for (const r of controlRefsByLine(doc).get(line) ?? []) if (contains(cell.range, r.range)) inCell.push(r);
  }
  return [...inCell, ...bareControlsInCell(cell, doc)];
}

const byLineCache = new WeakMap<IsmsDocument, Map<number, Reference[]>>();

/** A document's control references by start line, so reading a 500-row register stays linear. */
function controlRefsByLine(doc: IsmsDocument): Map<number, Reference[]> {
  let map = byLineCache.get(doc);
  if (map) return map;
  map = new Map();
  for (const r of doc.references) {
    if (r.kind !== 'control') continue;
    const list = map.get(r.range.start.line);
    if (list) list.push(r);
    else map.set(r.range.start.line, [r]);
  }
  byLineCache.set(doc, map);
  return map;
}

const bareCache = new WeakMap<IsmsDocument, Map<TableCell, Reference[]>>();

/**
 * The bare control numbers of a cell (`8.24`, `8.24 Use of cryptography`, `5.15-5.18`), skipping parts with prose IDs.
 * Cached per document and cell: reading a register's risks and its Controls column's references (control-unknown)
 * asked the same of every row, some 40 ms each for 2,000 rows.
 */
function bareControlsInCell(cell: TableCell, doc: IsmsDocument): Reference[] {
  if (!cell.text || !/\d\.\d/.test(cell.text)) return [];
  let cells = bareCache.get(doc);
  if (!cells) {
    cells = new Map();
    bareCache.set(doc, cells);
  }
  let found = cells.get(cell);
  if (!found) {
    found = readBareControls(cell, doc);
    cells.set(cell, found);
  }
  return found;
}

function readBareControls(cell: TableCell, doc: IsmsDocument): Reference[] {
  const found: Reference[] = [];
  // IDs the parser already read in the cell (`A.8.2; 5.99` continues a list in prose too) are not repeated.
  const prose = new Set<string>();
  for (let line = cell.range.start.line; line <= cell.range.end.line; line++) {
    for (const r of controlRefsByLine(doc).get(line) ?? []) if (contains(cell.range, r.range)) prose.add(r.id);
  }
  for (const part of cell.text.split(/[,;]|\s\/\s|\n/)) {
    const trimmed = part.trim();
    if (!trimmed || scanControls(trimmed).length > 0) continue;
    for (const m of scanBareControls(trimmed)) {
      if (prose.has(m.id)) continue;
      const ref: Reference = { kind: 'control', id: m.id, raw: m.raw, range: cell.range, source: 'table' };
      if (m.edition) ref.edition = m.edition;
      found.push(ref);
    }
  }
  return found;
}

const tableRefCache = new WeakMap<IsmsDocument, Reference[]>();

/**
 * Control references the parser does not see: bare numbers in the Controls column of risk registers and
 * risk treatment plans (in prose a bare `8.24` is not taken for a control; in that column it is one).
 */
export function tableControlReferences(doc: IsmsDocument): Reference[] {
  if (doc.type !== 'risk-register' && doc.type !== 'risk-treatment-plan') return [];
  const cached = tableRefCache.get(doc);
  if (cached) return cached;
  const found = controlsColumnCells(doc).flatMap((cell) => bareControlsInCell(cell, doc));
  tableRefCache.set(doc, found);
  return found;
}

/** The cells of the Controls columns of a risk register's or treatment plan's tables: fields declared to hold control IDs. */
export function controlsColumnCells(doc: IsmsDocument): TableCell[] {
  if (doc.type !== 'risk-register' && doc.type !== 'risk-treatment-plan') return [];
  const cells: TableCell[] = [];
  for (const table of doc.tables) {
    const column = table.roles?.risk?.controls ?? -1;
    if (column < 0) continue;
    for (const row of table.rows) {
      const cell = row.cells[column];
      if (cell) cells.push(cell);
    }
  }
  return cells;
}

/** Every control reference of a document: the parser's plus those of Controls columns (`tableControlReferences`). */
export function controlReferences(doc: IsmsDocument): Reference[] {
  const extra = tableControlReferences(doc);
  const refs = doc.references.filter((r) => r.kind === 'control');
  return extra.length ? [...refs, ...extra] : refs;
}

export function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function readRisks(doc: IsmsDocument, riskMatcher: RegExp): Risk[] {
  if (doc.type !== 'risk-register' && doc.type !== 'risk') return [];
  const risks: Risk[] = [];
  const byId = new Map<string, Risk>();
  // The same risk shown again (a filtered view, a treatment-decision table, a detail section) fills in what the
  // first showing lacks; the same ID with a different description stays two risks, for duplicate-id.
  const add = (risk: Risk) => {
    const first = byId.get(risk.id);
    if (first && sameRisk(first, risk)) mergeInto(first, risk);
    else {
      if (!first) byId.set(risk.id, risk);
      risks.push(risk);
    }
  };
  const own = doc.type === 'risk' && doc.id ? riskFromDocument(doc) : undefined;
  if (own) add(own);
  // In document order, so the first showing of a risk is the one others are compared with and merged into.
  const shown: Risk[] = doc.type === 'risk-register' ? doc.tables.flatMap((table) => tableRisks(doc, table, riskMatcher)) : [];
  for (const record of doc.riskRecords ?? []) {
    // A risk document's own fields, written as bullets under its heading, complete its metadata.
    if (own && record.id === own.id) mergeInto(own, recordRisk(doc, record));
    else shown.push(recordRisk(doc, record));
  }
  shown.sort((a, b) => a.idRange.start.line - b.idRange.start.line);
  for (const risk of shown) add(risk);
  return risks;
}

function tableRisks(doc: IsmsDocument, table: Table, riskMatcher: RegExp): Risk[] {
  const roles = table.roles?.risk ?? {};
  const column = (k: RiskField | 'id') => roles[k] ?? -1;
  const idColumn = column('id') >= 0 ? column('id') : 0;
  const present = new Set(RISK_FIELDS_LIST.filter((k) => column(k) >= 0));
  const risks: Risk[] = [];
  for (const row of table.rows) {
    const idCell = row.cells[idColumn];
    if (!idCell) continue;
    riskMatcher.lastIndex = 0;
    const match = riskMatcher.exec(idCell.text);
    if (!match || match.index !== 0) continue;
    const get = (k: RiskField) => cellAt(row.cells, column(k));
    const controlsCell = get('controls');
    risks.push({
      id: match[0],
      path: doc.path,
      range: row.range,
      idRange: idCell.range,
      description: get('description')?.text,
      owner: get('owner')?.text,
      likelihood: parseScore(get('likelihood')?.text ?? ''),
      likelihoodText: get('likelihood')?.text,
      likelihoodRange: get('likelihood')?.range,
      impact: parseScore(get('impact')?.text ?? ''),
      impactText: get('impact')?.text,
      impactRange: get('impact')?.range,
      score: parseScore(get('score')?.text ?? ''),
      scoreRange: get('score')?.range,
      treatment: get('treatment')?.text,
      treatmentRange: get('treatment')?.range,
      acceptedBy: get('acceptedBy')?.text,
      status: get('status')?.text,
      controls: controlsCell ? controlsInCell(controlsCell, doc) : [],
      columns: present,
    });
  }
  return risks;
}

const RISK_FIELDS_LIST: RiskField[] = ['description', 'owner', 'likelihood', 'impact', 'score', 'treatment', 'controls', 'acceptedBy', 'status'];

/** A risk written as a heading with fields: the fields it states are its "columns". */
function recordRisk(doc: IsmsDocument, record: RiskRecord): Risk {
  const f = record.fields;
  const controls = f.controls ? controlRefsOnLine(doc, f.controls.range.start.line) : [];
  return {
    id: record.id,
    path: doc.path,
    range: record.range,
    idRange: record.idRange,
    description: f.description?.text ?? (record.title || undefined),
    owner: f.owner?.text,
    likelihood: parseScore(f.likelihood?.text ?? ''),
    likelihoodText: f.likelihood?.text,
    likelihoodRange: f.likelihood?.range,
    impact: parseScore(f.impact?.text ?? ''),
    impactText: f.impact?.text,
    impactRange: f.impact?.range,
    score: parseScore(f.score?.text ?? ''),
    scoreRange: f.score?.range,
    treatment: f.treatment?.text,
    treatmentRange: f.treatment?.range,
    acceptedBy: f.acceptedBy?.text,
    status: f.status?.text,
    controls,
    columns: new Set(RISK_FIELDS_LIST.filter((k) => f[k] !== undefined)),
  };
}

function controlRefsOnLine(doc: IsmsDocument, line: number): Reference[] {
  return controlRefsByLine(doc).get(line) ?? [];
}

/**
 * Whether two showings of an ID are the same risk: the same description (or one the start of the other); without
 * a description on both sides, the same document (a treatment-decision table beside the full one) or, across
 * documents, no stated owner, likelihood or impact that differs.
 */
export function sameRisk(a: Risk, b: Risk): boolean {
  const da = normaliseDescription(a.description);
  const db = normaliseDescription(b.description);
  if (da && db) return da === db || da.startsWith(db) || db.startsWith(da);
  if (a.path === b.path) return true;
  const differs = (x: string | number | undefined, y: string | number | undefined) =>
    x !== undefined && y !== undefined && String(x).trim().toLowerCase() !== String(y).trim().toLowerCase();
  return !differs(a.owner, b.owner) && !differs(a.likelihood, b.likelihood) && !differs(a.impact, b.impact);
}

function normaliseDescription(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Fills the fields `into` lacks from another showing of the same risk. */
function mergeInto(into: Risk, other: Risk): void {
  const fields = ['description', 'owner', 'likelihood', 'likelihoodText', 'likelihoodRange', 'impact', 'impactText', 'impactRange', 'score', 'scoreRange', 'treatment', 'treatmentRange', 'acceptedBy', 'status'] as const;
  const target = into as unknown as Record<string, unknown>;
  for (const k of fields) if ((target[k] === undefined || target[k] === '') && other[k] !== undefined) target[k] = other[k];
  const ids = new Set(into.controls.map((c) => c.id));
  for (const c of other.controls) if (!ids.has(c.id)) into.controls.push(c);
  for (const c of other.columns) into.columns.add(c);
}

function riskFromDocument(doc: IsmsDocument): Risk {
  const data = doc.frontmatter?.data ?? {};
  const text = (k: string) => (data[k] === undefined || data[k] === null ? undefined : String(data[k]));
  const whole = doc.frontmatter?.range ?? START_RANGE;
  const idRange = doc.frontmatter?.fields.get('id')?.valueRange ?? whole;
  const columns = new Set<RiskField>(['description', 'owner', 'likelihood', 'impact', 'treatment', 'controls']);
  if (data.score !== undefined) columns.add('score');
  return {
    id: doc.id!,
    path: doc.path,
    range: whole,
    idRange,
    description: doc.title ?? text('description'),
    owner: text('owner'),
    likelihood: parseScore(text('likelihood') ?? ''),
    likelihoodText: text('likelihood'),
    likelihoodRange: doc.frontmatter?.fields.get('likelihood')?.valueRange,
    impact: parseScore(text('impact') ?? ''),
    impactText: text('impact'),
    impactRange: doc.frontmatter?.fields.get('impact')?.valueRange,
    score: parseScore(text('score') ?? ''),
    scoreRange: doc.frontmatter?.fields.get('score')?.valueRange,
    treatment: text('treatment'),
    treatmentRange: doc.frontmatter?.fields.get('treatment')?.valueRange,
    acceptedBy: text('accepted_by'),
    status: text('status'),
    controls: doc.references.filter((r) => r.kind === 'control' && r.source === 'controls'),
    columns,
  };
}

