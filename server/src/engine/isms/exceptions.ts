// Exceptions: break-glass records and temporary deviations (`type: exception`), and the deadlines they run to.
import type { IsmsDocument } from '../model';
import { MS_PER_DAY, parseIsoDate, parseIsoDateTime } from '../util/dates';
import { hasValue, isRetired } from './status';

/** `kind:` as written, normalised (`Temporary Deviation` → `temporary-deviation`). */
export function exceptionKind(doc: IsmsDocument): string {
  return String(doc.frontmatter?.data.kind ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Still in force: not closed (`closed_on`) and not retired. */
export function isOpenException(doc: IsmsDocument): boolean {
  return !hasValue(doc, 'closed_on') && !isRetired(doc);
}

/** A temporary deviation: `kind: temporary-deviation` (or `deviation`), or any exception with an `expires` date. */
export function isTemporaryDeviation(doc: IsmsDocument): boolean {
  const kind = exceptionKind(doc);
  return kind === 'temporary-deviation' || kind === 'deviation' || hasValue(doc, 'expires');
}

/** `opened` as milliseconds since the epoch (a plain date counts as its midnight UTC). */
export function openedAt(doc: IsmsDocument): number | undefined {
  return parseIsoDateTime(doc.frontmatter?.data.opened);
}

/**
 * The last day (days since epoch) a temporary deviation is valid: `expires`, else `approved_on` (or the day
 * of `opened`) plus `maxDays`. `basis` names the field it comes from.
 */
export function deviationEnd(doc: IsmsDocument, maxDays: number): { end: number; basis: 'expires' | 'approved_on' | 'opened' } | undefined {
  const data = doc.frontmatter?.data ?? {};
  const expires = parseIsoDate(data.expires);
  if (expires !== undefined) return { end: expires, basis: 'expires' };
  if (hasValue(doc, 'expires')) return undefined; // an unreadable date: frontmatter-invalid-value reports it
  const approved = parseIsoDate(data.approved_on);
  if (approved !== undefined) return { end: approved + maxDays, basis: 'approved_on' };
  const opened = openedAt(doc);
  if (opened !== undefined) return { end: Math.floor(opened / MS_PER_DAY) + maxDays, basis: 'opened' };
  return undefined;
}
