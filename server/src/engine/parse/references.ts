// Finds control, risk and document IDs in text. Control IDs need an Annex A marker in prose (`A.8.28`,
// `A 8.28`, `Annex A 8.28`, `42001:A.6.2.4`), so version strings (`v8.28.1`), IP addresses and section numbers
// are never taken for controls; bare `8.28` is only accepted where a column or key says it is a control.
import { ISO42001_PREFIX } from '../catalogs/catalog';

export interface TextMatch {
  id: string;
  raw: string;
  start: number;
  end: number;
}

const CONTROL_IN_PROSE =
  /(?<![\w./:@#-])(?:(42001):\s?A\.?\s?|Annex\s+A[\s.]\s?|A[.\s](?=\d))(\d{1,2}(?:\.\d{1,2}){1,2})(?![\w]|\.\d|-\d)/g;
const URL_SPAN = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>()\]]+/gi;
const BARE_CONTROL = /^(?:(42001):\s?)?(?:Annex\s+A[\s.]?\s?|A\.?\s?)?(\d{1,2}(?:\.\d{1,2}){1,2})$/i;

export function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!text.includes('://') && !text.includes('www.') && !text.includes('mailto:')) return spans;
  for (const m of text.matchAll(URL_SPAN)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const inside = (spans: [number, number][], at: number) => spans.some(([s, e]) => at >= s && at < e);

/** Control references in a run of prose. */
export function scanControls(text: string, urls?: [number, number][]): TextMatch[] {
  if (!/\d\.\d/.test(text)) return [];
  urls ??= urlSpans(text);
  const found: TextMatch[] = [];
  for (const m of text.matchAll(CONTROL_IN_PROSE)) {
    if (inside(urls, m.index)) continue;
    const prefix = m[1] ? ISO42001_PREFIX : '';
    found.push({ id: `${prefix}A.${m[2]}`, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * A control ID standing alone, as in a frontmatter `controls:` entry or an SoA control cell:
 * `A.8.28`, `A 8.28`, `8.28`, `Annex A 8.28`, `42001:A.6.2.4`. Returns the normalised ID.
 */
export function parseControlId(value: string): string | undefined {
  const m = BARE_CONTROL.exec(value.trim());
  if (!m) return undefined;
  return `${m[1] ? ISO42001_PREFIX : ''}A.${m[2]}`;
}

/** Compiles the configured risk ID pattern into a whole-token matcher; invalid patterns fall back to the default. */
export function riskIdMatcher(pattern: string, fallback = DEFAULT_RISK_ID_PATTERN): RegExp {
  try {
    return new RegExp(`(?<![\\w-])(?:${pattern})(?![\\w-])`, 'g');
  } catch {
    return new RegExp(`(?<![\\w-])(?:${fallback})(?![\\w-])`, 'g');
  }
}

export const DEFAULT_RISK_ID_PATTERN = 'R-\\d+';
/** Action IDs in management reviews, audits, treatment plans and action logs (`actionIdPattern`). */
export const DEFAULT_ACTION_ID_PATTERN = 'ACT-\\d+';

export function scanPattern(text: string, matcher: RegExp, urls: [number, number][] = urlSpans(text)): TextMatch[] {
  const found: TextMatch[] = [];
  matcher.lastIndex = 0;
  for (const m of text.matchAll(matcher)) {
    if (m[0].length === 0 || inside(urls, m.index)) continue;
    found.push({ id: m[0], raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Tokens shaped like document IDs (`POL-007`, `SOA-001`); the index decides which name real documents. */
export const DOCUMENT_ID_SHAPE = /(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+[A-Z]?(?![\w-])/g;
