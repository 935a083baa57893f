// Risks: rows of risk-register tables and `risk` documents, read into one shape.
import type { IsmsDocument, Range, Reference, TableCell } from '../model';
import { cellAt, findColumn } from '../parse/tables';
import { parseControlId } from '../parse/references';
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
  impact?: number;
  impactText?: string;
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

/** Control references in a controls cell: prose IDs (`A.8.24`) or bare comma-separated numbers (`8.24, 5.15`). */
function controlsInCell(cell: TableCell, doc: IsmsDocument): Reference[] {
  const inCell = doc.references.filter((r) => r.kind === 'control' && contains(cell.range, r.range));
  if (inCell.length > 0 || !cell.text) return inCell;
  return cell.text
    .split(/[,;]/)
    .map((part) => parseControlId(part.trim()))
    .filter((id): id is string => id !== undefined)
    .map((id) => ({ kind: 'control' as const, id, raw: id, range: cell.range, source: 'table' }));
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
        impact: parseScore(get('impact')?.text ?? ''),
        impactText: get('impact')?.text,
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
    impact: parseScore(text('impact') ?? ''),
    impactText: text('impact'),
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

