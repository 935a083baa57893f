import { isBlank } from '../isms/values';
import { readSoaTables } from '../isms/soa';
import type { DocumentRule } from './rule';

/** Exclusion "reasons" that give no reason: the classic audit finding. */
const BARE_EXCLUSION = /^(?:n\/?a|n\.a\.?|not applicable|none|excluded|not required|not needed|not relevant|no)\.?$/i;

export const soaJustificationMissing: DocumentRule = {
  code: 'soa-justification-missing',
  family: 'soa',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'A Statement of Applicability row has no justification for including or excluding the control (clause 6.1.3 d), or excludes it with a bare "N/A".',
  fix: 'Write why the control is needed (risk IDs, legal, contractual or business requirement) or why it is excluded (the reason it does not apply).',
  check(doc, ctx) {
    for (const table of readSoaTables(doc)) {
      if (table.legacy) continue; // soa-legacy-2013 reports the table as a whole
      if (!table.hasJustification) {
        ctx.report({
          range: table.headerRange,
          message: table.headings
            ? 'This Statement of Applicability gives no Justification under its controls. Clause 6.1.3 d requires a justification for including or excluding every control: add a "Justification:" line under each.'
            : 'This Statement of Applicability has no Justification column. Clause 6.1.3 d requires a justification for including or excluding every control: add the column and fill it in.',
          data: { missingColumn: true },
        });
        continue;
      }
      for (const row of table.rows) {
        const cell = row.justification;
        const range = cell?.range ?? row.range;
        const text = cell?.text;
        const state = row.applicable === false ? 'excluded' : row.applicable ? 'included' : 'listed';
        if (isBlank(text)) {
          ctx.report({
            range,
            message: `${row.controlId} is ${state} without a justification. ${
              row.applicable === false ? 'State why the control does not apply to the ISMS scope.' : 'State why the control is needed: the risks it treats or the requirement it meets.'
            }`,
            data: { controlId: row.controlId, applicable: row.applicable },
          });
        } else if (row.applicable === false && BARE_EXCLUSION.test(text!.trim())) {
          ctx.report({
            range,
            message: `${row.controlId} is excluded with "${text!.trim()}", which gives no reason. Auditors raise this as a finding: state why the control does not apply (e.g. "no premises: all staff work remotely").`,
            data: { controlId: row.controlId, applicable: false },
          });
        }
      }
    }
  },
};
