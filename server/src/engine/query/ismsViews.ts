// What the editor's ISMS views show, computed from the index: the evidence locker (the documented information an
// auditor asks for), the Statement of Applicability by theme, the risks by score, the scope's clause 4.3
// sections, and finding counts. Answers use the shared protocol types; `Linker` turns workspace paths into URIs.
import type { Diagnostic, IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import type {
  CheckCounts,
  FileHealthInfo,
  ControlReferenceInfo,
  ControlRiskInfo,
  DocumentSummary,
  EvidenceLockerRoot,
  LockerGroupInfo,
  LockerGroupKey,
  LockerItemInfo,
  Loc,
  ActionGroupInfo,
  ActionInfo,
  ObjectiveInfo,
  ReviewInfo,
  RiskInfo,
  ScopeDocumentInfo,
  SoaControlInfo,
  SoaCounts,
  SoaState,
  SoaThemeInfo,
  TemplateKind,
} from '../../protocol';
import type { Control } from '../catalogs/catalog';
import { ISO27001_THEMES } from '../catalogs/catalog';
import { LOCKER_ITEMS, provides } from '../isms/locker';
import { readObjectives } from '../isms/objectives';
import { implementationStatus } from '../isms/soa';
import { acceptanceThreshold } from '../isms/methodology';
import { SCOPE_SECTIONS, findScopeSection } from '../adopt/sections';
import { reviewDue, isRetired } from '../rules/reviewDates';
import { formatIsoDate, parseIsoDate } from '../util/dates';
import { usageOf } from './navigation';
import { OVERDUE_REVIEW_CODES, findingsOnLines, healthOf } from './health';
import { plural } from './text';

/** Maps workspace-relative paths to the URIs the client opens. */
export interface Linker {
  uri(path: string): string;
}

/** The latest findings of a workspace, by path, for the error and warning counts lists show. */
export type FindingsByPath = ReadonlyMap<string, readonly Diagnostic[]>;

export function groupFindings(findings: Iterable<Diagnostic>): Map<string, Diagnostic[]> {
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of findings) {
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  return byPath;
}

const loc = (linker: Linker, path: string, range: Range): Loc => ({ uri: linker.uri(path), line: range.start.line, character: range.start.character });

export const text = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : formatIsoDate(parseIsoDate(v)!);
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

/** A document's review state, as the locker, the preview's header card and the status bar show it. */
export function reviewInfo(workspace: IsmsWorkspace, doc: IsmsDocument, today: number): ReviewInfo {
  const data = doc.frontmatter?.data ?? {};
  const lastReviewed = text(data.last_reviewed);
  const cycle = text(data.review_cycle);
  if (isRetired(doc)) return { state: 'retired', lastReviewed, cycle, text: 'retired, no further reviews' };
  const due = reviewDue(doc);
  if (!due) return { state: 'none', lastReviewed, cycle, text: 'no review date' };
  const days = due.due - today;
  const state = days < 0 ? 'overdue' : days <= workspace.config.reviewDueSoonDays ? 'due-soon' : 'ok';
  const when = days < 0 ? `overdue by ${plural(-days, 'day')}` : days === 0 ? 'due today' : `due in ${plural(days, 'day')}`;
  return { state, due: formatIsoDate(due.due), days, lastReviewed, cycle, text: `next review ${formatIsoDate(due.due)}, ${when}` };
}

export function documentSummary(workspace: IsmsWorkspace, doc: IsmsDocument, today: number, linker: Linker, findings: FindingsByPath): DocumentSummary {
  const data = doc.frontmatter?.data ?? {};
  const own = findings.get(doc.path) ?? [];
  return {
    uri: linker.uri(doc.path),
    path: doc.path,
    id: doc.id,
    title: doc.title,
    type: doc.declaredType,
    owner: text(data.owner),
    status: text(data.status),
    version: text(data.version),
    review: reviewInfo(workspace, doc, today),
    errors: own.filter((d) => d.severity === 'error').length,
    warnings: own.filter((d) => d.severity === 'warning').length,
    health: healthOf(own),
  };
}

/** The template that creates a document providing each locker item. */
export const LOCKER_TEMPLATES: Readonly<Record<string, TemplateKind>> = {
  scope: 'scope',
  'information-security-policy': 'information-security-policy',
  'risk-assessment-process': 'risk-methodology',
  'risk-treatment-process': 'risk-methodology',
  soa: 'soa',
  'risk-treatment-plan': 'risk-treatment-plan',
  objectives: 'objectives',
  competence: 'competence-record',
  'operational-planning': 'change-log',
  'risk-register': 'risk-register',
  'monitoring-results': 'monitoring-results',
  'internal-audit': 'audit',
  'audit-programme': 'audit-programme',
  'management-review': 'management-review',
  nonconformities: 'nonconformity-log',
};

const GROUPS: { key: LockerGroupKey; title: string; types: readonly string[] }[] = [
  { key: 'policies', title: 'Other policies', types: ['policy'] },
  { key: 'procedures', title: 'Procedures', types: ['procedure'] },
  { key: 'exceptions', title: 'Exceptions and break-glass records', types: ['exception'] },
  { key: 'records', title: 'Records and other documents', types: [] },
];

const byPath = (a: IsmsDocument, b: IsmsDocument) => a.path.localeCompare(b.path);

/**
 * The evidence locker: every item of documented information ISO/IEC 27001:2022 asks for (required ones first,
 * in clause order) with the documents providing it, then the documents that provide none, by kind.
 */
export function evidenceLocker(workspace: IsmsWorkspace, today: number, linker: Linker, findings: FindingsByPath): Omit<EvidenceLockerRoot, 'rootUri' | 'name'> {
  const docs = workspace.ismsDocuments().sort(byPath);
  const required = new Set(workspace.config.mandatoryDocuments);
  const used = new Set<string>();
  const items: LockerItemInfo[] = LOCKER_ITEMS.map((item) => {
    const providing = docs.filter((d) => provides(item, d));
    for (const d of providing) used.add(d.path);
    return {
      key: item.key,
      title: item.title,
      clause: item.clause,
      required: required.has(item.key),
      present: providing.length > 0,
      documents: providing.map((d) => documentSummary(workspace, d, today, linker, findings)),
      ...(item.key === 'objectives' ? { objectives: objectiveList(providing, linker, findings) } : {}),
      template: LOCKER_TEMPLATES[item.key] ?? 'record',
      add: item.add,
    };
  });
  items.sort((a, b) => Number(b.required) - Number(a.required));
  const rest = docs.filter((d) => !used.has(d.path));
  const groups: LockerGroupInfo[] = GROUPS.map((g) => ({ key: g.key, title: g.title, documents: [] as DocumentSummary[] }));
  for (const doc of rest) {
    const group = GROUPS.findIndex((g) => g.types.includes(doc.type ?? ''));
    groups[group >= 0 ? group : GROUPS.length - 1].documents.push(documentSummary(workspace, doc, today, linker, findings));
  }
  return { ismsDocuments: docs.length, items, groups: groups.filter((g) => g.documents.length > 0) };
}

function emptyCounts(): SoaCounts {
  return { total: 0, applicable: 0, excluded: 0, unclear: 0, missing: 0, implemented: 0, partial: 0, notImplemented: 0 };
}

function count(counts: SoaCounts, c: Pick<SoaControlInfo, 'state' | 'implementation'>): void {
  counts.total++;
  if (c.state === 'applicable') counts.applicable++;
  else if (c.state === 'excluded') counts.excluded++;
  else if (c.state === 'unclear') counts.unclear++;
  else counts.missing++;
  if (c.state === 'excluded' || c.state === 'missing') return;
  if (c.implementation === 'implemented') counts.implemented++;
  else if (c.implementation === 'partial') counts.partial++;
  else if (c.implementation === 'not-implemented') counts.notImplemented++;
}

/** A control with what the SoA says about it, the documents that mention it and the risks it treats. */
/** What the SoA says about a control: its rows, state and implementation (all the coverage counts read). */
function soaStateOf(workspace: IsmsWorkspace, control: Control) {
  const rows = workspace.soaRowsFor(control.id).filter((r) => !r.legacyTable);
  const row = rows[0];
  const state: SoaState = !row ? 'missing' : row.applicable === true ? 'applicable' : row.applicable === false ? 'excluded' : 'unclear';
  const implementation = state === 'excluded' || state === 'missing' ? 'unknown' : implementationStatus(row?.status);
  return { rows, row, state, implementation };
}

export function controlInfo(workspace: IsmsWorkspace, control: Control, linker: Linker): SoaControlInfo {
  const { rows, row, state, implementation } = soaStateOf(workspace, control);
  const usage = usageOf(workspace, 'control', control.id);
  const documents: ControlReferenceInfo[] = usage.documents.map((path) => {
    const doc = workspace.getDocument(path);
    const first = doc?.references.find((r) => r.kind === 'control' && r.id === control.id);
    return { uri: linker.uri(path), path, id: doc?.id, title: doc?.title, line: first?.range.start.line ?? 0 };
  });
  const risks: ControlRiskInfo[] = usage.risks.map((id) => {
    const risk = workspace.risks().get(id)?.[0];
    return { id, description: risk?.description, score: risk ? riskScore(risk) : undefined, loc: risk ? loc(linker, risk.path, risk.range) : undefined };
  });
  return {
    id: control.id,
    title: control.title,
    theme: control.theme,
    catalog: control.catalog,
    state,
    implementation,
    statusText: text(row?.status),
    applicableText: text(row?.applicableText),
    justification: text(row?.justification?.text),
    row: row ? loc(linker, row.path, row.range) : undefined,
    rowCount: rows.length,
    documents,
    risks,
  };
}

/** The 93 Annex A controls of ISO/IEC 27001:2022 by theme, each with its SoA status. */
export function soaTree(workspace: IsmsWorkspace, linker: Linker): { soaDocuments: { uri: string; path: string; id?: string; title?: string }[]; counts: SoaCounts; themes: SoaThemeInfo[] } {
  const counts = emptyCounts();
  const themes: SoaThemeInfo[] = ISO27001_THEMES.map((theme) => ({ theme, counts: emptyCounts(), controls: [] }));
  for (const control of workspace.catalogs.annexA()) {
    const info = controlInfo(workspace, control, linker);
    let theme = themes.find((t) => t.theme === control.theme);
    if (!theme) themes.push((theme = { theme: control.theme, counts: emptyCounts(), controls: [] }));
    theme.controls.push(info);
    count(theme.counts, info);
    count(counts, info);
  }
  const soaDocuments = workspace
    .ismsDocuments()
    .filter((d) => d.type === 'soa')
    .sort(byPath)
    .map((d) => ({ uri: linker.uri(d.path), path: d.path, id: d.id, title: d.title }));
  return { soaDocuments, counts, themes };
}

/**
 * soaTree's counts alone, per theme and overall, without each control's documents and risks: the preview's
 * coverage summary (finding every control's mentions was most of soaTree's time on a large ISMS).
 */
export function soaCoverage(workspace: IsmsWorkspace): { counts: SoaCounts; themes: { theme: string; counts: SoaCounts }[] } {
  const counts = emptyCounts();
  const themes = ISO27001_THEMES.map((theme) => ({ theme: theme as string, counts: emptyCounts() }));
  for (const control of workspace.catalogs.annexA()) {
    const info = soaStateOf(workspace, control);
    let theme = themes.find((t) => t.theme === control.theme);
    if (!theme) themes.push((theme = { theme: control.theme, counts: emptyCounts() }));
    count(theme.counts, info);
    count(counts, info);
  }
  return { counts, themes };
}

/** Every control of the enabled catalogs (and custom controls) with its SoA status, for a quick pick. */
export function allControls(workspace: IsmsWorkspace, linker: Linker): SoaControlInfo[] {
  return workspace.catalogs.all().map((c) => controlInfo(workspace, c, linker));
}

function riskScore(risk: { score?: number; likelihood?: number; impact?: number }): number | undefined {
  return risk.score ?? (risk.likelihood !== undefined && risk.impact !== undefined ? risk.likelihood * risk.impact : undefined);
}

/** Every risk, highest score first (then by ID), with its owner, treatment, controls and the findings on its row. */
export function riskList(workspace: IsmsWorkspace, linker: Linker, findings: FindingsByPath = new Map()): { threshold: number; risks: RiskInfo[] } {
  const threshold = acceptanceThreshold(workspace).value;
  const risks: RiskInfo[] = [];
  for (const list of workspace.risks().values()) {
    for (const risk of list) {
      const doc = workspace.getDocument(risk.path);
      const score = riskScore(risk);
      const controls = [...new Map(risk.controls.map((c) => [c.id, c])).keys()].map((id) => {
        const row = workspace.soaRowsFor(id)[0];
        return { id, title: workspace.catalogs.get(id)?.title, row: row ? loc(linker, row.path, row.range) : undefined };
      });
      risks.push({
        id: risk.id,
        description: text(risk.description),
        owner: text(risk.owner),
        likelihood: risk.likelihood,
        impact: risk.impact,
        score,
        treatment: text(risk.treatment),
        status: text(risk.status),
        acceptedBy: text(risk.acceptedBy),
        loc: doc?.type === 'risk' ? { uri: linker.uri(risk.path), line: 0 } : loc(linker, risk.path, risk.range),
        source: { uri: linker.uri(risk.path), path: risk.path, id: doc?.id },
        aboveThreshold: score !== undefined && score > threshold,
        controls,
        // A risk document is the risk: all its findings; a register row: the findings on the row.
        health: healthOf(doc?.type === 'risk' ? (findings.get(risk.path) ?? []) : findingsOnLines(findings.get(risk.path) ?? [], risk.range)),
      });
    }
  }
  const idOrder = (id: string) => id.replace(/\d+/g, (n) => n.padStart(6, '0'));
  risks.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || idOrder(a.id).localeCompare(idOrder(b.id)));
  return { threshold, risks };
}

