// How people write Annex A references, as data: the words that join a range or a list of controls, the other
// standards whose numbering looks like Annex A's, and the words that make an `A.1.2` an appendix number.
// The parser (parse/references.ts) and the document reader (parse/document.ts) read these tables; rules never do.

/** Words (surrounded by spaces) that join the two ends of a range: `A.5.15 to A.5.18`, `A.5.15 bis A.5.18`. */
export const RANGE_WORDS = ['to', 'through', 'thru', 'until', 'bis', 'à', 'au', 'a', 'al', 'hasta', 'até', 'tot', 't/m', 'fino a'];
/** Characters that join a range without spaces: `A.5.15-A.5.18`, `A.5.15–5.18`, `A.5.15〜5.18`. */
export const RANGE_MARKS = ['-', '–', '—', '~', '〜', '～'];
/** Words and marks that separate the items of a list: `A.5.15, 5.16 and 5.17`. */
export const LIST_WORDS = ['and', 'or', '&', 'und', 'oder', 'et', 'ou', 'y', 'o', 'e', 'en', 'of', 'ed'];
export const LIST_MARKS = [',', ';', '/', '、', '，', '；'];

/**
 * Standards whose control or clause numbers look like Annex A IDs. A reference on a line, in a table column,
 * under a heading or in a document that names one of these belongs to that standard, not to ISO/IEC 27001.
 */
export const OTHER_STANDARDS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'ISO/IEC 27701', pattern: /\b(?:ISO(?:\/IEC)?[\s-]*)?27701\b|\bPIMS\b/i },
  { name: 'ISO/IEC 27017', pattern: /\b(?:ISO(?:\/IEC)?[\s-]*)?27017\b|\bCLD\.\d/i },
  { name: 'ISO/IEC 27018', pattern: /\b(?:ISO(?:\/IEC)?[\s-]*)?27018\b/i },
  { name: 'ISO/IEC 27002', pattern: /\b(?:ISO(?:\/IEC)?[\s-]*)?27002\b/i },
  { name: 'ISO/IEC 27019', pattern: /\b(?:ISO(?:\/IEC)?[\s-]*)?2701[19]\b/i },
  { name: 'ISO 22301', pattern: /\b(?:ISO(?:\/IEC)?[\s-]*)?22301\b/i },
  { name: 'ISO 9001', pattern: /\bISO[\s-]*9001\b/i },
  { name: 'NIST', pattern: /\bNIST\b|\bSP[\s-]?800-\d+|\b800-53\b|\bCSF\b/ },
  { name: 'SOC 2', pattern: /\bSOC[\s-]?2\b|\bTSC\b|\bTrust Services? Criteria\b|\bAICPA\b/i },
  { name: 'CIS', pattern: /\bCIS\b(?:\s+(?:Controls?|Benchmarks?|v\d))?/ },
  { name: 'PCI DSS', pattern: /\bPCI[\s-]?DSS\b|\bPCI\b/i },
  { name: 'HIPAA', pattern: /\bHIPAA\b/ },
  { name: 'BSI IT-Grundschutz', pattern: /\bGrundschutz\b|\bBSI\b/ },
  { name: 'C5', pattern: /\bBSI C5\b|\bC5:20\d\d\b/ },
];

/** A mention of ISO/IEC 27001 itself (or its Annex A), which keeps a reference with 27001 when it is nearer. */
export const ISO27001_NAMED = /\b(?:ISO(?:\/IEC)?[\s-]*)?27001\b/i;

/** Words before an `A.1.2` that make it an appendix or section number of the document itself. */
export const APPENDIX_WORDS = /(?:\b(?:appendix|appendices|anhang|anlage|annexe|anexo|apêndice|bijlage|allegato|section|sección|seção|abschnitt|chapter|kapitel|chapitre|capítulo|figure|fig|table|tabelle|tableau|tabla|tabela)|付録|別紙|附属書)\.?\s*$/i;

/** Which other standard a piece of text names, if any (the first one found). */
export function otherStandardIn(text: string): string | undefined {
  if (!/\d|[A-Z]{2}/.test(text)) return undefined;
  for (const s of OTHER_STANDARDS) if (s.pattern.test(text)) return s.name;
  return undefined;
}

/** Where a line names a standard: ISO/IEC 27001 or another one. */
export interface Mention {
  name: string;
  start: number;
  end: number;
}

/** Every mention of a standard in a line (none, quickly, for the many lines that name none). */
export function standardMentions(line: string): Mention[] {
  if (!ANY_NAMED.test(line)) return [];
  const found: Mention[] = [];
  for (const { name, pattern } of NAMED_GLOBAL) {
    pattern.lastIndex = 0;
    for (const m of line.matchAll(pattern)) found.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The standard mentioned nearest to `at` in its line, if any. */
export function nearestMention(mentions: readonly Mention[], at: number): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const m of mentions) {
    const distance = m.end <= at ? at - m.end : Math.max(0, m.start - at);
    if (!best || distance < best.distance) best = { name: m.name, distance };
  }
  return best?.name;
}

/** Whether a line may name any standard at all (case-insensitive union): most lines name none. */
const ANY_NAMED = new RegExp([ISO27001_NAMED, ...OTHER_STANDARDS.map((s) => s.pattern)].map((p) => `(?:${p.source})`).join('|'), 'i');

/** ISO/IEC 27001 and the other standards, compiled once for scanning whole lines. */
const NAMED_GLOBAL = [{ name: 'ISO/IEC 27001', pattern: ISO27001_NAMED }, ...OTHER_STANDARDS].map((s) => ({
  name: s.name,
  pattern: new RegExp(s.pattern.source, s.pattern.flags + 'g'),
}));

/** Lower case, letters and digits only, single spaces: for comparing a title as written with a catalog title. */
export function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/organisation/g, 'organization')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `following` (the text after an ID) starts with `title`: all of it, or its first four words when longer. */
export function startsWithTitle(following: string, title: string): boolean {
  const words = normaliseTitle(title).split(' ');
  const head = words.slice(0, Math.min(words.length, 4)).join(' ');
  const text = normaliseTitle(following.slice(0, 120));
  return head.length > 0 && (text === head || text.startsWith(head + ' ') || (words.length <= 4 && text.startsWith(head)));
}
