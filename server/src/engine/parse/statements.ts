// Facts read from a document's prose at parse time, since the model keeps no prose: list items (agenda items,
// task lists), who approved something, dates written in the text, and the SoA version a scope cites. The words
// are data (several languages), like the scope sections and the table columns.
import type { ListItem, Statement } from '../model';
import type { LineIndex } from '../util/lineIndex';
import { detach, intern } from './detach';

/** "approved by X", "Approver: X", in the languages ISMS documents are written in. */
const APPROVED_BY = [
  /\b(?:approved|signed[- ]off|authori[sz]ed|endorsed|accepted)\s+by\b\s*:?\s*/giu,
  /\b(?:approver|approved by|signed off by|sign-off|signatory)\s*:\s*/giu,
  /\b(?:genehmigt|freigegeben)\s+(?:durch|von)\b\s*:?\s*/giu, // de
  /\bapprouv[ée]e?s?\s+par\b\s*:?\s*/giu, // fr
  /\baprobad[oa]s?\s+por\b\s*:?\s*/giu, // es
  /\bgoedgekeurd\s+door\b\s*:?\s*/giu, // nl
  /\bapprovat[oa]\s+da\b\s*:?\s*/giu, // it
  /承認者\s*[:：]\s*/gu, // ja
];
/** A word every pattern of APPROVED_BY needs: most lines have none, and the eight scans were a tenth of a check. */
const MAY_NAME_APPROVER = /approv|aprobad|sign|authori[sz]ed|endorsed|accepted|genehmigt|freigegeben|goedgekeurd|承認者/i;

/** Where the approver's name ends: "on <date>", a comma, a full stop, "following…". */
const NAME_END = /\s+(?:on|am|le|el|op|il|at|in|following|after|for|as|with|via|per|and the)\b|[,;]|\.(?:\s|$)|\s[-–—]\s|\s{2,}|\s*\d{4}-\d{2}-\d{2}/iu;

/** Approvers that name nobody: an auditor cannot tell who approved. */
export const GENERIC_APPROVERS = /^(?:the\s+)?(?:(?:top|senior|executive)\s+)?(?:management(?:\s+team)?|board(?:\s+of\s+directors)?|leadership(?:\s+team)?|directors|executives|n\/?a|tbd|tba|todo|-+|—|…|\.\.\.|geschäftsführung|direction|dirección|management\s+board)$/iu;

const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const TEXT_DATE = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/gi;

