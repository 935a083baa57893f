// Risks: rows of risk-register tables and `risk` documents, read into one shape.
import type { IsmsDocument, Range, Reference, TableCell } from '../model';
import { cellAt, findColumn } from '../parse/tables';
import { parseControlId, scanControls } from '../parse/references';
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

export const RISK_COLUMNS: Record<RiskField | 'id', readonly string[]> = {
  id: ['id', 'risk id', 'ref', 'risk ref', 'reference', 'no', 'risk no', 'risk number'],
  description: ['risk', 'description', 'risk description', 'scenario', 'threat', 'title', 'risk scenario'],
  owner: ['owner', 'risk owner'],
  likelihood: ['likelihood', 'probability', 'l', 'likelihood 1 5'],
  impact: ['impact', 'consequence', 'severity', 'i', 'impact 1 5'],
  score: ['score', 'rating', 'risk score', 'risk rating', 'level', 'risk level', 'inherent risk', 'l x i', 'l i'],
  treatment: ['treatment', 'treatment decision', 'decision', 'treatment option', 'option', 'response', 'risk treatment'],
  controls: ['controls', 'annex a controls', 'treatment controls', 'control', 'controls annex a', 'mitigating controls'],
  acceptedBy: ['accepted by', 'approver', 'approved by', 'acceptance', 'risk acceptance', 'risk accepted by'],
  status: ['status'],
};

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
  return [...inCell, ...bareControlsInCell(cell)];
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

const LEADING_CONTROL = /^(?:42001:\s?)?(?:Annex\s+A[\s.]?\s?|A\.?\s?)?\d{1,2}(?:\.\d{1,2}){1,2}(?![\d.])/i;

/** The bare control numbers of a cell (`8.24`, `8.24 Use of cryptography`), skipping parts with prose IDs. */
function bareControlsInCell(cell: TableCell): Reference[] {
  if (!cell.text || !/\d\.\d/.test(cell.text)) return [];
  const found: Reference[] = [];
  for (const part of cell.text.split(/[,;]|\s\/\s|\n/)) {
    const trimmed = part.trim();
    if (!trimmed || scanControls(trimmed).length > 0) continue;
    const lead = LEADING_CONTROL.exec(trimmed)?.[0];
    const id = parseControlId(trimmed) ?? (lead ? parseControlId(lead) : undefined);
    if (id) found.push({ kind: 'control', id, raw: lead ?? trimmed, range: cell.range, source: 'table' });
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
  const found = controlsColumnCells(doc).flatMap(bareControlsInCell);
  tableRefCache.set(doc, found);
  return found;
}

/** The cells of the Controls columns of a risk register's or treatment plan's tables: fields declared to hold control IDs. */
export function controlsColumnCells(doc: IsmsDocument): TableCell[] {
  if (doc.type !== 'risk-register' && doc.type !== 'risk-treatment-plan') return [];
  const cells: TableCell[] = [];
  for (const table of doc.tables) {
    const column = findColumn(table, RISK_COLUMNS.controls);
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
  if (doc.type === 'risk') return doc.id ? [riskFromDocument(doc)] : [];
  if (doc.type !== 'risk-register') return [];
  const risks: Risk[] = [];
  for (const table of doc.tables) {
    const columns = Object.fromEntries(
      (Object.keys(RISK_COLUMNS) as (keyof typeof RISK_COLUMNS)[]).map((k) => [k, findColumn(table, RISK_COLUMNS[k])]),
    ) as Record<keyof typeof RISK_COLUMNS, number>;
    const idColumn = columns.id >= 0 ? columns.id : 0;
    for (const row of table.rows) {
      const idCell = row.cells[idColumn];
      if (!idCell) continue;
      riskMatcher.lastIndex = 0;
      const match = riskMatcher.exec(idCell.text);
      if (!match || match.index !== 0) continue;
      const get = (k: RiskField) => cellAt(row.cells, columns[k]);
      const present = new Set((Object.keys(RISK_COLUMNS) as (RiskField | 'id')[]).filter((k): k is RiskField => k !== 'id' && columns[k] >= 0));
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
  }
  return risks;
}

function riskFromDocument(doc: IsmsDocument): Risk {
  const data = doc.frontmatter?.data ?? {};
  const text = (k: string) => (data[k] === undefined || data[k] === null ? undefined : String(data[k]));
  const idRange = doc.frontmatter?.fields.get('id')?.valueRange ?? doc.frontmatter!.range;
  const columns = new Set<RiskField>(['description', 'owner', 'likelihood', 'impact', 'treatment', 'controls']);
  if (data.score !== undefined) columns.add('score');
  return {
    id: doc.id!,
    path: doc.path,
    range: doc.frontmatter!.range,
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

