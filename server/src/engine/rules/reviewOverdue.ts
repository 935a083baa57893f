import { formatIsoDate } from '../util/dates';
import type { DocumentRule } from './rule';
import { reviewDue } from './reviewDates';

export const reviewOverdue: DocumentRule = {
  code: 'review-overdue',
  family: 'staleness',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'The document is past its `next_review` date, or `last_reviewed` plus `review_cycle` lies in the past.',
  fix: 'Review the document, then set `last_reviewed` to today and move `next_review` on by the cycle (the quick fix does both).',
  check(doc, ctx) {
    const due = reviewDue(doc);
    if (!due || due.due >= ctx.today) return;
    const days = ctx.today - due.due;
    const how = due.basis === 'next_review' ? `next_review was ${formatIsoDate(due.due)}` : `last reviewed ${String(doc.frontmatter!.data.last_reviewed)} with a ${String(doc.frontmatter!.data.review_cycle)} cycle, due ${formatIsoDate(due.due)}`;
    ctx.report({ range: due.range, message: `Review overdue by ${days} day${days === 1 ? '' : 's'} (${how}). Review it and update last_reviewed.`, data: { due: formatIsoDate(due.due) } });
  },
};
