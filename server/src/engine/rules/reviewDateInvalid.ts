import { formatIsoDate, parseIsoDate } from '../util/dates';
import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';

export const reviewDateInvalid: DocumentRule = {
  code: 'review-date-invalid',
  family: 'staleness',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'Review dates contradict each other or the calendar: `next_review` before `last_reviewed`, or `last_reviewed`/`approved_on` in the future.',
  fix: 'Correct the dates: a review cannot be recorded before it happened, and the next one comes after the last.',
  check(doc, ctx) {
    const data = doc.frontmatter?.data;
    if (!data) return;
    const last = parseIsoDate(data.last_reviewed);
    const next = parseIsoDate(data.next_review);
    if (last !== undefined && next !== undefined && next <= last) {
      ctx.report({ range: fieldRange(doc, 'next_review'), message: `next_review (${formatIsoDate(next)}) is not after last_reviewed (${formatIsoDate(last)}).` });
    }
    for (const key of ['last_reviewed', 'approved_on', 'reviewed_on']) {
      const day = parseIsoDate(data[key]);
      if (day !== undefined && day > ctx.today) {
        ctx.report({ range: fieldRange(doc, key), message: `${key} (${formatIsoDate(day)}) is in the future; record a review only once it has happened.` });
      }
    }
  },
};