/** Each scope document with the clause 4.3 sections it has and lacks. */
export function scopeDocuments(workspace: IsmsWorkspace, today: number, linker: Linker, findings: FindingsByPath): ScopeDocumentInfo[] {
  return workspace
    .ismsDocuments()
    .filter((d) => d.type === 'scope')
    .sort(byPath)
    .map((doc) => {
      const own = findings.get(doc.path) ?? [];
      const headings = SCOPE_SECTIONS.map((s) => findScopeSection(s, doc.headings, workspace.config.scopeSections[s.key]));
      const sections = SCOPE_SECTIONS.map((s, i) => {
        const found = headings[i];
        // Present: the findings from its heading to the next heading of its level or of another section (a
        // statement under the document's title ends where the boundaries begin); missing: the finding saying so.
        const next = found && doc.headings.slice(doc.headings.indexOf(found) + 1).find((h) => h.depth <= found.depth || headings.includes(h));
        const inSection = found
          ? own.filter((d) => d.range.start.line >= found.range.start.line && (!next || d.range.start.line < next.range.start.line))
          : own.filter((d) => d.code === 'scope-missing-section' && d.data?.section === s.key);
        return { key: s.key, title: s.title, clause: s.clause, present: !!found, heading: found?.text, loc: found ? loc(linker, doc.path, found.range) : undefined, health: healthOf(inSection) };
      });
      return { ...documentSummary(workspace, doc, today, linker, findings), sections };
    });
}


