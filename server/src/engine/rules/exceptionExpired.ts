import { deviationEnd, isOpenException, isTemporaryDeviation } from '../isms/exceptions';
import { formatIsoDate } from '../util/dates';
import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';

export const exceptionExpired: DocumentRule = {
  code: 'exception-expired',
  family: 'exceptions',
  scope: 'document',
  defaultSeverity: 'error',
  description:
    'A temporary deviation (`kind: temporary-deviation`, or any exception with `expires`) is still open (no `closed_on`, not retired) after its `expires` date, or more than `deviationMaxDays` (default 30) days after `approved_on` (or `opened`) when it has no expiry.',
  fix: 'Close the deviation (`closed_on`) once the normal control is back, or have it re-approved with a new `expires` date.',
  check(doc, ctx) {
    if (doc.type !== 'exception' || !isTemporaryDeviation(doc) || !isOpenException(doc)) return;
    const maxDays = ctx.workspace.config.deviationMaxDays;
    const end = deviationEnd(doc, maxDays);
    if (!end || end.end >= ctx.today) return;
    const days = ctx.today - end.end;
    const why =
      end.basis === 'expires'
        ? `expired on ${formatIsoDate(end.end)}`
        : `has no \`expires\` date and ran out ${maxDays} days after ${end.basis === 'approved_on' ? 'approval' : 'opening'}, on ${formatIsoDate(end.end)}`;
    ctx.report({
      range: fieldRange(doc, end.basis),
      message: `Temporary deviation ${doc.id ?? doc.path} ${why} (${days} day${days === 1 ? '' : 's'} ago) and is still open. Close it with \`closed_on\`, or renew its approval with a new \`expires\` date.`,
      data: { end: formatIsoDate(end.end), basis: end.basis },
    });
  },
};
