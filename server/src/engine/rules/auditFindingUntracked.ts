import type { IsmsDocument, Range } from '../model';
import { inSection, sectionsOf } from '../isms/sections';
import { findColumn } from '../parse/tables';
import { declaredClauses } from '../isms/locker';
import { TICKET } from './exceptionRecordIncomplete';
import { resolveLink } from './helpers';
import type { RuleContext, WorkspaceRule } from './rule';

const NONCONFORMITY = /\b(?:major|minor)\b|non-?conformit|nichtkonformit|\bmajeure?\b|\bmineure?\b|\bmayor\b|\bmenor\b|\bno conformidad|\bafwijking|不適合/iu;
const NOT_NC = /\b(?:opportunit(?:y|ies)|ofi|observation|recommendation|positive|good practice|strength)\b|verbesserungspotenzial|observaci[oó]n|observatie|観察/iu;
const CLASS_COLUMNS = ['classification', 'type', 'category', 'grade', 'severity', 'finding type', 'klassifizierung', 'art', 'classement', 'clasificación', 'classificatie', '分類'];
const FINDING_COLUMNS = ['finding', 'findings', 'description', 'nonconformity', 'feststellung', 'constat', 'hallazgo', 'bevinding', '所見'];
const ACTION_KEYS = /corrective action|action|ticket|issue|maßnahme|korrektur|action corrective|acción correctiva|corrigerende maatregel|是正処置/iu;

interface Finding {
  id?: string;
  label: string;
  range: Range;
  /** Lines the finding spans, where its corrective action may be named. */
  startLine: number;
  endLine: number;
}

/** Nonconformities of an audit report: sections whose heading classifies them, and rows of a findings table. */
export function nonconformities(doc: IsmsDocument): Finding[] {
  const found: Finding[] = [];
  for (const s of sectionsOf(doc)) {
    if (s.heading.depth < 2 || !NONCONFORMITY.test(s.heading.text) || NOT_NC.test(s.heading.text)) continue;
    if (/^(?:(?:major|minor) )?non-?conformit(?:y|ies)(?: and .*)?$|^findings?$/i.test(s.title)) continue; // a group heading
    const id = doc.references.find((r) => r.range.start.line === s.startLine && r.kind === 'document')?.id;
    found.push({ id, label: s.heading.text, range: s.heading.range, startLine: s.startLine, endLine: s.endLine });
  }
  for (const table of doc.tables) {
    const cls = findColumn(table, CLASS_COLUMNS);
    if (cls < 0) continue;
    const text = findColumn(table, FINDING_COLUMNS);
    for (const row of table.rows) {
      const c = row.cells[cls]?.text ?? '';
      if (!NONCONFORMITY.test(c) || NOT_NC.test(c)) continue;
      const line = row.range.start.line;
      const id = doc.references.find((r) => r.range.start.line === line && r.kind === 'document')?.id;
      found.push({ id, label: (row.cells[text >= 0 ? text : 0]?.text ?? c).slice(0, 80), range: row.range, startLine: line, endLine: row.range.end.line });
    }
  }
  return found;
}

function tracked(doc: IsmsDocument, finding: Finding, ctx: RuleContext): boolean {
  const span = { startLine: finding.startLine, endLine: finding.endLine };
  if (doc.references.some((r) => inSection(span, r.range) && r.kind === 'action')) return true;
  for (const s of doc.statements) {
    if (!inSection(span, s.range) || s.kind !== 'field' || !ACTION_KEYS.test(s.key ?? '')) continue;
    if (s.value.split(/[\s,;]+/).some((w) => TICKET.test(w.replace(/[.)]+$/, '')))) return true;
  }
  for (const link of doc.links) {
    if (!inSection(span, link.range)) continue;
    if (/^[a-z]+:\/\/\S*(?:issue|ticket|browse|jira|linear|\/-\/)/i.test(link.target)) return true;
    const target = resolveLink(doc.path, link.target, ctx.workspace.config.siteRoot);
    const linked = target?.path ? ctx.workspace.getDocument(target.path) : undefined;
    if (linked && isActionLog(linked)) return true;
  }
  // The finding's ID in an action table or an action log elsewhere (the nonconformity log records it).
  if (finding.id) {
    for (const { doc: other } of ctx.workspace.referencesTo('document', finding.id)) {
      // Through getDocument, so a change of that document's type or clauses re-runs this rule.
      const log = other.path !== doc.path ? ctx.workspace.getDocument(other.path) : undefined;
      if (log && isActionLog(log)) return true;
    }
    if (ctx.workspace.actionRows().some((a) => a.text.includes(finding.id!))) return true;
  }
  return false;
}

function isActionLog(doc: IsmsDocument): boolean {
  return doc.type === 'action-log' || declaredClauses(doc).includes('10.2');
}

export const auditFindingUntracked: WorkspaceRule = {
  code: 'audit-finding-untracked',
  family: 'reviews',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description:
    'An internal audit report (`type: audit`) has a finding classified as a nonconformity (major or minor) that names no corrective action: no action ID, no link to the action log, no ticket, and the action log does not mention its ID.',
  fix: 'Raise a corrective action for the nonconformity and name it in the finding (an action ID, a ticket, or a link to the action log entry).',
  check(ctx) {
    for (const doc of ctx.workspace.ismsDocuments()) {
      if (doc.type !== 'audit') continue;
      for (const finding of nonconformities(doc)) {
        if (tracked(doc, finding, ctx)) continue;
        ctx.report({
          path: doc.path,
          range: finding.range,
          message: `Nonconformity ${finding.id ?? `"${finding.label}"`} names no corrective action: no action ID, ticket or link to the action log, and no action log mentions it (clause 10.2). An auditor will ask how it is being corrected.`,
          data: { finding: finding.id ?? finding.label },
        });
      }
    }
  },
};
