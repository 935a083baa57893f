import { coveredTopics, REVIEW_OUTPUTS } from '../isms/managementReview';
import { isRetired } from '../isms/status';
import type { DocumentRule } from './rule';
import { documentAnchor } from './helpers';

export const managementReviewOutputMissing: DocumentRule = {
  code: 'management-review-output-missing',
  family: 'reviews',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'Management review minutes record no decisions on continual improvement opportunities or on changes to the ISMS (clause 9.3.3): no "Outputs" or "Decisions" section, agenda item or action table.',
  fix: 'Add an "Outputs and decisions" section listing what top management decided (improvements, changes to the ISMS, resources), with owners and dates.',
  check(doc, ctx) {
    if (doc.type !== 'management-review' || isRetired(doc)) return;
    if (coveredTopics(doc, [REVIEW_OUTPUTS]).size > 0) return;
    // Actions decided in the meeting are decisions too.
    if (ctx.workspace.actionRows().some((a) => a.path === doc.path && a.source === 'table')) return;
    ctx.report({
      range: documentAnchor(doc),
      message: 'These management review minutes record no decisions (ISO/IEC 27001 clause 9.3.3): no "Outputs and decisions" section, decisions list or action table. Record what top management decided on improvements and changes to the ISMS.',
      data: { title: REVIEW_OUTPUTS.title, clause: REVIEW_OUTPUTS.clause },
    });
  },
};
