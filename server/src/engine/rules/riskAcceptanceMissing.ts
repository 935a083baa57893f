import { acceptanceThreshold, THRESHOLD_FIELD } from '../isms/methodology';
import { parseTreatment } from '../isms/treatment';
import { isBlank } from '../isms/values';
import type { WorkspaceRule } from './rule';

export const riskAcceptanceMissing: WorkspaceRule = {
  code: 'risk-acceptance-missing',
  family: 'risks',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description:
    'A risk scoring above the acceptance threshold (`risk_acceptance_threshold` in the risk methodology, else `riskAcceptanceThreshold`) is retained (retain/accept/tolerate) without a named approver (Accepted by column, `accepted_by`).',
  fix: 'Record who accepted the residual risk (a risk owner or top management) in the Accepted by column or `accepted_by`, or choose another treatment.',
  check(ctx) {
    const threshold = acceptanceThreshold(ctx.workspace);
    const source = threshold.declaredIn
      ? `${THRESHOLD_FIELD} in ${threshold.declaredIn.id ?? threshold.declaredIn.path}`
      : 'the riskAcceptanceThreshold setting';
    for (const risks of ctx.workspace.risks().values()) {
      for (const risk of risks) {
        if (parseTreatment(risk.treatment) !== 'retain' || !isBlank(risk.acceptedBy)) continue;
        const stated = risk.score;
        const score = stated ?? (risk.likelihood !== undefined && risk.impact !== undefined ? risk.likelihood * risk.impact : undefined);
        if (score === undefined || score <= threshold.value) continue;
        ctx.report({
          path: risk.path,
          range: risk.treatmentRange ?? risk.idRange,
          message: `Risk ${risk.id} scores ${score}, above the acceptance threshold of ${threshold.value} (${source}), and is retained without a named approver. Record who accepted it (Accepted by column or \`accepted_by\`), or treat the risk.`,
          data: { riskId: risk.id, score, threshold: threshold.value },
        });
      }
    }
  },
};