/** "Statement of Applicability version 2.1", "SoA v2.1", "Erklärung zur Anwendbarkeit Version 2.1". */
const SOA_VERSION =
  /\b(?:statement\s+of\s+applicability|soa|erklärung\s+zur\s+anwendbarkeit|déclaration\s+d['’]applicabilité|declaración\s+de\s+aplicabilidad|verklaring\s+van\s+toepasselijkheid)\b[^.\n]{0,40}?\b(?:version|versión|v\.?|rev(?:ision)?\.?)\s*(\d+(?:\.\d+)*)\b/giu;

/** What SOA_VERSION and the dates cannot match without (cheap literal tests, run first). */
const MAY_NAME_SOA = /soa|plica|anwendbar|toepasselijk/i;
const YEAR = /\d{4}/;

/** `Owner: CTO`, `**Due:** 2026-12-01`, `- Measure: …` (markup is blank in the prose): a key of up to four words. */
const FIELD_LINE = /^[\s>*+_-]*(?:\d{1,3}[.)]\s+)?(\p{L}[\p{L}\p{N}/&' -]{0,40}?)[*_]*\s*[:：][*_]*\s+(\S.*)$/u;

// `(?:[ \t]*>)*[ \t]*` rather than `[ \t]*(?:>[ \t]?)*[ \t]*`: two adjacent runs of blanks backtrack quadratically.
const LIST_ITEM = /^((?:[ \t]*>)*[ \t]*)([-+*]|\d{1,9}[.)])([ \t]+)(?:\[([ xX])\][ \t]+)?(\S.*)$/;

/** Each prose line with its offset, for the line-based readers below. */
function* linesOf(text: string, from: number): Generator<[string, number]> {
  const re = /\r\n|\n|\r/g;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield [text.slice(start, m.index), start];
    start = m.index + m[0].length;
  }
  if (start <= text.length) yield [text.slice(start), start];
}

/** List items whose text is prose (not inside code or HTML): their first line, and task boxes. */
export function readListItems(text: string, prose: string, bodyStart: number, lines: LineIndex): ListItem[] {
  const items: ListItem[] = [];
  for (const [line, offset] of linesOf(text, bodyStart)) {
    if (line.length > 4000) continue; // an agenda item or a task is a line, not a page
    const m = LIST_ITEM.exec(line);
    if (!m) continue;
    const start = offset + m[1].length + m[2].length + m[3].length + (m[4] !== undefined ? 4 : 0);
    // `[ ]` is markup, not prose, so the item's own text decides whether the line is prose.
    const end = offset + line.trimEnd().length;
    if (!/\S/.test(prose.slice(start, end))) continue;
    const item: ListItem = { text: detach(m[5].trim()), range: lines.range(start, end) };
    if (m[4] !== undefined) item.checked = m[4] !== ' ';
    items.push(item);
  }
  return items;
}

/** Approvers, dates and SoA version citations in the prose. */
export function readStatements(text: string, prose: string, bodyStart: number, lines: LineIndex): Statement[] {
  const found: Statement[] = [];
  // Line breaks are not prose (the prose has spaces there), so lines come from the text.
  for (const [raw, offset] of linesOf(text, bodyStart)) {
    // A statement is a sentence or a `Key: value` line; very long lines (minified tables, generated text) are
    // skipped so that a hostile file cannot make the patterns below backtrack for seconds.
    if (raw.length > 2000) continue;
    const line = prose.slice(offset, offset + raw.length);
    if (!line.trim()) continue;
    const field = /^\s{0,3}#{1,6}\s/.test(raw) ? null : FIELD_LINE.exec(line);
    if (field) {
      const at = offset + line.length - field[2].length;
      found.push({ kind: 'field', key: intern(field[1].trim().toLowerCase()), value: intern(field[2].trim().slice(0, 200)), range: lines.range(at, at + field[2].trimEnd().length) });
    }
    if (!/\d|by|par|por|door|durch|von|da|承認/i.test(line)) continue;
    for (const pattern of MAY_NAME_APPROVER.test(line) ? APPROVED_BY : []) {
      pattern.lastIndex = 0;
      for (const m of line.matchAll(pattern)) {
        const rest = line.slice(m.index + m[0].length);
        const end = NAME_END.exec(rest)?.index ?? rest.length;
        const name = rest.slice(0, end).trim().replace(/[*_`]+$/g, '').trim();
        if (!name) continue;
        const at = offset + m.index + m[0].length + rest.indexOf(name);
        found.push({ kind: 'approved-by', value: intern(name.slice(0, 120)), range: lines.range(at, at + name.length) });
      }
    }
    // Dates need a year's four digits, a version citation the name of the SoA: most lines have neither.
    const hasYear = YEAR.test(line);
    if (hasYear) for (const m of line.matchAll(ISO_DATE)) found.push({ kind: 'date', value: intern(m[0]), range: lines.range(offset + m.index, offset + m.index + m[0].length) });
    if (hasYear) for (const m of line.matchAll(TEXT_DATE)) {
      const [day, month, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
      const iso = `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
      found.push({ kind: 'date', value: intern(iso), range: lines.range(offset + m.index, offset + m.index + m[0].length) });
    }
    if (MAY_NAME_SOA.test(line)) for (const m of line.matchAll(SOA_VERSION)) {
      const at = offset + m.index + m[0].length - m[1].length;
      found.push({ kind: 'soa-version', value: intern(m[1]), range: lines.range(at, at + m[1].length) });
    }
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