/** Finding counts by severity, and how many say a review is overdue or due soon. */
export function checkCounts(findings: Iterable<Diagnostic>): CheckCounts {
  const counts: CheckCounts = { errors: 0, warnings: 0, infos: 0, hints: 0, overdueReviews: 0, overdueActions: 0, dueSoonReviews: 0 };
  for (const d of findings) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else if (d.severity === 'info') counts.infos++;
    else counts.hints++;
    if (OVERDUE_REVIEW_CODES.has(d.code)) counts.overdueReviews++;
    if (d.code === 'review-due-soon') counts.dueSoonReviews++;
    if (d.code === 'action-overdue') counts.overdueActions++;
  }
  return counts;
}

/** Each file with findings and what they are, in path order, for the editor's file decorations. */
export function fileHealth(linker: Linker, findings: FindingsByPath): FileHealthInfo[] {
  const out: FileHealthInfo[] = [];
  for (const [path, list] of findings) {
    const health = healthOf(list);
    if (health.worst) out.push({ uri: linker.uri(path), path, health });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every open action, grouped by the document that decided it: groups with overdue actions first. */
export function actionList(workspace: IsmsWorkspace, today: number, linker: Linker): { open: number; overdue: number; groups: ActionGroupInfo[] } {
  const groups = new Map<string, ActionGroupInfo>();
  let open = 0;
  let overdue = 0;
  for (const action of workspace.trackedActions()) {
    const row = action.current;
    if (!row.open) continue;
    open++;
    const days = row.due !== undefined && row.due < today ? today - row.due : undefined;
    if (days !== undefined) overdue++;
    const source = action.decided.path;
    let group = groups.get(source);
    if (!group) {
      const doc = workspace.getDocument(source);
      group = { source: { uri: linker.uri(source), path: source, id: doc?.id, title: doc?.title, type: doc?.declaredType, date: text(doc?.frontmatter?.data.date) }, overdue: 0, actions: [] };
      groups.set(source, group);
    }
    if (days !== undefined) group.overdue++;
    group.actions.push({
      id: action.id,
      text: row.text,
      owner: row.owner,
      due: row.due !== undefined ? formatIsoDate(row.due) : undefined,
      dueText: row.dueText,
      status: row.status,
      overdueDays: days,
      loc: loc(linker, row.path, row.range),
    });
  }
  const dueOrder = (a: ActionInfo) => (a.due ?? '9999');
  for (const g of groups.values()) g.actions.sort((a, b) => (b.overdueDays ?? -1) - (a.overdueDays ?? -1) || dueOrder(a).localeCompare(dueOrder(b)) || (a.id ?? a.text).localeCompare(b.id ?? b.text));
  const maxOverdue = (g: ActionGroupInfo) => g.actions[0]?.overdueDays ?? -1;
  const sorted = [...groups.values()].sort((a, b) => maxOverdue(b) - maxOverdue(a) || (b.source.date ?? '').localeCompare(a.source.date ?? '') || a.source.path.localeCompare(b.source.path));
  return { open, overdue, groups: sorted };
}

/** The objectives of `objectives` documents with their state, for the Evidence Locker. */
export function objectiveList(docs: readonly IsmsDocument[], linker: Linker, findings: FindingsByPath): ObjectiveInfo[] {
  const out: ObjectiveInfo[] = [];
  for (const doc of docs) {
    const own = findings.get(doc.path) ?? [];
    for (const o of readObjectives(doc)) {
      const on = (code: string) => own.some((d) => d.code === code && d.range.start.line >= o.range.start.line && d.range.start.line <= o.range.end.line);
      const state = on('objective-not-measurable') ? 'not-measurable' : on('objective-measurement-stale') ? 'stale' : 'measurable';
      out.push({ id: o.id, title: o.title, status: o.status, measure: o.measure ?? o.target, owner: o.owner, due: o.due, state, loc: loc(linker, doc.path, o.range) });
    }
  }
  return out;
}

/**
 * The next free ID with a prefix: one more than the highest `PREFIX-<n>` in use, as wide as the widest number
 * seen (at least 3 digits): `POL-015`, `EXC-2026-004`.
 */
export function nextDocumentId(workspace: IsmsWorkspace, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}-(\\d+)$`);
  let max = 0;
  let width = 3;
  const taken = new Set<string>([...workspace.documentIds().keys(), ...workspace.risks().keys()]);
  for (const id of taken) {
    const m = pattern.exec(id);
    if (!m) continue;
    max = Math.max(max, Number(m[1]));
    width = Math.max(width, m[1].length);
  }
  let n = max + 1;
  let id = `${prefix}-${String(n).padStart(width, '0')}`;
  while (taken.has(id)) id = `${prefix}-${String(++n).padStart(width, '0')}`;
  return id;
}
