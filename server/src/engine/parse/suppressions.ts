// Suppression comments: `<!-- isms-disable-next-line code -- reason -->`, `<!-- isms-disable code -- reason -->`
// … `<!-- isms-enable code -->`, and `isms-disable: "code -- reason"` (or a list) in the frontmatter.
import type { IsmsDocument, Suppression } from '../model';
import type { LineIndex } from '../util/lineIndex';
import { detach } from './detach';

const DIRECTIVE = /<!--\s*isms-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

/** `code-a, code-b -- the reason` into codes and reason (the reason may itself contain dashes). */
export function parseDirectiveBody(body: string): { codes: string[]; reason?: string } {
  const split = body.search(/(^|\s)--(\s|$)/);
  const codesPart = split >= 0 ? body.slice(0, split) : body;
  const reason = split >= 0 ? detach(body.slice(split).replace(/^\s*--\s*/, '').trim()) : '';
  return { codes: codesPart.split(/[\s,]+/).filter(Boolean).map(detach), ...(reason ? { reason } : {}) };
}

export function readSuppressions(doc: IsmsDocument, text: string, html: [number, number][], lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  for (const [start, end] of html) {
    const chunk = text.slice(start, end);
    if (!chunk.includes('isms-')) continue;
    for (const m of chunk.matchAll(DIRECTIVE)) {
      const kind: Suppression['kind'] = m[1] === 'disable-next-line' ? 'next-line' : (m[1] as 'disable' | 'enable');
      const range = lines.range(start + m.index, start + m.index + m[0].length);
      const suppression: Suppression = { path: doc.path, kind, ...parseDirectiveBody(m[2]), range };
      if (kind === 'next-line') suppression.line = nextContentLine(text, lines, range.end.line + 1);
      found.push(suppression);
    }
  }
  for (const item of doc.frontmatter?.items.get('isms-disable') ?? []) {
    if (typeof item.value !== 'string') continue;
    found.push({ path: doc.path, kind: 'file', ...parseDirectiveBody(item.value), range: item.range });
  }
  return found;
}

/** The first non-blank line at or after `line` (a directive covers the next line that has content). */
function nextContentLine(text: string, lines: LineIndex, line: number): number {
  for (let l = line; l < lines.lineCount; l++) {
    const r = lines.lineRange(l);
    if (text.slice(lines.offset(r.start), lines.offset(r.end)).trim()) return l;
  }
  return line;
}

/** The suppression covering a finding with `code` on `line` of its file, if any. */
export function findSuppression(suppressions: readonly Suppression[], code: string, line: number): Suppression | undefined {
  const covers = (s: Suppression) => s.codes.length === 0 || s.codes.includes(code);
  let active: Suppression | undefined;
  for (const s of suppressions) {
    if (s.kind === 'file' && covers(s)) return s;
    if (s.kind === 'next-line' && s.line === line && covers(s)) return s;
    if (s.range.start.line >= line || !covers(s)) continue;
    if (s.kind === 'disable') active = s;
    else if (s.kind === 'enable') active = undefined;
  }
  return active;
}
