// SoAs and control registers written as a heading per control with bullet or bold fields:
//
//     ### A.5.1 Policies for information security
//     - **Status:** Planned
//     - **Owner:** Head of Security
//     - **Evidence:** [policy](../policies/infosec.md)
//
// The sections become the rows of one table that the SoA readers (isms/soa.ts) read like any other: the control
// from the heading, Applicable from an applicability field, or from the status (`Not Applicable` excludes the
// control; any other status means it is in scope). A field holding a placeholder (`[Owner]`) is read as empty:
// template-placeholder reports it.
import type { Range, Table, TableCell } from '../model';
import { fieldForName, SOA_HEADERS, type SoaField } from '../adopt/columns';
import { isPlaceholder } from '../adopt/placeholders';
import { parseYesNo } from '../isms/values';
import { FIELD_LINE } from './records';
import { parseControlId } from './references';
import { position, sharedRange } from '../util/position';

/** `A.5.1 Policies…`, `Control A.5.1: Policies…`, `5.1 Policies…`: a heading that starts with one control ID. */
const CONTROL_HEADING = /^(?:(?:control|annex a control|ctrl)\s+)?((?:A\.?\s?)?\d{1,2}\.\d{1,2})(?=$|[\s:.)–—-])/i;
/** Statuses that exclude the control (as an Applicable cell would say "No"). */
const EXCLUDED = /^(?:not applicable|n\/?a|excluded|out of scope|nicht anwendbar|ausgeschlossen|non applicable|exclu|no aplica|excluido|não aplicável|nao aplicavel|excluído|niet van toepassing|non applicabile|escluso|適用外|除外|対象外)\b/i;
/** Names of the fields under a heading that count; Notes and Comments are implementation notes here, not justifications. */
const FIELDS: readonly SoaField[] = ['applicable', 'justification', 'status', 'evidence', 'document'];
const NOT_JUSTIFICATION = /^(?:notes?|comments?|implementation notes?|bemerkungen?|commentaires?|comentarios|observações|opmerkingen|備考)$/i;

export interface ControlEntries {
  table: Table;
  /** Entries that carry an applicability or a status: what makes the document a control register. */
  withState: number;
}

const cell = (text: string, range: Range): TableCell => ({ text, range, links: [] });

/** ATX headings outside fenced code: depth, text and line. */
function atxHeadings(rawLines: readonly string[]): { depth: number; text: string; line: number; length: number }[] {
  const out: { depth: number; text: string; line: number; length: number }[] = [];
  let fence = false;
  rawLines.forEach((raw, line) => {
    if (/^\s{0,3}(```|~~~)/.test(raw)) fence = !fence;
    const m = fence ? null : /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(raw);
    if (m) out.push({ depth: m[1].length, text: m[2].replace(/\*\*|__/g, '').trim(), line, length: raw.length });
  });
  return out;
}

/** The heading-per-control entries of a document as one SoA table, or undefined when it has none with fields. */
export function readControlEntries(text: string): ControlEntries | undefined {
  const rawLines = text.split(/\r\n|\n|\r/);
  const headings = atxHeadings(rawLines);
  const rows: Table['rows'] = [];
  const seen = new Set<SoaField>();
  let withState = 0;
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h];
    const m = CONTROL_HEADING.exec(heading.text);
    const id = m && parseControlId(m[1]);
    if (!id) continue;
    const end = headings.slice(h + 1).find((n) => n.depth <= heading.depth || CONTROL_HEADING.test(n.text))?.line ?? rawLines.length;
    const headingRange: Range = sharedRange(position(heading.line, 0), position(heading.line, heading.length));
    const fields = new Map<SoaField, TableCell>();
    for (let line = heading.line + 1; line < end; line++) {
      const f = FIELD_LINE.exec(rawLines[line]);
      if (!f || NOT_JUSTIFICATION.test(f[1].trim())) continue;
      const field = fieldForName(f[1].trim(), FIELDS, SOA_HEADERS);
      if (!field || fields.has(field)) continue;
      const value = f[2].replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
      const start = Math.max(0, rawLines[line].lastIndexOf(f[2]));
      fields.set(field, cell(isPlaceholder(value) ? '' : value, sharedRange(position(line, start), position(line, start + f[2].length))));
    }
    if (fields.size === 0) continue; // a heading that names a control, with nothing about it
    const status = fields.get('status');
    let applicable = fields.get('applicable');
    if (!applicable && status?.text) {
      applicable = cell(EXCLUDED.test(status.text) || parseYesNo(status.text) === false ? `No (status: ${status.text})` : `Applicable (status: ${status.text})`, status.range);
    }
    if (applicable) withState++;
    for (const k of fields.keys()) seen.add(k);
    const controlCell = cell(heading.text, headingRange);
    rows.push({ cells: [controlCell, applicable ?? cell('', headingRange), ...FIELDS.slice(1).map((k) => fields.get(k) ?? cell('', headingRange))], range: headingRange });
  }
  if (rows.length === 0) return undefined;
  // Columns: Control, Applicable, then the fields some entry has; a field no entry has is no column.
  const roles: Partial<Record<string, number>> = { control: 0, applicable: 1 };
  FIELDS.slice(1).forEach((k, i) => {
    if (seen.has(k)) roles[k] = i + 2;
  });
  const first = rows[0].range;
  const header = ['Control', 'Applicable', ...FIELDS.slice(1)].map((t) => cell(t, first));
  const range: Range = { start: first.start, end: rows[rows.length - 1].range.end };
  return { table: { header, rows, range, roles: { soa: roles }, headings: true }, withState };
}
