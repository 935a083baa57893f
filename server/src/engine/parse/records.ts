// Risk registers written as a heading per risk with bullet or bold fields, and one file per risk:
//
//     ### R-003 Laptop theft
//     - **Owner:** IT lead
//     - Likelihood: 3
//     **Controls**: A.8.1, 7.9
//
// Each such section becomes a record with the same fields a register row has (adopt/columns.ts names them
// in the supported languages), so its controls count for the SoA and its ID resolves.
import type { IsmsDocument, Range, RiskRecord } from '../model';
import type { LineIndex } from '../util/lineIndex';
import { RISK_FIELDS, RISK_HEADERS, fieldForName, type ColumnOverrides, type RiskColumn } from '../adopt/columns';
import { intern } from './detach';
import { position, sharedRange } from '../util/position';

/** `- **Owner:** x`, `* Owner: x`, `**Owner**: x`, `Owner: x`, `Owner：x` (full-width colon). */
export const FIELD_LINE = /^[ \t]{0,3}(?:>[ \t]?)?(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__)?([^:：*_|\n]{1,40}?)(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*(.*?)[ \t]*$/;

/**
 * The risk records of a risk register or risk document: sections whose heading starts with one risk ID, and
 * for a `risk` document whose headings name none, the document itself under its `id` or file name.
 */
export function readRiskRecords(doc: IsmsDocument, text: string, lines: LineIndex, riskMatcher: RegExp, overrides: ColumnOverrides = {}): RiskRecord[] {
  const rawLines = text.split(/\r\n|\n|\r/);
  const records: RiskRecord[] = [];
  const headings = doc.headings;
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h];
    const ids = [...heading.text.matchAll(new RegExp(riskMatcher.source, 'g'))];
    // "R-003 Laptop theft", "Risk R-003: Laptop theft"; a heading naming two risks is not one risk's section.
    if (ids.length !== 1 || ids[0].index > 12) continue;
    let end = lines.lineCount;
    for (let k = h + 1; k < headings.length; k++) {
      if (headings[k].depth <= heading.depth) {
        end = headings[k].range.start.line;
        break;
      }
    }
    // Stop at a nested heading that is another risk's.
    for (let k = h + 1; k < headings.length && headings[k].range.start.line < end; k++) {
      if (new RegExp(riskMatcher.source).test(headings[k].text)) {
        end = headings[k].range.start.line;
        break;
      }
    }
    const id = ids[0][0];
    const title = heading.text.slice(ids[0].index + id.length).replace(/^[\s:.\-–—|]+/, '').trim();
    const record = fieldsIn(rawLines, heading.range.start.line + 1, end, overrides);
    if (Object.keys(record).length === 0) continue; // a heading that mentions a risk, with no fields under it
    records.push({
      id: intern(id),
      idRange: headingIdRange(heading.range, rawLines[heading.range.start.line] ?? '', id),
      range: { start: heading.range.start, end: position(Math.max(heading.range.start.line, end - 1), 0) },
      title: intern(title),
      fields: record,
    });
  }
  if (records.length === 0 && doc.type === 'risk') {
    const fromName = new RegExp(riskMatcher.source).exec(doc.path.split('/').pop() ?? '');
    const id = doc.id ?? fromName?.[0];
    const bodyStart = doc.frontmatter ? doc.frontmatter.range.end.line + 1 : 0;
    const fields = fieldsIn(rawLines, bodyStart, lines.lineCount, overrides);
    if (id && Object.keys(fields).length) {
      const h1 = doc.headings.find((x) => x.depth === 1);
      const at = h1?.range ?? lines.lineRange(bodyStart);
      records.push({ id: intern(id), idRange: at, range: { start: at.start, end: position(lines.lineCount - 1, 0) }, title: intern(h1?.text ?? ''), fields });
    }
  }
  return records;
}

function headingIdRange(heading: Range, line: string, id: string): Range {
  const at = line.indexOf(id);
  if (at < 0) return heading;
  return sharedRange(position(heading.start.line, at), position(heading.start.line, at + id.length));
}

/** The `key: value` lines of lines [from, to) whose key names a risk field. */
function fieldsIn(rawLines: string[], from: number, to: number, overrides: ColumnOverrides): RiskRecord['fields'] {
  const fields: RiskRecord['fields'] = {};
  let fence = false;
  for (let line = from; line < to && line < rawLines.length; line++) {
    const raw = rawLines[line];
    if (/^\s{0,3}(```|~~~)/.test(raw)) fence = !fence;
    if (fence || !raw.includes(':') && !raw.includes('：')) continue;
    const m = FIELD_LINE.exec(raw);
    if (!m || !m[2]) continue;
    const field = fieldNamed(m[1], overrides);
    if (!field || fields[field]) continue;
    const value = m[2].replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
    const start = raw.lastIndexOf(m[2]);
    fields[field] = {
      text: intern(value),
      range: sharedRange(position(line, start), position(line, start + m[2].length)),
    };
  }
  return fields;
}

const cache = new Map<string, RiskColumn | null>();
const RECORD_FIELDS = RISK_FIELDS.filter((f) => f !== 'id');

/** The risk field a key names (`Owner`, `Risk owner`, `Eintrittswahrscheinlichkeit`, `影響度`), if any. */
function fieldNamed(key: string, overrides: ColumnOverrides): RiskColumn | undefined {
  if (Object.keys(overrides).length) return fieldForName(key, RECORD_FIELDS, RISK_HEADERS, overrides);
  if (!cache.has(key) && cache.size < 2000) cache.set(key, fieldForName(key, RECORD_FIELDS, RISK_HEADERS) ?? null);
  return cache.get(key) ?? fieldForName(key, RECORD_FIELDS, RISK_HEADERS);
}
