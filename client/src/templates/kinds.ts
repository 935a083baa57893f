// The kinds of document "ISMS: New Document…" writes, each from templates/documents/<kind>.md: where it goes,
// its ID prefix and a default title. No vscode import, so tests can check every template.
import type { TemplateKind } from '../../../server/src/protocol';

export interface TemplateKindInfo {
  kind: TemplateKind;
  label: string;
  detail: string;
  /** Folder (relative to the workspace folder) the new file goes in; '' for the top. */
  folder: string;
  /** ID prefix without the trailing dash; `{year}` is replaced by the current year. */
  prefix: string;
  defaultTitle: string;
}

export const TEMPLATE_KINDS: readonly TemplateKindInfo[] = [
  { kind: 'scope', label: 'ISMS scope', detail: 'Clause 4.3: scope statement, boundaries, interfaces, issues, interested parties, exclusions, approval', folder: '', prefix: 'SCOPE', defaultTitle: 'ISMS Scope' },
  { kind: 'information-security-policy', label: 'Information security policy', detail: 'Clause 5.2: the top-level policy', folder: 'policies', prefix: 'POL', defaultTitle: 'Information Security Policy' },
  { kind: 'policy', label: 'Topic-specific policy', detail: 'Annex A 5.1: a policy with controls, review dates and approval', folder: 'policies', prefix: 'POL', defaultTitle: 'New Policy' },
  { kind: 'procedure', label: 'Procedure / SOP', detail: 'Purpose, scope, roles, steps, records', folder: 'procedures', prefix: 'PRO', defaultTitle: 'New Procedure' },
  { kind: 'risk-methodology', label: 'Risk management methodology', detail: 'Clauses 6.1.2 and 6.1.3: scales, acceptance threshold, treatment options', folder: 'procedures', prefix: 'PRO', defaultTitle: 'Risk Management Methodology' },
  { kind: 'risk-register', label: 'Risk register', detail: 'Clause 8.2: risks with owner, likelihood, impact, score, treatment, controls', folder: 'risk', prefix: 'RR', defaultTitle: 'Information Security Risk Register' },
  { kind: 'risk', label: 'Risk', detail: 'A risk with its owner, likelihood, impact and treatment: a row of a risk register, or a document of its own', folder: 'risk', prefix: 'R', defaultTitle: 'New Risk' },
  { kind: 'soa', label: 'Statement of Applicability', detail: 'Clause 6.1.3 d: all 93 Annex A controls with applicability, justification, status', folder: 'soa', prefix: 'SOA', defaultTitle: 'Statement of Applicability' },
  { kind: 'risk-treatment-plan', label: 'Risk treatment plan', detail: 'Clause 6.1.3 e: actions, owners, due dates', folder: 'risk', prefix: 'RTP', defaultTitle: 'Risk Treatment Plan' },
  { kind: 'objectives', label: 'Information security objectives', detail: 'Clause 6.2: measurable objectives with owners and dates', folder: '', prefix: 'OBJ', defaultTitle: 'Information Security Objectives' },
  { kind: 'audit', label: 'Internal audit report', detail: 'Clause 9.2: scope, criteria, findings, nonconformities', folder: 'audits', prefix: 'AUD-{year}', defaultTitle: 'Internal Audit Report' },
  { kind: 'audit-programme', label: 'Internal audit programme', detail: 'Clause 9.2.2: audits planned over the cycle', folder: 'records', prefix: 'REC', defaultTitle: 'Internal Audit Programme' },
  { kind: 'management-review', label: 'Management review minutes', detail: 'Clause 9.3: the inputs a) to g) and the decisions', folder: 'management-reviews', prefix: 'MR-{year}', defaultTitle: 'Management Review' },
  { kind: 'break-glass', label: 'Break-glass record', detail: 'An emergency access, reviewed within 24 hours', folder: 'exceptions', prefix: 'EXC-{year}', defaultTitle: 'Break-glass access' },
  { kind: 'deviation', label: 'Temporary deviation', detail: 'An approved exception to a control, with an expiry date', folder: 'exceptions', prefix: 'EXC-{year}', defaultTitle: 'Temporary deviation' },
  { kind: 'record', label: 'Record', detail: 'Other evidence: a register, log or report', folder: 'records', prefix: 'REC', defaultTitle: 'New Record' },
  { kind: 'competence-record', label: 'Competence and training record', detail: 'Clause 7.2', folder: 'records', prefix: 'REC', defaultTitle: 'Competence and Training Record' },
  { kind: 'change-log', label: 'Change log', detail: 'Clauses 6.3 and 8.1: planned changes and their control', folder: 'records', prefix: 'REC', defaultTitle: 'Change Log' },
  { kind: 'monitoring-results', label: 'Monitoring and measurement results', detail: 'Clause 9.1', folder: 'records', prefix: 'REC', defaultTitle: 'Monitoring and Measurement Results' },
  { kind: 'nonconformity-log', label: 'Nonconformity and corrective action log', detail: 'Clause 10.2', folder: 'records', prefix: 'REC', defaultTitle: 'Nonconformity and Corrective Action Log' },
];

export function templateKind(kind: string): TemplateKindInfo | undefined {
  return TEMPLATE_KINDS.find((k) => k.kind === kind);
}

/** `Access Control Policy` -> `access-control-policy`. */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'document'
  );
}
