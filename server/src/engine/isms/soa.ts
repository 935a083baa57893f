// The Statement of Applicability: rows of the control table in `soa` documents.
import type { IsmsDocument, Link, Range, TableCell } from '../model';
import { CONTROL_COLUMN } from '../parse/document';
import { parseControlId, scanControls } from '../parse/references';
import { cellAt, findColumn } from '../parse/tables';
import { parseYesNo } from './values';

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
  justification?: TableCell;
  status?: string;
  evidence?: TableCell;
  evidenceLinks: Link[];
}

export const SOA_COLUMNS = {
  control: CONTROL_COLUMN,
  applicable: ['applicable', 'applicability', 'included', 'selected', 'in scope', 'applies'],
  justification: ['justification', 'reason', 'rationale', 'justification for inclusion', 'justification for exclusion', 'comments'],
  status: ['status', 'implementation status', 'implementation', 'implemented'],
  evidence: ['evidence', 'evidence link', 'documents', 'documentation', 'reference', 'policy'],
} as const;

/** Reads every SoA table (one with a control column and an applicability column) in a document. */
export function readSoaRows(doc: IsmsDocument): SoaRow[] {
  const rows: SoaRow[] = [];
  for (const table of doc.tables) {
    const control = findColumn(table, SOA_COLUMNS.control);
    const applicable = findColumn(table, SOA_COLUMNS.applicable);
    if (control < 0 || applicable < 0) continue;
    const justification = findColumn(table, SOA_COLUMNS.justification);
    const status = findColumn(table, SOA_COLUMNS.status);
    const evidence = findColumn(table, SOA_COLUMNS.evidence);
    for (const row of table.rows) {
      const cell = row.cells[control];
      if (!cell || !cell.text) continue;
      const controlId = scanControls(cell.text)[0]?.id ?? parseControlId(cell.text.split(/\s/)[0]) ?? cell.text;
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
        justification: cellAt(row.cells, justification),
        status: cellAt(row.cells, status)?.text,
        evidence: evidenceCell,
        evidenceLinks: evidenceCell?.links ?? [],
      });
    }
  }
  return rows;
}
