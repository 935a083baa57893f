// Quick fixes keyed on diagnostic codes: each returns titled edits, computed from the index and the current text.
import type { IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { SCOPE_SECTIONS } from '../rules/scopeMissingSection';
import { normaliseHeader } from '../parse/tables';
import { readSoaTables } from '../isms/soa';
import { addCycle, formatIsoDate, parseCycle } from '../util/dates';
import { TextLines, comparePositions, sameRange } from './text';
import { setField } from './frontmatterEdits';
import { ISO42001_2023 } from '../catalogs/catalog';
import type { FileEdit, TextEdit, TextSource } from './types';

export interface QuickFix {
  title: string;
  edits: FileEdit[];
  preferred?: boolean;
  /** The diagnostic codes this fix resolves (for the client to link them). */
  code: string;
}

export interface FixableDiagnostic {
  code: string;
  range: Range;
  data?: unknown;
}

export interface FixEnvironment {
  today: number;
  /** The user's name for "reviewed by" (asked only when a fix needs it). */
  userName: () => Promise<string>;
  textOf: TextSource;
}

/** Codes with a quick fix. */
export const FIXABLE_CODES = [
  'control-legacy-id',
  'scope-missing-section',
  'soa-control-missing',
  'review-overdue',
  'review-due-soon',
  'frontmatter-missing-field',
  'exception-review-overdue',
  'scope-soa-version-mismatch',
  'management-review-input-missing',
  'management-review-output-missing',
  'risk-score-mismatch',
  'frontmatter-syntax',
  'control-unknown',
] as const;

const dataOf = (d: FixableDiagnostic) => (d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : {});

export async function quickFixes(workspace: IsmsWorkspace, doc: IsmsDocument, diagnostic: FixableDiagnostic, env: FixEnvironment): Promise<QuickFix[]> {
  const raw = await env.textOf(doc.path);
  if (raw === undefined) return [];
  const text = new TextLines(raw);
  const data = dataOf(diagnostic);
  const one = (title: string, edits: (TextEdit | undefined)[], preferred = true, path = doc.path): QuickFix[] => {
    const real = edits.filter((e): e is TextEdit => e !== undefined);
    return real.length ? [{ title, edits: [{ path, edits: real }], preferred, code: diagnostic.code }] : [];
  };
  switch (diagnostic.code) {
    case 'control-legacy-id': {
      const replacements = Array.isArray(data.replacements) ? data.replacements.map(String) : [];
      const range = insideQuotes(text, diagnostic.range);
      const fixes = replacements.map((id) => one(`Replace with ${id} ${workspace.catalogs.get(id)?.title ?? ''}`.trim(), [{ range, newText: id }], replacements.length === 1)).flat();
      if (replacements.length > 1) fixes.unshift(...one(`Replace with ${replacements.join(', ')}`, [{ range, newText: replacements.join(', ') }], true));
      return fixes;
    }
    case 'scope-soa-version-mismatch': {
      if (typeof data.actual !== 'string' || typeof data.cited !== 'string') return [];
      const range = insideQuotes(text, diagnostic.range);
      if (text.slice(range) !== data.cited) return []; // the text changed since the check
      return one(`Cite SoA version ${data.actual}`, [{ range, newText: data.actual }]);
    }
    case 'management-review-input-missing':
    case 'management-review-output-missing': {
      if (typeof data.title !== 'string' || typeof data.clause !== 'string') return [];
      return one(`Insert a "${data.title}" section`, [appendSections(text, [{ title: data.title, clause: data.clause }])]);
    }
    case 'scope-missing-section': {
      const section = SCOPE_SECTIONS.find((s) => s.key === data.section || s.title === data.title);
      if (!section) return [];
      return one(`Insert a "${section.title}" section`, [appendSections(text, [section])]);
    }
    case 'soa-control-missing': {
      const ids = typeof data.controlId === 'string' ? [data.controlId] : Array.isArray(data.controlIds) ? data.controlIds.map(String) : [];
      if (ids.length === 0) return [];
      const edit = await addSoaRows(workspace, doc, ids, env.textOf);
      const title = ids.length === 1 ? `Add ${ids[0]} ${workspace.catalogs.get(ids[0])?.title ?? ''}`.trim() + ' to the SoA' : `Add rows for all ${ids.length} ${data.missing ? 'missing' : 'Annex A'} controls to the SoA`;
      return edit ? [{ title, edits: [edit], preferred: ids.length === 1, code: diagnostic.code }] : [];
    }
    case 'review-overdue':
    case 'review-due-soon': {
      const data2 = doc.frontmatter?.data ?? {};
      const cycle = parseCycle(data2.review_cycle) ?? { months: 12 };
      const today = formatIsoDate(env.today);
      const next = formatIsoDate(addCycle(env.today, cycle));
      const edits = [setField(doc, text, 'last_reviewed', today)];
      const rollNext = data2.next_review !== undefined || parseCycle(data2.review_cycle) === undefined;
      if (rollNext) edits.push(setField(doc, text, 'next_review', next));
      return one(`Mark reviewed today (last_reviewed ${today}${rollNext ? `, next_review ${next}` : ''})`, sameLineInserts(edits));
    }
    case 'frontmatter-missing-field': {
      const field = typeof data.field === 'string' ? data.field : undefined;
      if (!field || !doc.frontmatter) return [];
      const value = await defaultValue(workspace, doc, field, env);
      return one(`Add \`${field}: ${value}\` to the frontmatter`, [setField(doc, text, field, value)]);
    }
    case 'exception-review-overdue': {
      const name = await env.userName();
      const today = formatIsoDate(env.today);
      return one(`Mark reviewed: ${today} by ${name}`, sameLineInserts([setField(doc, text, 'reviewed_on', today), setField(doc, text, 'reviewed_by', name)]));
    }
    case 'risk-score-mismatch': {
      // Only on the score cell as written (a finding on a scale breach carries no `expected`).
      const expected = typeof data.expected === 'number' ? data.expected : undefined;
      if (expected === undefined || Number(text.slice(diagnostic.range).trim()) !== data.stated) return [];
      return one(`Correct the score to ${expected} (likelihood × impact)`, [{ range: diagnostic.range, newText: String(expected) }]);
    }
    case 'control-unknown': {
      // An ISO/IEC 42001 control while that catalog is off: enable it in the configuration file.
      if (!/42001/.test(text.slice(diagnostic.range)) || workspace.catalogs.isEnabled(ISO42001_2023) || !workspace.configPath) return [];
      const configText = await env.textOf(workspace.configPath);
      const edit = configText === undefined ? undefined : enableCatalog(configText, ISO42001_2023);
      return edit ? one(`Enable the ISO/IEC 42001 catalog in ${workspace.configPath}`, [edit], true, workspace.configPath) : [];
    }
    case 'frontmatter-syntax': {
      const fix = data.fix as { title?: unknown; range?: Range; newText?: unknown } | undefined;
      if (!fix || typeof fix.title !== 'string' || typeof fix.newText !== 'string' || !fix.range) return [];
      return one(fix.title, [{ range: fix.range, newText: fix.newText }]);
    }
    default:
      return [];
  }
}

/** A range without the quotes around a quoted YAML value. */
function insideQuotes(text: TextLines, range: Range): Range {
  const written = text.slice(range);
  if (!/^(["']).*\1$/.test(written)) return range;
  return { start: { ...range.start, character: range.start.character + 1 }, end: { ...range.end, character: range.end.character - 1 } };
}

/** Several inserts at the same point must become one edit, or clients may apply them in either order. */
function sameLineInserts(edits: (TextEdit | undefined)[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (!e) continue;
    const prev = out.find((o) => comparePositions(o.range.start, o.range.end) === 0 && comparePositions(e.range.start, e.range.end) === 0 && comparePositions(o.range.start, e.range.start) === 0);
    if (prev) prev.newText += e.newText;
    else out.push(e);
  }
  return out;
}

/**
 * Appends section skeletons at the end of a document. A file without a final newline keeps having none, so the
 * fix changes no more than the sections it adds.
 */
export function appendSections(text: TextLines, sections: readonly { title: string; clause: string }[]): TextEdit {
  const end = text.end();
  const lastLine = text.line(end.line);
  const finalNewline = lastLine === '';
  const lead = lastLine.trim() === '' ? (text.line(end.line - 1).trim() === '' ? '' : text.eol) : text.eol + text.eol;
  const body = sections.map((s) => `## ${s.title}${text.eol}${text.eol}TODO: ISO/IEC 27001 clause ${s.clause}.${text.eol}`).join(text.eol);
  return { range: { start: end, end }, newText: lead + (finalNewline ? body : body.slice(0, -text.eol.length)) };
}

/** All missing scope sections at once (for a document with several findings). */
export async function insertAllScopeSections(doc: IsmsDocument, keys: string[], textOf: TextSource): Promise<FileEdit | undefined> {
  const raw = await textOf(doc.path);
  if (raw === undefined) return undefined;
  const sections = SCOPE_SECTIONS.filter((s) => keys.includes(s.key));
  return sections.length ? { path: doc.path, edits: [appendSections(new TextLines(raw), sections)] } : undefined;
}

const controlOrder = (id: string) => id.replace(/\d+/g, (n) => n.padStart(3, '0'));

/**
 * Adds rows for controls to the SoA's (first 2022) control table, each after the last row that sorts before
 * it, with the catalog title when the table has a title column.
 */
export async function addSoaRows(workspace: IsmsWorkspace, doc: IsmsDocument, controlIds: string[], textOf: TextSource): Promise<FileEdit | undefined> {
  const soaDocs = [doc, ...workspace.ismsDocuments().sort((a, b) => a.path.localeCompare(b.path))].filter((d) => d.type === 'soa');
  for (const soaDoc of soaDocs) {
    const soaTable = readSoaTables(soaDoc).find((t) => !t.legacy);
    const table = soaTable && soaDoc.tables.find((t) => sameRange(t.range, soaTable.range));
    if (!soaTable || !table || table.header.length === 0) continue;
    const raw = await textOf(soaDoc.path);
    if (raw === undefined) return undefined;
    const text = new TextLines(raw);
    const controlColumn = Math.max(0, table.roles?.soa?.control ?? 0);
    const titleColumn = table.header.findIndex((h) => ['title', 'name', 'control title', 'control name'].includes(normaliseHeader(h.text)));
    const byLine = new Map<number, string[]>();
    for (const id of [...new Set(controlIds)].sort((a, b) => controlOrder(a).localeCompare(controlOrder(b)))) {
      const cells = table.header.map((_, i) => (i === controlColumn ? id : i === titleColumn ? (workspace.catalogs.get(id)?.title ?? '') : ''));
      const rowText = `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`.replace(/ {2}\|/g, ' |');
      // After the last row that sorts before it, else right after the delimiter row.
      let line = table.header[0].range.start.line + 1;
      for (const row of soaTable.rows) if (controlOrder(row.controlId) < controlOrder(id)) line = row.range.end.line;
      byLine.set(line, [...(byLine.get(line) ?? []), rowText]);
    }
    const edits = [...byLine].map(([line, rows]): TextEdit => {
      const at = { line, character: text.line(line).length };
      return { range: { start: at, end: at }, newText: rows.map((r) => text.eol + r).join('') };
    });
    return edits.length ? { path: soaDoc.path, edits } : undefined;
  }
  return undefined;
}

const ID_PREFIX: Record<string, string> = {
  scope: 'SCOPE', policy: 'POL', procedure: 'PRO', 'risk-register': 'RR', risk: 'R', soa: 'SOA', 'risk-treatment-plan': 'RTP',
  objectives: 'OBJ', audit: 'AUD', 'management-review': 'MR', exception: 'EXC', record: 'REC',
};

/** A sensible value for a missing field: the next free ID, the first heading as title, today for dates. */
async function defaultValue(workspace: IsmsWorkspace, doc: IsmsDocument, field: string, env: FixEnvironment): Promise<string> {
  if (field === 'id') {
    const sameType = workspace.ismsDocuments().filter((d) => d.type === doc.type && d.id);
    const prefix = /^(.*?)-?\d+$/.exec(sameType[0]?.id ?? '')?.[1] ?? ID_PREFIX[doc.type ?? ''] ?? 'DOC';
    let n = 1;
    for (const d of sameType) {
      const m = /(\d+)$/.exec(d.id!);
      if (m && d.id!.startsWith(prefix)) n = Math.max(n, Number(m[1]) + 1);
    }
    let id = `${prefix}-${String(n).padStart(3, '0')}`;
    while (workspace.documentsWithId(id).length) id = `${prefix}-${String(++n).padStart(3, '0')}`;
    return id;
  }
  if (field === 'title') return doc.headings.find((h) => h.depth === 1)?.text ?? doc.path.replace(/^.*\//, '').replace(/\.\w+$/, '').replace(/[-_]+/g, ' ');
  if (field === 'owner') return 'TBD';
  if (field === 'last_reviewed' || field === 'date' || field === 'next_review') return formatIsoDate(env.today);
  if (field === 'opened') return new Date(env.today * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  if (field === 'reviewed_by') return env.userName();
  return 'TBD';
}

/**
 * The edit that adds `catalog` to `catalogs:` in a configuration file (a block list, a flow list, or none yet),
 * with the file's own line ends and its final newline kept (or its absence).
 */
export function enableCatalog(configText: string, catalog: string): TextEdit | undefined {
  const { eol } = new TextLines(configText);
  const lines = configText.split(/\r?\n/);
  const at = lines.findIndex((l) => /^catalogs\s*:/.test(l));
  if (at < 0) {
    const last = lines.length - 1;
    const pos = { line: last, character: lines[last].length };
    const block = ['catalogs:', '  - iso27001-2022', `  - ${catalog}`].join(eol);
    return { range: { start: pos, end: pos }, newText: lines[last] === '' ? block + eol : eol + block };
  }
  const flow = /^(catalogs\s*:\s*\[)(.*)\]\s*(#.*)?$/.exec(lines[at]);
  if (flow) {
    const end = lines[at].lastIndexOf(']');
    const pos = { line: at, character: end };
    return { range: { start: pos, end: pos }, newText: flow[2].trim() ? `, ${catalog}` : catalog };
  }
  if (lines[at].replace(/#.*$/, '').trim() !== 'catalogs:' && !/^catalogs\s*:\s*$/.test(lines[at].replace(/#.*$/, ''))) return undefined;
  let lastItem = at;
  let indent = '  ';
  for (let i = at + 1; i < lines.length; i++) {
    const item = /^(\s*)- /.exec(lines[i]);
    if (item) {
      lastItem = i;
      indent = item[1];
    } else if (lines[i].trim() !== '' && !/^\s*#/.test(lines[i])) break;
  }
  const pos = { line: lastItem, character: lines[lastItem].length };
  return { range: { start: pos, end: pos }, newText: `${eol}${indent}- ${catalog}` };
}
