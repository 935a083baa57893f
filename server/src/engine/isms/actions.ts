// Actions (clauses 9.3.3 and 10.2): rows of action tables in management review minutes, audit reports, risk
// treatment plans and action logs, and task-list items (`- [ ] text owner: X due: 2026-12-01`) in any ISMS
// document. An action with an ID (`ACT-12`, `actionIdPattern`) may appear in several places (decided in a
// review, tracked in the action log, reported on in the next review): trackActions merges them.
import type { IsmsDocument, Range, TableCell } from '../model';
import { cellAt, findColumn, idColumn } from '../parse/tables';
import { parseIsoDate } from '../util/dates';
import { isBlank } from './values';

export interface ActionRow {
  path: string;
  /** `ACT-12`, when the row names one. */
  id?: string;
  idRange?: Range;
  text: string;
  owner?: string;
  ownerRange?: Range;
  /** Days since epoch; undefined when absent or not a date (see dueText). */
  due?: number;
  dueText?: string;
  dueRange?: Range;
  status?: string;
  open: boolean;
  /** The whole row or list item. */
  range: Range;
  source: 'table' | 'task';
  /** The table has no Owner (or Due) column: every row lacks it. */
  columns: { owner: boolean; due: boolean };
}

/** Document types whose tables hold actions. */
export const ACTION_DOCUMENT_TYPES = new Set(['management-review', 'audit', 'risk-treatment-plan', 'action-log']);

/** Column names, several languages; most specific first. */
export const ACTION_COLUMNS = {
  action: ['action', 'actions', 'corrective action', 'action item', 'task', 'tasks', 'decision', 'massnahme', 'maßnahme', 'aufgabe', 'acción', 'accion', 'tarea', 'tâche', 'tache', 'actie', 'taak', 'azione', 'ação', 'acao', '対策', '処置', 'タスク', 'アクション'],
  id: ['id', 'action id', 'ref', 'no', '#', 'nr', 'número'],
  owner: ['owner', 'action owner', 'responsible', 'assignee', 'who', 'verantwortlich', 'responsable', 'eigenaar', 'verantwoordelijke', 'responsabile', 'responsável', '担当', '担当者', '責任者'],
  due: ['due', 'due date', 'deadline', 'target date', 'by', 'when', 'frist', 'fällig', 'termin', 'échéance', 'date limite', 'fecha límite', 'fecha limite', 'plazo', 'deadline datum', 'scadenza', 'prazo', '期限', '期日'],
  status: ['status', 'state', 'progress', 'stand', 'statut', 'estado', 'stato', '状態', 'ステータス'],
} as const;

const CLOSED = /^(?:done|closed|complete|completed|cancel+ed|achieved|resolved|implemented|finished|superseded|withdrawn|erledigt|abgeschlossen|storniert|termin[ée]e?|fait|clos|cl[oô]tur[ée]e?|annul[ée]e?|hecho|cerrad[oa]|completad[oa]|cancelad[oa]|afgerond|gesloten|geannuleerd|chiuso|completato|conclu[ií]do|fechado|完了|済|中止)\b/iu;

