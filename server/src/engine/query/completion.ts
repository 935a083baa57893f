// Completion: control IDs (with titles, filtered by what has been typed: `A.8.`, `42001:A.6`), risk IDs,
// document IDs, frontmatter keys and values (type, status, review_cycle, dates defaulting to today), link paths
// and heading anchors after `#` (in this document or `other.md#`).
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, type IsmsDocument, type Position, type Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { resolveLink } from '../rules/helpers';
import { addCycle, CYCLE_NAMES, formatIsoDate, parseCycle } from '../util/dates';
import { posix } from '../util/posixPath';
import { TextLines } from './text';
import { nextRowId } from './newRisk';

export type CompletionKind = 'control' | 'risk' | 'action' | 'document' | 'key' | 'value' | 'date' | 'anchor' | 'file';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  insertText: string;
  /** The text the entry replaces (what has been typed of it). */
  range: Range;
  filterText?: string;
  sortText?: string;
  preselect?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** True when the server filtered by the typed prefix, so the client must ask again as it grows or shrinks. */
  isIncomplete: boolean;
}

/** Frontmatter keys ISMS documents use, with a short description. */
export const FRONTMATTER_KEYS: Record<string, string> = {
  type: 'Document type (scope, policy, soa, risk-register, …)',
  id: 'Unique document ID, e.g. POL-001',
  title: 'Document title',
  owner: 'Role accountable for the document',
  version: 'Document version',
  status: 'draft, approved or retired',
  approved_by: 'Who approved this version',
  approved_on: 'Approval date (YYYY-MM-DD)',
  last_reviewed: 'Date of the last review (YYYY-MM-DD)',
  review_cycle: 'monthly, quarterly, semiannual, annual or an ISO duration (P90D)',
  next_review: 'Date the next review is due (YYYY-MM-DD)',
  controls: 'Annex A controls this document implements',
  risks: 'Risk IDs this document addresses',
  related: 'IDs of related documents',
  clauses: 'ISO/IEC 27001 clauses this document covers',
  evidence: 'Paths of evidence files',
  date: 'Date of the audit or management review',
  opened: 'When the exception was opened (ISO date-time)',
  kind: 'Kind of exception, e.g. break-glass',
  reviewed_on: 'When the exception was reviewed',
  reviewed_by: 'Who reviewed the exception',
};

export const DATE_KEYS = new Set(['approved_on', 'last_reviewed', 'next_review', 'date', 'opened', 'reviewed_on', 'closed', 'closed_on', 'due', 'expires']);
const PERSON_KEYS = new Set(['owner', 'approved_by', 'reviewed_by']);

export function complete(workspace: IsmsWorkspace, doc: IsmsDocument | undefined, rawText: string, pos: Position, today: number): CompletionResult | undefined {
  const text = new TextLines(rawText);
  const before = text.line(pos.line).slice(0, pos.character);
  const close = frontmatterEnd(text);
  if (close !== undefined && pos.line > 0 && pos.line < close) return frontmatterCompletion(workspace, doc, text, close, pos, before, today);
  if (close === undefined && text.line(0).trim() === '---' && pos.line > 0) return frontmatterCompletion(workspace, doc, text, text.lines.length, pos, before, today);
  return bodyCompletion(workspace, doc, pos, before);
}

/** The line of the closing `---` when the text opens with frontmatter. */
function frontmatterEnd(text: TextLines): number | undefined {
  if (!/^---\s*$/.test(text.line(0))) return undefined;
  for (let l = 1; l < text.lines.length; l++) if (/^(---|\.\.\.)\s*$/.test(text.line(l))) return l;
  return undefined;
}

const rangeBack = (pos: Position, length: number): Range => ({ start: { line: pos.line, character: pos.character - length }, end: pos });

