// Shared by the staleness rules: when a document's next review is due.
import type { IsmsDocument, Range } from '../model';
import { addCycle, parseCycle, parseIsoDate } from '../util/dates';
import { fieldRange } from './helpers';

export interface ReviewDue {
  /** Days since epoch. */
  due: number;
  /** Which field the due date comes from, for the message and the range. */
  basis: 'next_review' | 'review_cycle';
  range: Range;
}

/** The earlier of `next_review` and `last_reviewed + review_cycle`; undefined when neither is known. */
export function reviewDue(doc: IsmsDocument): ReviewDue | undefined {
  const data = doc.frontmatter?.data;
  if (!data || isRetired(doc)) return undefined;
  const candidates: ReviewDue[] = [];
  const next = parseIsoDate(data.next_review);
  if (next !== undefined) candidates.push({ due: next, basis: 'next_review', range: fieldRange(doc, 'next_review') });
  const last = parseIsoDate(data.last_reviewed);
  const cycle = parseCycle(data.review_cycle);
  if (last !== undefined && cycle) candidates.push({ due: addCycle(last, cycle), basis: 'review_cycle', range: fieldRange(doc, 'last_reviewed') });
  return candidates.sort((a, b) => a.due - b.due)[0];
}

export function isRetired(doc: IsmsDocument): boolean {
  return String(doc.frontmatter?.data.status ?? '').trim().toLowerCase() === 'retired';
}
