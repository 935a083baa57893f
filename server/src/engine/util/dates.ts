// Calendar dates as whole days since the Unix epoch (UTC), so "today" and review cycles never depend on the
// machine's time zone.

const DAY_MS = 86_400_000;

/** Days since epoch for a real calendar date written YYYY-MM-DD, or undefined (2026-02-30 is undefined). */
export function parseIsoDate(value: unknown): number | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return Math.floor(value.getTime() / DAY_MS);
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

/** Milliseconds since epoch for an ISO 8601 date-time (or a plain date, taken as midnight UTC). */
export function parseIsoDateTime(value: unknown): number | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  if (typeof value !== 'string') return undefined;
  const day = parseIsoDate(value);
  if (day !== undefined) return day * DAY_MS;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m || parseIsoDate(m[1]) === undefined) return undefined;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const t = Date.parse(value.trim().replace(' ', 'T') + (m[5] ? '' : 'Z'));
  return Number.isNaN(t) ? undefined : t;
}

export function formatIsoDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function todayUtc(now: Date = new Date()): number {
  return Math.floor(now.getTime() / DAY_MS);
}

export const MS_PER_DAY = DAY_MS;

/** A review cycle: a number of months or of days. */
export type Cycle = { months: number } | { days: number };

const NAMED_CYCLES: Record<string, Cycle> = {
  monthly: { months: 1 },
  quarterly: { months: 3 },
  semiannual: { months: 6 },
  'semi-annual': { months: 6 },
  biannual: { months: 6 },
  annual: { months: 12 },
  annually: { months: 12 },
  yearly: { months: 12 },
};

export const CYCLE_NAMES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
/** Every cycle name `parseCycle` accepts (any letter case), including the synonyms. */
export const CYCLE_WORDS: readonly string[] = Object.keys(NAMED_CYCLES);

/** `quarterly`, or an ISO 8601 duration of years, months, weeks or days (`P1Y`, `P6M`, `P90D`, `P2W`). */
export function parseCycle(value: unknown): Cycle | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (NAMED_CYCLES[v]) return NAMED_CYCLES[v];
  const m = /^p(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$/.exec(v);
  if (!m || v === 'p') return undefined;
  const [y, mo, w, d] = m.slice(1).map((x) => Number(x ?? 0));
  if (w || d) {
    if (y || mo) return undefined;
    const days = w * 7 + d;
    return days > 0 ? { days } : undefined;
  }
  const months = y * 12 + mo;
  return months > 0 ? { months } : undefined;
}

/** Adds a cycle to a date; month arithmetic clamps to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addCycle(days: number, cycle: Cycle): number {
  if ('days' in cycle) return days + cycle.days;
  const d = new Date(days * DAY_MS);
  const targetMonth = d.getUTCMonth() + cycle.months;
  const y = d.getUTCFullYear() + Math.floor(targetMonth / 12);
  const mo = ((targetMonth % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return Date.UTC(y, mo, Math.min(d.getUTCDate(), lastDay)) / DAY_MS;
}
