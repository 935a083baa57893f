import { coveredTopics, REVIEW_INPUTS } from '../isms/managementReview';
import { isRetired } from '../isms/status';
import type { DocumentRule } from './rule';
import { documentAnchor } from './helpers';

export const managementReviewInputMissing: DocumentRule = {
  code: 'management-review-input-missing',
  family: 'reviews',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'Management review minutes (`type: management-review`) have no section or agenda item for one of the clause 9.3.2 inputs: actions from previous reviews; changes in issues; changes in interested parties\' needs; nonconformities and corrective actions; monitoring and measurement results; audit results; objectives; feedback from interested parties; risk assessment and treatment; opportunities for improvement. One finding per input.',
  fix: 'Add a heading or agenda item for the input named (the quick fix inserts the heading) and record what was discussed.',
  check(doc, ctx) {
    if (doc.type !== 'management-review' || isRetired(doc)) return;
    const covered = coveredTopics(doc, REVIEW_INPUTS);
    for (const input of REVIEW_INPUTS) {
      if (covered.has(input.key)) continue;
      ctx.report({
        range: documentAnchor(doc),
        message: `These management review minutes do not cover "${input.title}" (ISO/IEC 27001 clause ${input.clause}): no heading, agenda item or table row names it. Add a section recording what was considered.`,
        data: { input: input.key, title: input.title, clause: input.clause },
      });
    }
  },
};
