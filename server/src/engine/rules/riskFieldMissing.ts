import type { Risk } from '../isms/risks';
import { TREATMENT_VOCABULARY, parseTreatment } from '../isms/treatment';
import { isBlank } from '../isms/values';
import { isRetired } from '../isms/status';
import type { WorkspaceRule } from './rule';

/** What a risk must state for clauses 6.1.2 and 6.1.3: an owner, a likelihood, an impact and a treatment decision. */
const REQUIRED: { field: 'owner' | 'likelihood' | 'impact' | 'treatment'; label: string; value: (r: Risk) => string | undefined }[] = [
  { field: 'owner', label: 'owner', value: (r) => r.owner },
  { field: 'likelihood', label: 'likelihood', value: (r) => r.likelihoodText },
  { field: 'impact', label: 'impact', value: (r) => r.impactText },
  { field: 'treatment', label: 'treatment decision', value: (r) => r.treatment },
];

export const riskFieldMissing: WorkspaceRule = {
  code: 'risk-field-missing',
  family: 'risks',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description:
    'A risk (register row or `risk` document) has no owner, likelihood, impact or treatment decision, or its treatment is not a recognised option (modify/retain/avoid/share or treat/tolerate/transfer/terminate).',
  fix: 'Fill in the missing fields (add the column if the register lacks it); write the treatment as modify, retain, avoid or share (or treat, tolerate, transfer, terminate; mitigate, reduce, accept).',
  check(ctx) {
    for (const risks of ctx.workspace.risks().values()) {
      for (const risk of risks) {
        const doc = ctx.workspace.getDocument(risk.path);
        if (doc?.type === 'risk' && isRetired(doc)) continue;
        const missing = REQUIRED.filter((r) => isBlank(r.value(risk)));
        const unknownTreatment = !isBlank(risk.treatment) && parseTreatment(risk.treatment) === undefined ? risk.treatment!.trim() : undefined;
        if (missing.length === 0 && unknownTreatment === undefined) continue;
        const isDoc = doc?.type === 'risk';
        const parts: string[] = [];
        if (missing.length) {
          const noColumn = missing.filter((m) => !risk.columns.has(m.field));
          parts.push(
            `Risk ${risk.id} has no ${joinAnd(missing.map((m) => m.label))}` +
              (!isDoc && noColumn.length ? ` (the register has no ${joinAnd(noColumn.map((m) => m.label))} column)` : '') +
              '. Clause 6.1.2 needs an owner, likelihood and impact for every risk, and 6.1.3 a treatment decision.',
          );
        }
        if (unknownTreatment !== undefined) {
          parts.push(`Treatment "${unknownTreatment}" of risk ${risk.id} is not a treatment option: write ${TREATMENT_VOCABULARY}.`);
        }
        ctx.report({
          path: risk.path,
          range: missing.length === 0 && risk.treatmentRange ? risk.treatmentRange : risk.idRange,
          message: parts.join(' '),
          data: { riskId: risk.id, missing: missing.map((m) => m.field), ...(unknownTreatment !== undefined ? { treatment: unknownTreatment } : {}) },
        });
      }
    }
  },
};

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
