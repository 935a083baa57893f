import type { IsmsDocument } from '../model';
import { GENERIC_APPROVERS } from '../parse/statements';
import { inSection, sectionsOf } from '../isms/sections';
import { hasValue, isDraft } from '../isms/status';
import { findColumn } from '../parse/tables';
import { SCOPE_SECTIONS } from './scopeMissingSection';
import type { IsmsWorkspace } from '../workspace/workspace';
import type { DocumentRule } from './rule';
import { documentAnchor } from './helpers';

const APPROVAL = SCOPE_SECTIONS.find((s) => s.key === 'approval')!.pattern;
const APPROVER_COLUMNS = ['approved by', 'approver', 'name', 'signed by', 'signatory', 'genehmigt von', 'approuvé par', 'aprobado por', 'goedgekeurd door', '承認者'];
const DATE_COLUMNS = ['date', 'approved on', 'approval date', 'signed on', 'datum', 'fecha', 'data', '日付', '承認日'];
const DATE_VALUE = /\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d{1,2}\s+\p{L}+\s+\d{4}\b/u;

/** What the approval section of a scope states: a named approver and a date (in prose, `Key: value` lines or a table). */
export function approvalEvidence(doc: IsmsDocument): { approver: boolean; date: boolean; section?: IsmsDocument['headings'][number] } {
  const sections = sectionsOf(doc).filter((s) => APPROVAL.test(s.title));
  let approver = false;
  let date = false;
  for (const section of sections) {
    for (const s of doc.statements) {
      if (!inSection(section, s.range)) continue;
      if (s.kind === 'approved-by' && !GENERIC_APPROVERS.test(s.value.replace(/\s*\([^)]*\)\s*/g, ' ').trim())) approver = true;
      if (s.kind === 'date') date = true;
      if (s.kind === 'field' && /^(?:approved by|approver|signed by|signatory|name)$/.test(s.key ?? '') && !GENERIC_APPROVERS.test(s.value)) approver = true;
      if (s.kind === 'field' && /date|datum|fecha|日付/.test(s.key ?? '') && DATE_VALUE.test(s.value)) date = true;
    }
    for (const table of doc.tables) {
      if (!inSection(section, table.range)) continue;
      const who = findColumn(table, APPROVER_COLUMNS);
      const when = findColumn(table, DATE_COLUMNS);
      for (const row of table.rows) {
        if (who >= 0 && row.cells[who]?.text.trim() && !GENERIC_APPROVERS.test(row.cells[who].text.trim())) approver = true;
        if (when >= 0 && DATE_VALUE.test(row.cells[when]?.text ?? '')) date = true;
      }
    }
  }
  return { approver, date, section: sections[0]?.heading };
}

/**
 * Whether the ISMS records approvals in its Markdown at all: some document names an approver, an approval date or
 * an approval record, or holds management review minutes. A repository that records none (a handbook approved
 * through merge requests and code owners) keeps its approvals elsewhere: a missing approval is not reported there.
 */
export function recordsApprovals(workspace: IsmsWorkspace): boolean {
  return workspace
    .ismsDocuments()
    .some((d) => d.type === 'management-review' || hasValue(d, 'approved_by') || hasValue(d, 'approved_on') || hasValue(d, 'approval_record'));
}

export const scopeApprovalMissing: DocumentRule = {
  code: 'scope-approval-missing',
  family: 'scope',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'The scope\'s management approval names no approver or no date, neither in its approval section nor in `approved_by` / `approved_on` ("Approved by management" alone is not evidence). Not reported on a draft scope, nor where no document records an approval at all (the approvals are kept elsewhere, e.g. merge request approvals) and the scope has no approval section.',
  fix: 'Record who approved the scope and when: `approved_by: Name (role)` and `approved_on: YYYY-MM-DD`, or both in the approval section.',
  check(doc, ctx) {
    if (doc.type !== 'scope' || isDraft(doc)) return; // a draft is not approved yet
    const approverField = hasValue(doc, 'approved_by') && !GENERIC_APPROVERS.test(String(doc.frontmatter!.data.approved_by).trim());
    const dateField = hasValue(doc, 'approved_on');
    if (approverField && dateField) return;
    const evidence = approvalEvidence(doc);
    if (!evidence.section && !approverField && !dateField && !recordsApprovals(ctx.workspace)) return; // approvals are kept outside the Markdown
    const missing: string[] = [];
    if (!approverField && !evidence.approver) missing.push('approver');
    if (!dateField && !evidence.date) missing.push('date');
    if (missing.length === 0) return;
    const where = evidence.section ? `the "${evidence.section.text}" section` : 'the scope (it has no approval section)';
    ctx.report({
      range: evidence.section?.range ?? documentAnchor(doc),
      message: `The scope's management approval names no ${missing.join(' and no ')}: neither ${where} nor \`approved_by\` / \`approved_on\` says who in top management approved it and when.`,
      data: { missing },
    });
  },
};