/** Whether a status cell says the action is finished (`Done: …`, `Closed 2026-09-24`, `cancelled`). */
export function isClosedStatus(status: string | undefined): boolean {
  return status !== undefined && CLOSED.test(status.replace(/^[\s*_`✅✔✓]+/u, '').trim());
}

/** `owner: Head of Security` and `due: 2026-12-01` written inline in a task item. */
const INLINE = (key: string) => new RegExp(`(?:^|[\\s(\\[,;])${key}\\s*[:=]\\s*(.+?)(?=\\s+[\\p{L}_]+\\s*[:=]|[,;)\\]]|$)`, 'iu');
const INLINE_OWNER = [INLINE('owner'), INLINE('assignee'), INLINE('responsible'), INLINE('verantwortlich'), INLINE('responsable'), INLINE('@owner')];
const INLINE_DUE = [INLINE('due'), INLINE('deadline'), INLINE('by'), INLINE('frist'), INLINE('échéance'), INLINE('plazo')];

/** A template's empty row ("To be recorded"): no action yet. */
const PLACEHOLDER = /^(?:to be (?:recorded|defined|decided|confirmed|agreed)|tbd|tba|todo|none|n\/a|keine|aucune?|ninguna?)\.?$/i;

const rowsCache = new WeakMap<IsmsDocument, ActionRow[]>();

/** The actions a document defines (cached per parsed document). */
export function readActions(doc: IsmsDocument, actionMatcher: RegExp): ActionRow[] {
  let rows = rowsCache.get(doc);
  if (rows) return rows;
  rows = [];
  if (doc.declaredType !== undefined) {
    if (doc.type && ACTION_DOCUMENT_TYPES.has(doc.type)) for (const table of doc.tables) rows.push(...tableActions(doc, table, actionMatcher));
    rows.push(...taskActions(doc, actionMatcher));
  }
  rowsCache.set(doc, rows);
  return rows;
}

function firstId(text: string, matcher: RegExp): { id: string; index: number } | undefined {
  matcher.lastIndex = 0;
  const m = matcher.exec(text);
  matcher.lastIndex = 0;
  return m ? { id: m[0], index: m.index } : undefined;
}

function tableActions(doc: IsmsDocument, table: IsmsDocument['tables'][number], matcher: RegExp): ActionRow[] {
  const action = findColumn(table, ACTION_COLUMNS.action);
  if (action < 0) return [];
  const owner = findColumn(table, ACTION_COLUMNS.owner);
  const due = findColumn(table, ACTION_COLUMNS.due);
  const status = findColumn(table, ACTION_COLUMNS.status);
  // An action table tracks who does what by when: a two-column "Action | Status" report on earlier actions is not one.
  if ([owner, due, status].filter((c) => c >= 0).length < 2) return [];
  const idCol = idColumn(table, ACTION_COLUMNS.id);
  const rows: ActionRow[] = [];
  for (const row of table.rows) {
    const actionCell = row.cells[action];
    if (!actionCell || isBlank(actionCell.text) || PLACEHOLDER.test(actionCell.text.trim())) continue;
    const idCell = cellAt(row.cells, idCol);
    const id = (idCell && firstId(idCell.text, matcher)) ?? firstId(actionCell.text, matcher);
    const idSource: TableCell = idCell && firstId(idCell.text, matcher) ? idCell : actionCell;
    const ownerCell = cellAt(row.cells, owner);
    const dueCell = cellAt(row.cells, due);
    const statusText = cellAt(row.cells, status)?.text;
    rows.push({
      path: doc.path,
      id: id?.id,
      idRange: id ? idRangeIn(doc, idSource, id.id) : undefined,
      text: actionCell.text,
      owner: ownerCell && !isBlank(ownerCell.text) ? ownerCell.text : undefined,
      ownerRange: ownerCell?.range,
      due: dueCell ? parseDueDate(dueCell.text) : undefined,
      dueText: dueCell && !isBlank(dueCell.text) ? dueCell.text : undefined,
      dueRange: dueCell?.range,
      status: statusText,
      open: !isClosedStatus(statusText),
      range: row.range,
      source: 'table',
      columns: { owner: owner >= 0, due: due >= 0 },
    });
  }
  return rows;
}

/** The reference range of an ID inside a cell (the parser found it), else the cell. */
function idRangeIn(doc: IsmsDocument, cell: TableCell, id: string): Range {
  const ref = doc.references.find((r) => r.kind === 'action' && r.id === id && r.range.start.line === cell.range.start.line && r.range.start.character >= cell.range.start.character && r.range.end.character <= cell.range.end.character);
  return ref?.range ?? cell.range;
}

function taskActions(doc: IsmsDocument, matcher: RegExp): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const item of doc.listItems) {
    if (item.checked === undefined) continue;
    const owner = matchFirst(INLINE_OWNER, item.text);
    const dueText = matchFirst(INLINE_DUE, item.text);
    const id = firstId(item.text, matcher);
    // A plain checklist is not an action list: the item must carry an owner, a due date or an action ID.
    if (!owner && !dueText && !id) continue;
    const ref = id ? doc.references.find((r) => r.kind === 'action' && r.id === id.id && r.range.start.line === item.range.start.line) : undefined;
    rows.push({
      path: doc.path,
      id: id?.id,
      idRange: ref?.range ?? (id ? item.range : undefined),
      text: item.text.replace(/\s+(?:owner|assignee|responsible|due|deadline|by)\s*[:=].*$/i, '').trim() || item.text,
      owner,
      ownerRange: item.range,
      due: dueText ? parseDueDate(dueText) : undefined,
      dueText,
      dueRange: item.range,
      status: item.checked ? 'done' : 'open',
      open: !item.checked,
      range: item.range,
      source: 'task',
      columns: { owner: true, due: true },
    });
  }
  return rows;
}

function matchFirst(patterns: RegExp[], text: string): string | undefined {
  for (const p of patterns) {
    const m = p.exec(text);
    const v = m?.[1].replace(/[*_`]+/g, '').trim();
    if (v && !isBlank(v)) return v;
  }
  return undefined;
}

/** `2026-12-01` (also as the first word of a longer cell: `2026-12-01 (moved from 2026-11-15)`). */
export function parseDueDate(text: string): number | undefined {
  const m = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/.exec(text.replace(/~~[^~]*~~/g, ''));
  return m ? parseIsoDate(m[0]) : undefined;
}

/** One action across the places it appears. */
export interface TrackedAction {
  id?: string;
  /** The row that states its current state: an action log's, else the latest-dated document's. */
  current: ActionRow;
  /** The row of the earliest document that lists it: where it was decided. */
  decided: ActionRow;
  rows: ActionRow[];
}

/** Merges rows with the same ID; `documentOf` finds each row's document (for its type and date). */
export function trackActions(rows: readonly ActionRow[], documentOf: (path: string) => IsmsDocument | undefined): TrackedAction[] {
  const rank = (row: ActionRow) => {
    const doc = documentOf(row.path);
    const date = parseIsoDate(doc?.frontmatter?.data.date) ?? parseIsoDate(doc?.frontmatter?.data.last_reviewed) ?? 0;
    return { log: doc?.type === 'action-log' ? 1 : 0, date };
  };
  const byId = new Map<string, ActionRow[]>();
  const tracked: TrackedAction[] = [];
  for (const row of rows) {
    if (!row.id) {
      tracked.push({ current: row, decided: row, rows: [row] });
      continue;
    }
    const list = byId.get(row.id);
    if (list) list.push(row);
    else byId.set(row.id, [row]);
  }
  for (const [id, list] of byId) {
    const ranked = list.map((row) => ({ row, ...rank(row) }));
    const current = ranked.reduce((a, b) => (b.log > a.log || (b.log === a.log && b.date > a.date) ? b : a)).row;
    const decided = ranked.filter((r) => r.log === 0).reduce<(typeof ranked)[number] | undefined>((a, b) => (!a || b.date < a.date ? b : a), undefined)?.row ?? list[0];
    tracked.push({ id, current, decided, rows: list });
  }
  return tracked;
}
