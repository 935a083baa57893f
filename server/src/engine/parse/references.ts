// Finds control, risk and document IDs in text. Control IDs need an Annex A marker in prose (`A.8.28`,
// `A 8.28`, `Annex A 8.28`, `42001:A.6.2.4`), so version strings (`v8.28.1`), IP addresses and section numbers
// are never taken for controls; bare `8.28` is only accepted where a column or key says it is a control.
import { BUILTIN_CATALOGS, ISO27001_2022, ISO42001_PREFIX, LEGACY_GROUP_TITLES, lookupLegacy } from '../catalogs/catalog';
import { APPENDIX_WORDS, LIST_MARKS, LIST_WORDS, RANGE_MARKS, RANGE_WORDS, startsWithTitle } from '../adopt/notation';

export interface TextMatch {
  id: string;
  raw: string;
  start: number;
  end: number;
}

const ID = String.raw`\d{1,2}(?:\.\d{1,2}){1,2}`;
const CONTROL_IN_PROSE = new RegExp(
  String.raw`(?<![\w./:@#-])(?:(42001):\s?A\.?\s?|(?:27001:\s?)?(?:Annex\s+A[\s.]\s?|A[.\s](?=\d)))(${ID})(?![\w]|\.\d)`,
  'g',
);
/** A 2013 domain or objective written with its title (`A.9 Access control`): the title is checked afterwards. */
const GROUP_IN_PROSE = /(?<![\w./:@#-])A\.(\d{1,2})(?![\w.])(?=\s*[-–—:]?\s*\p{L})/gu;
const URL_SPAN = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>()\]]+/gi;
const BARE_CONTROL = /^(?:(42001):\s?)?(?:Annex\s+A[\s.]?\s?|A\.?\s?)?(\d{1,2}(?:\.\d{1,2}){1,2})$/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MARKER = String.raw`(?:Annex\s+A[\s.]\s?|A\.?\s?)?`;
/** What may follow an ID to make a range: `-A.5.18`, ` to 5.18`, `–5.18`. */
const RANGE_TAIL = new RegExp(
  String.raw`(?:[ \t]?(?:${RANGE_MARKS.map(escape).join('|')})[ \t]?|[ \t]+(?:${RANGE_WORDS.map(escape).join('|')})[ \t]+)${MARKER}(${ID})(?![\w]|\.\d)`,
  'uy',
);
/** What may follow an ID (or range) to continue a list: `, 5.16`, ` and A.5.17`, `/5.18`. */
const LIST_TAIL = new RegExp(
  String.raw`(?:[ \t]*(?:${LIST_MARKS.map(escape).join('|')})[ \t]*|[ \t]+(?:${LIST_WORDS.map(escape).join('|')})[ \t]+)(${MARKER}(${ID}))(?![\w]|\.\d)`,
  'uy',
);

/** Runs a sticky pattern at `at` (no slicing of a long text). */
function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

const annexA = BUILTIN_CATALOGS.get(ISO27001_2022)!.controls;
const annexAIndex = new Map(annexA.map((c, i) => [c.id, i]));

/** `05.15` -> `5.15`: leading zeros are notation, not numbering. */
function normaliseNumber(n: string): string {
  return n
    .split('.')
    .map((p) => String(Number(p)))
    .join('.');
}

/**
 * What an ISO 27001 number written after an Annex A marker refers to: a 2022 control, a 2013 ID (a control, or
 * an objective written with its 2013 title), the control above an organisation's own sub-item (`A.8.16.1`), or
 * nothing (appendix numbering such as `A.1.2`: Annex A starts at 5 in both editions).
 */
function classify(number: string, following: string): { id: string; edition?: '2013'; legacyTitle?: string } | undefined {
  const id = `A.${number}`;
  const top = Number(number.split('.')[0]);
  if (top < 5 || top > 18) return undefined;
  const groupTitle = LEGACY_GROUP_TITLES.get(id);
  if (annexAIndex.has(id)) {
    // A.7.1 "Prior to employment" is the 2013 objective, not 2022's Physical security perimeters.
    const title2022 = annexA[annexAIndex.get(id)!].title;
    if (groupTitle && startsWithTitle(following, groupTitle) && !startsWithTitle(following, title2022)) return { id, edition: '2013', legacyTitle: groupTitle };
    return { id };
  }
  if (number.split('.').length === 3 && !lookupLegacy(id)) {
    const parent = id.slice(0, id.lastIndexOf('.'));
    if (annexAIndex.has(parent)) return { id: parent };
  }
  return { id };
}

