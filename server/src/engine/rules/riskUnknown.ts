import type { DocumentRule } from './rule';

export const riskUnknown: DocumentRule = {
  code: 'risk-unknown',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A risk ID is referenced that no risk register row or `risk` document defines.',
  fix: 'Correct the ID, or add the risk to the risk register.',
  check(doc, ctx) {
    const risks = ctx.workspace.risks();
    for (const ref of doc.references) {
      if (ref.kind !== 'risk' || risks.has(ref.id)) continue;
      ctx.report({
        range: ref.range,
        message: `Risk ${ref.id} is not defined in any risk register or risk document${risks.size ? ` (known: ${[...risks.keys()].slice(0, 5).join(', ')}${risks.size > 5 ? ', …' : ''})` : ''}.`,
      });
    }
  },
};
