import { formatIsoDate } from '../util/dates';
import type { DocumentRule } from './rule';
import { reviewDue } from './reviewDates';

export const reviewDueSoon: DocumentRule = {
  code: 'review-due-soon',
  family: 'staleness',
  scope: 'document',
  defaultSeverity: 'info',
  description: 'The document\'s review falls due within `reviewDueSoonDays` (default 30).',
  fix: 'Plan the review; the finding clears once `last_reviewed` and `next_review` move on.',
  check(doc, ctx) {
    const due = reviewDue(doc);
    if (!due || due.due < ctx.today || due.due > ctx.today + ctx.workspace.config.reviewDueSoonDays) return;
    const days = due.due - ctx.today;
    ctx.report({ range: due.range, message: `Review due ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`} (${formatIsoDate(due.due)}).`, data: { due: formatIsoDate(due.due) } });
  },
};
