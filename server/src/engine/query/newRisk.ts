// "ISMS: New Risk…": what the command offers (the registers a row can go in, the owners the ISMS already names,
// each register's scales) and the edit that appends the row. Values the user leaves empty stay empty cells, so
// risk-field-missing asks for them; nothing is invented (no example score, controls or owner).
import type { IsmsDocument, Table } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { riskScales } from '../isms/methodology';
import { isBlank } from '../isms/values';
import { scanPlaceholders } from '../parse/placeholders';
import { nextDocumentId } from './ismsViews';
import { TextLines } from './text';
import type { FileEdit } from './types';

export interface RiskRegisterTarget {
  path: string;
  id?: string;
  title?: string;
  /** The ID the new row gets. */
  nextId: string;
  /** The table's headers, in the register's own order. */
  columns: string[];
  /** The largest value of the register's scales (`likelihood_scale`, `impact_scale`; 5 when it declares none). */
  likelihoodScale: number;
  impactScale: number;
  /** How many risks the table holds. */
  risks: number;
}

export interface NewRiskValues {
  description: string;
  owner?: string;
  likelihood?: number;
  impact?: number;
  treatment?: string;
}

/**
 * The table of a register that new rows go in: the one with an ID and a likelihood or impact column holding
 * the most risks (a register may also show a summary or a treatment-decision table).
 */
export function registerTable(workspace: IsmsWorkspace, doc: IsmsDocument): { table: Table; idColumn: number; risks: number } | undefined {
  if (doc.type !== 'risk-register') return undefined;
  let best: { table: Table; idColumn: number; risks: number } | undefined;
  for (const table of doc.tables) {
    const roles = table.roles?.risk;
    if (!roles || (roles.likelihood === undefined && roles.impact === undefined && roles.description === undefined)) continue;
    const idColumn = roles.id ?? 0;
    let risks = 0;
    for (const row of table.rows) {
      workspace.riskMatcher.lastIndex = 0;
      const m = workspace.riskMatcher.exec(row.cells[idColumn]?.text ?? '');
      if (m && m.index === 0) risks++;
    }
    if (!best || risks > best.risks) best = { table, idColumn, risks };
  }
  return best;
}

/**
 * The next free ID for a row of `table`: the prefix most of its rows use, one more than its highest number, as
 * wide as the widest seen, skipping IDs taken anywhere in the ISMS; undefined when no row has such an ID.
 */
export function nextRowId(workspace: IsmsWorkspace, table: Table, idColumn: number, skipLine?: number): string | undefined {
  const byPrefix = new Map<string, { max: number; width: number; count: number }>();
  for (const row of table.rows) {
    if (row.range.start.line === skipLine) continue; // the row being typed
    const m = /^([A-Za-z][\w-]*?)-(\d+)$/.exec(row.cells[idColumn]?.text.trim() ?? '');
    if (!m) continue;
    const seen = byPrefix.get(m[1]) ?? { max: 0, width: 0, count: 0 };
    byPrefix.set(m[1], { max: Math.max(seen.max, Number(m[2])), width: Math.max(seen.width, m[2].length), count: seen.count + 1 });
  }
  const best = [...byPrefix].sort((a, b) => b[1].count - a[1].count)[0];
  if (!best) return undefined;
  const [prefix, { max, width }] = best;
  const taken = new Set<string>([...workspace.risks().keys(), ...workspace.documentIds().keys()]);
  let n = max + 1;
  while (taken.has(`${prefix}-${String(n).padStart(width, '0')}`)) n++;
  return `${prefix}-${String(n).padStart(width, '0')}`;
}

/** The registers of the ISMS a new risk row can be appended to, in path order. */
export function riskRegisterTargets(workspace: IsmsWorkspace): RiskRegisterTarget[] {
  const out: RiskRegisterTarget[] = [];
  for (const doc of [...workspace.ismsDocuments()].sort((a, b) => a.path.localeCompare(b.path))) {
    const found = registerTable(workspace, doc);
    if (!found) continue;
    const scales = riskScales(doc);
    out.push({
      path: doc.path,
      id: doc.id,
      title: doc.title,
      nextId: nextRowId(workspace, found.table, found.idColumn) ?? nextDocumentId(workspace, 'R'),
      columns: found.table.header.map((h) => h.text.trim()),
      likelihoodScale: scales.likelihood,
      impactScale: scales.impact,
      risks: found.risks,
    });
  }
  return out;
}

/**
 * The owners the ISMS already names, most used first: risk owners, then the `owner` of its documents. Blank
 * cells and placeholders (`TBD`, `<owner>`) are no owner.
 */
export function knownOwners(workspace: IsmsWorkspace): string[] {
  const counts = new Map<string, { name: string; risks: number; docs: number }>();
  const add = (value: unknown, kind: 'risks' | 'docs') => {
    if (typeof value !== 'string') return;
    const name = value.replace(/\s+/g, ' ').trim();
    if (isBlank(name) || name.length > 80 || scanPlaceholders(name).length) return;
    const key = name.toLowerCase();
    const entry = counts.get(key) ?? { name, risks: 0, docs: 0 };
    entry[kind]++;
    counts.set(key, entry);
  };
  for (const risks of workspace.risks().values()) for (const risk of risks) add(risk.owner, 'risks');
  for (const doc of workspace.ismsDocuments()) add(doc.frontmatter?.data.owner, 'docs');
  return [...counts.values()].sort((a, b) => b.risks - a.risks || b.docs - a.docs || a.name.localeCompare(b.name)).map((e) => e.name);
}

/** A cell's text: one line, pipes escaped. */
const cell = (s: string | undefined) => (s ?? '').replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').trim();

/**
 * The edit appending a risk to the register at `path`: a row after the table's last, with the values in the
 * register's own column order and its line breaks. The score is likelihood × impact when both are given;
 * every other column (controls, acceptance, status, columns the engine does not know) stays empty.
 */
export async function appendRiskRow(
  workspace: IsmsWorkspace,
  path: string,
  values: NewRiskValues,
  textOf: (path: string) => Promise<string | undefined>,
): Promise<{ id: string; line: number; edit: FileEdit } | undefined> {
  const doc = workspace.getDocument(path);
  const found = doc && registerTable(workspace, doc);
  if (!doc || !found) return undefined;
  const raw = await textOf(path);
  if (raw === undefined) return undefined;
  const text = new TextLines(raw);
  const { table, idColumn } = found;
  const id = nextRowId(workspace, table, idColumn) ?? nextDocumentId(workspace, 'R');
  const roles = table.roles?.risk ?? {};
  const score = values.likelihood !== undefined && values.impact !== undefined ? String(values.likelihood * values.impact) : '';
  const byColumn = new Map<number, string>([[idColumn, id]]);
  const put = (column: number | undefined, value: string | undefined) => {
    if (column !== undefined && column >= 0 && column !== idColumn && value !== undefined) byColumn.set(column, cell(value));
  };
  put(roles.description, values.description);
  put(roles.owner, values.owner);
  put(roles.likelihood, values.likelihood === undefined ? undefined : String(values.likelihood));
  put(roles.impact, values.impact === undefined ? undefined : String(values.impact));
  put(roles.score, score);
  put(roles.treatment, values.treatment);
  const cells = table.header.map((_, i) => byColumn.get(i) ?? '');
  const row = `| ${cells.join(' | ')} |`.replace(/\| {2}(?=\|)/g, '| ');
  const last = table.range.end.line;
  const at = { line: last, character: text.line(last).length };
  return { id, line: last + 1, edit: { path, edits: [{ range: { start: at, end: at }, newText: text.eol + row }] } };
}
