// Dates and review cycles as people write them: 15/01/2026, 15.01.2026, 15 January 2026, Jun 1 2018,
// "annual or on major change". Read into the checker's own forms (YYYY-MM-DD, a named cycle) where unambiguous.
import { formatIsoDate, parseCycle, parseIsoDate } from '../util/dates';
import { CYCLE_WORDS, MONTHS } from './vocabulary';

export type DateFormat = 'auto' | 'DD/MM/YYYY' | 'MM/DD/YYYY';

export interface ReadDate {
  /** YYYY-MM-DD. */
  iso: string;
  /** The day and month could be either way round and no `dateFormat` says which. */
  ambiguous: boolean;
}

function isoOf(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += 2000;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDate(iso) === undefined ? undefined : iso;
}

/**
 * A date written other than YYYY-MM-DD, read as a calendar day; undefined when it is not one. Text after the
 * date ("2027-08-05, earlier on a major change") is a comment and ignored.
 */
export function readDate(value: unknown, format: DateFormat = 'auto'): ReadDate | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { iso: formatIsoDate(Math.floor(value.getTime() / 86_400_000)), ambiguous: false };
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim().replace(/\.$/, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/.exec(text);
  if (iso) return wrap(isoOf(+iso[1], +iso[2], +iso[3]), false);
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/.])/.exec(text);
  if (ymd) return wrap(isoOf(+ymd[1], +ymd[2], +ymd[3]), false);
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/.exec(text);
  if (numeric) {
    const [a, b, y] = [+numeric[1], +numeric[3], +numeric[4]];
    // A dot is the day-first notation (DE, FR, NL...); slashes and dashes could be either.
    if (numeric[2] === '.' || format === 'DD/MM/YYYY') return wrap(isoOf(y, b, a), false);
    if (format === 'MM/DD/YYYY') return wrap(isoOf(y, a, b), false);
    if (a > 12) return wrap(isoOf(y, b, a), false);
    if (b > 12) return wrap(isoOf(y, a, b), false);
    return wrap(isoOf(y, b, a), a !== b);
  }
  const words = text.toLowerCase().replace(/,/g, ' ').replace(/\b(\d{1,2})(?:st|nd|rd|th|\.)(?=\s)/g, '$1').replace(/\s+/g, ' ').replace(/\bde\b /g, '');
  const dayFirst = /^(\d{1,2}) ([a-zäéèûç]+)\.? (\d{4})(?!\d)/.exec(words);
  if (dayFirst && MONTHS[dayFirst[2]]) return wrap(isoOf(+dayFirst[3], MONTHS[dayFirst[2]], +dayFirst[1]), false);
  const monthFirst = /^([a-zäéèûç]+)\.? (\d{1,2}) (\d{4})(?!\d)/.exec(words);
  if (monthFirst && MONTHS[monthFirst[1]]) return wrap(isoOf(+monthFirst[3], MONTHS[monthFirst[1]], +monthFirst[2]), false);
  return undefined;
}

const wrap = (iso: string | undefined, ambiguous: boolean): ReadDate | undefined => (iso ? { iso, ambiguous } : undefined);

/** A review cycle with a qualifier ("annual or on major change", "Every 12 months") as the checker's own form. */
export function readCycle(value: unknown): string | undefined {
  if (typeof value !== 'string' || parseCycle(value) !== undefined) return undefined;
  const text = value.trim().toLowerCase().replace(/[.;]$/, '').replace(/^(?:reviewed |review )/, '');
  let best: string | undefined;
  for (const words of Object.keys(CYCLE_WORDS)) {
    if ((text === words || text.startsWith(`${words} `) || text.startsWith(`${words},`) || text.startsWith(`${words} (`)) && (!best || words.length > best.length)) best = words;
  }
  if (best) return CYCLE_WORDS[best];
  const first = /^([\w-]+)(?=[\s,(]|$)/.exec(text)?.[1];
  return first && parseCycle(first) && text !== first ? first : undefined;
}