function frontmatterCompletion(workspace: IsmsWorkspace, doc: IsmsDocument | undefined, text: TextLines, close: number, pos: Position, before: string, today: number): CompletionResult | undefined {
  const keyLine = (l: number) => /^([\w-]+)\s*:/.exec(text.line(l))?.[1];
  const keyTyping = /^([\w-]*)$/.exec(before);
  if (keyTyping) {
    const present = new Set<string>();
    for (let l = 1; l < close; l++) if (l !== pos.line && keyLine(l)) present.add(keyLine(l)!);
    const items = Object.entries(FRONTMATTER_KEYS)
      .filter(([k]) => !present.has(k))
      .map(([k, d], i): CompletionEntry => ({ label: k, kind: 'key', detail: d, insertText: `${k}: `, range: rangeBack(pos, keyTyping[1].length), sortText: String(i).padStart(3, '0') }));
    return { items, isIncomplete: false };
  }
  let key: string | undefined;
  let value: string;
  const pair = /^([\w-]+)\s*:\s?(.*)$/.exec(before);
  const item = /^\s+-\s?(.*)$|^-\s?(.*)$/.exec(before);
  if (pair) [key, value] = [pair[1], pair[2]];
  else if (item) {
    value = item[1] ?? item[2] ?? '';
    for (let l = pos.line - 1; l > 0 && !key; l--) key = keyLine(l);
  } else return undefined;
  if (!key) return undefined;
  // The token being typed: after the last `[`, `,`, quote or space.
  const token = /[^\s,[\]"']*$/.exec(value)![0];
  const range = rangeBack(pos, token.length);
  const values = (list: readonly string[], detail?: string) => ({
    items: list.map((v, i): CompletionEntry => ({ label: v, kind: 'value', detail, insertText: v, range, sortText: String(i).padStart(3, '0') })),
    isIncomplete: false,
  });
  if (key === 'type') return values(DOCUMENT_TYPES, 'document type');
  if (key === 'status') return values(DOCUMENT_STATUSES, 'document status');
  if (key === 'review_cycle') return values([...CYCLE_NAMES, 'P90D'], 'review cycle');
  if (DATE_KEYS.has(key)) return { items: dateEntries(key, text, close, range, today), isIncomplete: false };
  if (key === 'controls') return idEntries(workspace, doc, token, range, ['control']);
  if (key === 'risks') return idEntries(workspace, doc, token, range, ['risk']);
  if (key === 'related') return idEntries(workspace, doc, token, range, ['document']);
  if (PERSON_KEYS.has(key)) {
    const people = new Set<string>();
    for (const d of workspace.ismsDocuments()) for (const k of PERSON_KEYS) if (typeof d.frontmatter?.data[k] === 'string') people.add(String(d.frontmatter.data[k]));
    return values([...people].sort(), 'used in this ISMS');
  }
  return undefined;
}

function dateEntries(key: string, text: TextLines, close: number, range: Range, today: number): CompletionEntry[] {
  const entries: CompletionEntry[] = [{ label: formatIsoDate(today), kind: 'date', detail: 'today', insertText: formatIsoDate(today), range, preselect: true, sortText: '0' }];
  if (key === 'next_review') {
    let cycleText: string | undefined;
    for (let l = 1; l < close; l++) cycleText ??= /^review_cycle\s*:\s*([^#\s]+)/.exec(text.line(l))?.[1];
    const cycle = parseCycle(cycleText) ?? { months: 12 };
    const next = formatIsoDate(addCycle(today, cycle));
    entries.unshift({ label: next, kind: 'date', detail: `today + ${cycleText ?? 'annual'}`, insertText: next, range, preselect: true, sortText: '00' });
    entries[1].preselect = false;
  }
  return entries;
}

function idEntries(workspace: IsmsWorkspace, doc: IsmsDocument | undefined, token: string, range: Range, kinds: ('control' | 'risk' | 'action' | 'document')[]): CompletionResult {
  const prefix = token.toLowerCase();
  const matches = (id: string) => id.toLowerCase().startsWith(prefix);
  const items: CompletionEntry[] = [];
  if (kinds.includes('control')) {
    for (const c of workspace.catalogs.all()) {
      if (!matches(c.id)) continue;
      items.push({ label: c.id, kind: 'control', detail: c.title, documentation: `${c.theme} · ${c.catalog}`, insertText: c.id, range, filterText: c.id, sortText: controlSortKey(c.id) });
    }
  }
  if (kinds.includes('risk')) {
    for (const [id, risks] of workspace.risks()) {
      if (matches(id)) items.push({ label: id, kind: 'risk', detail: risks[0].description, documentation: risks[0].path, insertText: id, range, filterText: id, sortText: `r${id}` });
    }
  }
  if (kinds.includes('action')) {
    for (const action of workspace.trackedActions()) {
      if (!action.id || !matches(action.id)) continue;
      const row = action.current;
      items.push({ label: action.id, kind: 'action', detail: row.text, documentation: `${row.open ? 'open' : 'done'}${row.owner ? ` · ${row.owner}` : ''}${row.dueText ? ` · due ${row.dueText}` : ''} · ${row.path}`, insertText: action.id, range, filterText: action.id, sortText: `a${action.id.replace(/\d+/g, (n) => n.padStart(6, '0'))}` });
    }
  }
  if (kinds.includes('document')) {
    for (const [id, docs] of workspace.documentIds()) {
      if (id === doc?.id || !matches(id) || (kinds.includes('risk') && workspace.risks().has(id)) || (kinds.includes('action') && workspace.actionById(id))) continue;
      items.push({ label: id, kind: 'document', detail: docs[0].title, documentation: `${docs[0].declaredType ?? ''} · ${docs[0].path}`, insertText: id, range, filterText: id, sortText: `d${id}` });
    }
  }
  return { items, isIncomplete: token.length > 0 };
}

/** Sorts `A.5.2` before `A.5.10`. */
function controlSortKey(id: string): string {
  return id.replace(/\d+/g, (n) => n.padStart(3, '0'));
}

function bodyCompletion(workspace: IsmsWorkspace, doc: IsmsDocument | undefined, pos: Position, before: string): CompletionResult | undefined {
  const link = /\]\(<?([^)\s>]*)$/.exec(before) ?? /^\s{0,3}\[[^\]]+\]:\s*<?(\S*)$/.exec(before);
  if (link) return linkCompletion(workspace, doc, pos, link[1]);
  const token = /(?:42001:\s?)?[\w.:-]*$/.exec(before)![0];
  // The first cell of a row in a table with an ID column (a risk register): the next free ID first.
  const idCell = /^\s*\|\s*([\w-]*)$/.exec(before);
  const next = idCell && doc ? nextTableId(workspace, doc, pos.line) : undefined;
  if (next && next.toLowerCase().startsWith(idCell![1].toLowerCase())) {
    const range = rangeBack(pos, idCell![1].length);
    const first: CompletionEntry = { label: next, kind: 'risk', detail: 'next free ID', insertText: next, range, filterText: next, sortText: '!', preselect: true };
    const rest = token && /^[A-Za-z]/.test(token) ? idEntries(workspace, doc, token, range, ['risk', 'document']).items : [];
    return { items: [first, ...rest], isIncomplete: token.length > 0 };
  }
  if (!token || !/^[A-Za-z4]/.test(token)) return undefined;
  const range = rangeBack(pos, token.length);
  const kinds: ('control' | 'risk' | 'action' | 'document')[] = [];
  if (/^(A(\.[\d.]*)?|42001:?\s?(A\.?[\d.]*)?|4(2(0(0(1)?)?)?)?)$/i.test(token)) kinds.push('control');
  if (/^[A-Za-z]/.test(token)) kinds.push('risk', 'action', 'document');
  return idEntries(workspace, doc, token, range, kinds);
}

function linkCompletion(workspace: IsmsWorkspace, doc: IsmsDocument | undefined, pos: Position, typed: string): CompletionResult | undefined {
  if (!doc) return undefined;
  const hash = typed.indexOf('#');
  if (hash >= 0) {
    const pathPart = typed.slice(0, hash);
    const targetPath = pathPart ? resolveLink(doc.path, pathPart, workspace.config.siteRoot)?.path : doc.path;
    const target = targetPath ? workspace.getDocument(targetPath) : undefined;
    if (!target) return undefined;
    const range = rangeBack(pos, typed.length - hash - 1);
    const items = target.headings.map((h, i): CompletionEntry => ({ label: `#${h.slug}`, kind: 'anchor', detail: `${'#'.repeat(h.depth)} ${h.text}`, insertText: h.slug, filterText: h.slug, range, sortText: String(i).padStart(4, '0') }));
    return { items, isIncomplete: false };
  }
  const range = rangeBack(pos, typed.length);
  const from = posix.dirname(doc.path);
  const items = workspace
    .markdownDocuments()
    .filter((d) => d.path !== doc.path)
    .map((d): CompletionEntry => {
      const rel = posix.relative(from, d.path);
      return { label: rel, kind: 'file', detail: [d.id, d.title].filter(Boolean).join(' · ') || undefined, insertText: rel, range, filterText: rel };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { items, isIncomplete: false };
}

/** Header names of an ID column, as the first column of a register. */
const ID_HEADERS = new Set(['id', 'risk id', 'ref', 'reference', 'no', 'no.']);

/** The next free ID of the table around `line` whose first column holds IDs (`R-007` after `R-006`). */
export function nextTableId(workspace: IsmsWorkspace, doc: IsmsDocument, line: number): string | undefined {
  const table = doc.tables.find((t) => line >= t.range.start.line && line <= t.range.end.line + 1);
  if (!table || !ID_HEADERS.has(table.header[0]?.text.trim().toLowerCase() ?? '')) return undefined;
  return nextRowId(workspace, table, 0, line);
}
