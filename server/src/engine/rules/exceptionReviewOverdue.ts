import { openedAt } from '../isms/exceptions';
import { hasValue, isRetired } from '../isms/status';
import { MS_PER_DAY } from '../util/dates';
import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';

const HOUR_MS = 3_600_000;

export const exceptionReviewOverdue: DocumentRule = {
  code: 'exception-review-overdue',
  family: 'exceptions',
  scope: 'document',
  defaultSeverity: 'error',
  description:
    'An exception (break-glass use) was `opened` more than `exceptionReviewHours` (default 24) hours before the start of today (00:00 UTC) and has no `reviewed_on` / `reviewed_by`: the retrospective review is overdue.',
  fix: 'Review the exception now and record `reviewed_on` (date) and `reviewed_by` (name and role) in its frontmatter.',
  check(doc, ctx) {
    if (doc.type !== 'exception' || isRetired(doc)) return;
    const opened = openedAt(doc);
    if (opened === undefined) return; // frontmatter-missing-field / frontmatter-invalid-value report it
    const missing = ['reviewed_on', 'reviewed_by'].filter((k) => !hasValue(doc, k));
    if (missing.length === 0) return;
    const hours = ctx.workspace.config.exceptionReviewHours;
    const due = opened + hours * HOUR_MS;
    // Deterministic: "now" is the start of ctx.today (00:00 UTC), so the result depends on the date alone.
    if (ctx.today * MS_PER_DAY <= due) return;
    ctx.report({
      range: fieldRange(doc, 'opened'),
      message: `Exception ${doc.id ?? doc.path} was opened at ${isoMinute(opened)} and its review was due within ${hours} hours (by ${isoMinute(due)}), but it has no ${missing.map((m) => `\`${m}\``).join(' or ')}. Review it and record reviewed_on and reviewed_by.`,
      data: { due: new Date(due).toISOString(), missing },
    });
  },
};

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
}