export interface ControlMatch extends TextMatch {
  /** Set when the reference is an ISO 27001:2013 ID whose number is also a 2022 control (A.7.1 "Prior to employment"). */
  edition?: '2013';
  /** The 2013 title the reference was written with. */
  legacyTitle?: string;
}

export function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!text.includes('://') && !text.includes('www.') && !text.includes('mailto:')) return spans;
  for (const m of text.matchAll(URL_SPAN)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const inside = (spans: [number, number][], at: number) => spans.some(([s, e]) => at >= s && at < e);

/**
 * Every control of a range: the 2022 controls between its ends in catalog order (at most 40), or both ends
 * when they are two 2013 controls; undefined when the ends make no range (`A.5.1 to 10.2 %`).
 */
function expandRange(from: string, to: string): string[] | undefined {
  const a = annexAIndex.get(from);
  const b = annexAIndex.get(to);
  if (a !== undefined && b !== undefined) return b > a && b - a <= 40 ? annexA.slice(a, b + 1).map((c) => c.id) : undefined;
  return from.split('.').length === 4 && to.split('.').length === 4 && lookupLegacy(from) && lookupLegacy(to) ? [from, to] : undefined;
}

/**
 * Control references in a run of prose, with ranges expanded (`A.5.15-A.5.18`, `A.5.15 to 5.18`) and lists
 * continued (`A.5.15, 5.16 and 5.17`): a bare number counts only right after a marked ID and a separator, so a
 * comma inside a title (`A.5.15 Access control, 2 factors`) never makes a second reference.
 */
export function scanControls(text: string, urls?: [number, number][]): ControlMatch[] {
  if (!/\d\.\d|A\.\d/.test(text)) return [];
  urls ??= urlSpans(text);
  const found: ControlMatch[] = [];
  let resume = 0;
  for (const m of text.matchAll(CONTROL_IN_PROSE)) {
    if (m.index < resume || inside(urls, m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    if (APPENDIX_WORDS.test(before)) continue;
    if (m[1]) {
      found.push({ id: `${ISO42001_PREFIX}A.${m[2]}`, raw: m[0], start: m.index, end: m.index + m[0].length });
      continue;
    }
    resume = readItems(text, m.index, m.index + m[0].length, normaliseNumber(m[2]), found);
  }
  if (text.includes('A.')) {
    for (const m of text.matchAll(GROUP_IN_PROSE)) {
      if (inside(urls, m.index) || covered(found, m.index)) continue;
      const id = `A.${m[1]}`;
      const title = LEGACY_GROUP_TITLES.get(id);
      if (!title || !startsWithTitle(text.slice(m.index + m[0].length).replace(/^\s*[-–—:]?\s*/, ''), title)) continue;
      found.push({ id, raw: m[0], start: m.index, end: m.index + m[0].length, edition: '2013', legacyTitle: title });
    }
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

/** Whether a match (in start order) covers an offset, by binary search. */
function covered(found: readonly ControlMatch[], at: number): boolean {
  let lo = 0;
  let hi = found.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid].start <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && at < found[hi].end;
}

/** Reads one marked ID and the range and list items that follow it; returns where scanning resumes. */
function readItems(text: string, start: number, end: number, number: string, found: ControlMatch[]): number {
  for (;;) {
    const range = mayContinue(text, end) ? stickyAt(RANGE_TAIL, text, end) : null;
    const members = range ? expandRange(`A.${number}`, `A.${normaliseNumber(range[1])}`) : undefined;
    if (range && members) {
      const rangeEnd = end + range[0].length;
      const raw = text.slice(start, rangeEnd);
      for (const id of members) {
        const c = classify(id.slice(2), '');
        if (c) found.push({ ...c, raw, start, end: rangeEnd });
      }
      end = rangeEnd;
    } else if (range && /A/.test(range[0])) {
      // Both ends written as IDs but no range between them (`A.5.36-A.5.38`): each end is checked on its own.
      const c = classify(number, '');
      if (c) found.push({ ...c, raw: text.slice(start, end), start, end });
      const last = normaliseNumber(range[1]);
      const at = end + range[0].lastIndexOf(range[1]);
      const marker = text.lastIndexOf('A', at);
      const d = classify(last, '');
      end = end + range[0].length;
      if (d) found.push({ ...d, raw: text.slice(marker, end), start: marker, end });
    } else {
      // `A.5.15-2` (a version or a sub-number) is no reference at all.
      if (text.charCodeAt(end) === 45 /* - */ && /\d/.test(text[end + 1] ?? '')) return end;
      // Only a number that is also a 2013 objective needs the title after it to tell the editions apart.
      const following = LEGACY_GROUP_TITLES.has(`A.${number}`) ? text.slice(end, end + 130).replace(/^\s*[-–—:|]?\s*/, '') : '';
      const c = classify(number, following);
      if (c) found.push({ ...c, raw: text.slice(start, end), start, end });
    }
    const next = mayContinue(text, end) ? stickyAt(LIST_TAIL, text, end) : null;
    if (!next) return end;
    start = end + next[0].length - next[1].length; // the item with its marker: `A.8.2` in `and A.8.2`
    end = end + next[0].length;
    number = normaliseNumber(next[2]);
  }
}

/** Cheap test before the range and list patterns: what follows an ID (after spaces) is a mark or a word. */
function mayContinue(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text[i];
  return c !== undefined && c !== '\n' && c !== '\r' && c !== '|' && c !== '.' && c !== ')';
}

/**
 * A control ID standing alone, as in a frontmatter `controls:` entry or an SoA control cell:
 * `A.8.28`, `A 8.28`, `8.28`, `Annex A 8.28`, `42001:A.6.2.4`, also followed by its title (`A.5.15 - Access
 * control`, `A.5.15: Access control`). Returns the normalised ID.
 */
export function parseControlId(value: string): string | undefined {
  const trimmed = value.trim();
  const m = BARE_CONTROL.exec(trimmed) ?? BARE_CONTROL.exec(trimmed.replace(TITLE_AFTER_ID, ''));
  if (!m) return undefined;
  return `${m[1] ? ISO42001_PREFIX : ''}A.${m[1] ? m[2] : normaliseNumber(m[2])}`;
}

/** A title after an ID: ` - Access control`, `: Access control`, ` — Access control`, ` Access control`. */
const TITLE_AFTER_ID = /(?<=\d)(?:\s*[-–—:|]\s*|\s+)(?=\p{L}|\()[^]*$/u;

/**
 * The control IDs of a cell or list entry written without Annex A markers (`8.24`, `5.15-5.18`, `05.15 Title`),
 * as the controls column of an SoA or register and a `controls:` entry hold them. The ID must start the entry or
 * one of its comma/semicolon-separated parts; a part that does not start with one is a title's continuation.
 */
export function scanBareControls(text: string): ControlMatch[] {
  if (!/\d\.\d/.test(text)) return [];
  const found: ControlMatch[] = [];
  const part = /[^,;\n]+/g;
  let resume = 0;
  for (const p of text.matchAll(part)) {
    const lead = p[0].length - p[0].trimStart().length;
    const at = p.index + lead;
    if (at < resume) continue; // read already as the continuation of a list
    const m = /^(?:(42001):\s?A\.?\s?|(?:Annex\s+A[\s.]?\s?|A\.?\s?)?)(\d{1,2}(?:\.\d{1,2}){1,2})(?![\w]|\.\d)/i.exec(text.slice(at));
    if (!m) continue;
    if (m[1]) {
      found.push({ id: `${ISO42001_PREFIX}A.${m[2]}`, raw: m[0], start: at, end: at + m[0].length });
      continue;
    }
    const before = found.length;
    resume = readItems(text, at, at + m[0].length, normaliseNumber(m[2]), found);
    // Bare numbers outside the catalog's numbering (a version `1.2`) are left out; marked ones are kept.
    if (!/^A|^Annex/i.test(m[0])) for (let i = found.length - 1; i >= before; i--) if (Number(found[i].id.split('.')[1]) < 5) found.splice(i, 1);
  }
  return found;
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
