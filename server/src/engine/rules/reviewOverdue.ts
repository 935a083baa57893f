import { formatIsoDate } from '../util/dates';
import type { DocumentRule } from './rule';
import { reviewDue } from './reviewDates';
import { fieldOrigin, whereField } from '../adopt/metadata';

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
    const data = doc.frontmatter!.data;
    // Say where the dates come from when it is not the frontmatter: a revision history, an assumed cycle.
    const from = (key: string) => (fieldOrigin(doc, key) === 'frontmatter' ? '' : ` ${whereField(doc, key)}`);
    const last = fieldOrigin(doc, 'last_reviewed') === 'revision-history' ? `last revised ${String(data.last_reviewed)} according to its revision history` : `last reviewed ${String(data.last_reviewed)}${from('last_reviewed')}`;
    const sameSource = fieldOrigin(doc, 'review_cycle') === fieldOrigin(doc, 'last_reviewed');
    const cycle = fieldOrigin(doc, 'review_cycle') === 'default' ? `no review cycle stated, ${String(data.review_cycle)} assumed` : `a ${String(data.review_cycle)} cycle${sameSource ? '' : from('review_cycle')}`;
    const how = due.basis === 'next_review' ? `next_review was ${formatIsoDate(due.due)}${from('next_review')}` : `${last}; ${cycle}; due ${formatIsoDate(due.due)}`;
    ctx.report({ range: due.range, message: `Review overdue by ${days} day${days === 1 ? '' : 's'} (${how}). Review it and update last_reviewed.`, data: { due: formatIsoDate(due.due) } });
  },
};
