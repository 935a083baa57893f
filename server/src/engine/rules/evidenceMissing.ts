import { evidenceCellHasReference, implementationStatus, readSoaTables } from '../isms/soa';
import type { DocumentRule } from './rule';
import { caseHint, linkProblems } from './linkTargets';
import { isBlank } from '../isms/values';

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const evidenceMissing: DocumentRule = {
  code: 'evidence-missing',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'A link or `evidence:` entry points to a non-Markdown evidence file (PDF, screenshot, export) that does not exist, or an SoA row says a control is implemented but its Evidence cell points at nothing (an Evidence cell describing its evidence in words is a hint to link it; beside a column naming the implementing document it is enough).',
  fix: 'Add the evidence file at that path, or correct the link; for an implemented SoA control, link the policy, procedure or record that shows it in place.',
  check(doc, ctx) {
    for (const p of linkProblems(doc, ctx.workspace)) {
      if (p.kind !== 'missing-evidence') continue;
      ctx.report({ range: p.link.range, message: `Evidence file ${p.path} does not exist. An auditor following this link will find nothing.${caseHint(p)}`, data: { target: p.path } });
    }
    for (const table of readSoaTables(doc)) {
      if (table.legacy || !table.hasEvidence || !table.hasStatus) continue;
      for (const row of table.rows) {
        if (row.applicable === false || implementationStatus(row.status) !== 'implemented') continue;
        if (row.evidence && evidenceCellHasReference(row.evidence)) continue;
        const described = row.evidence && !isBlank(row.evidence.text);
        // A description of the evidence beside a column naming the implementing document is evidence enough.
        if (described && row.document && !isBlank(row.document.text)) continue;
        if (described) {
          ctx.report({
            range: row.evidence!.range,
            message: `${row.controlId}'s evidence is described in words ("${shorten(row.evidence!.text)}"), not linked. Link the record or document it names so an auditor can open it.`,
            data: { controlId: row.controlId },
            atMost: 'hint',
          });
          continue;
        }
        ctx.report({
          range: row.evidence?.range ?? row.range,
          message: `${row.controlId} is marked "${row.status!.trim()}" but its ${table.headings ? 'Evidence line' : 'Evidence cell'} points at nothing. Link the policy, procedure or record that shows the control in place.`,
          data: { controlId: row.controlId },
        });
      }
    }
  },
};
