import { riskScales } from '../isms/methodology';
import type { WorkspaceRule } from './rule';

export const riskScoreMismatch: WorkspaceRule = {
  code: 'risk-score-mismatch',
  family: 'risks',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    "A risk's stated score is not likelihood × impact, or its likelihood or impact lies outside the register's scale (`likelihood_scale` / `impact_scale` in the register's frontmatter, default 1–5).",
  fix: 'Correct the score to likelihood × impact (or correct the likelihood or impact), and keep both within the declared scale.',
  check(ctx) {
    for (const risks of ctx.workspace.risks().values()) {
      for (const risk of risks) {
        const scales = riskScales(ctx.workspace.getDocument(risk.path));
        let inScale = true;
        for (const [what, value, scale, range] of [
          ['Likelihood', risk.likelihood, scales.likelihood, risk.likelihoodRange],
          ['Impact', risk.impact, scales.impact, risk.impactRange],
        ] as const) {
          if (value === undefined || (value >= 1 && value <= scale)) continue;
          inScale = false;
          ctx.report({
            path: risk.path,
            range: range ?? risk.idRange,
            message: `${what} ${value} of risk ${risk.id} is outside the register's scale of 1–${scale}. Use a value from 1 to ${scale}, or declare the scale (\`${what.toLowerCase()}_scale\`) in the register's frontmatter.`,
            data: { riskId: risk.id, field: what.toLowerCase(), value, scale },
          });
        }
        if (!inScale || risk.score === undefined || risk.likelihood === undefined || risk.impact === undefined) continue;
        const expected = risk.likelihood * risk.impact;
        if (Math.abs(risk.score - expected) < 1e-9) continue;
        ctx.report({
          path: risk.path,
          range: risk.scoreRange ?? risk.idRange,
          message: `Risk ${risk.id} states a score of ${risk.score}, but likelihood ${risk.likelihood} × impact ${risk.impact} is ${expected}. Correct the score (or the likelihood or impact).`,
          data: { riskId: risk.id, stated: risk.score, expected },
        });
      }
    }
  },
};
