// Small helpers shared by rules: where to put a finding, and how links resolve.
import type { IsmsDocument, Range, Severity } from '../model';
import type { RuleContext } from './rule';
import { START_RANGE } from '../model';
import { posix } from '../util/posixPath';
import { isPlaceholder } from '../adopt/placeholders';

/** The range of a frontmatter field's value, else its key, else the `type` line, else the top of the file. */
export function fieldRange(doc: IsmsDocument, key: string): Range {
  const field = doc.frontmatter?.fields.get(key);
  if (field) return field.valueRange.start.line === field.valueRange.end.line && field.valueRange.end.character > field.valueRange.start.character ? field.valueRange : field.keyRange;
  return documentAnchor(doc);
}

/** Where a finding about the document as a whole goes: its `type` line, so it shows without covering the file. */
export function documentAnchor(doc: IsmsDocument): Range {
  const type = doc.frontmatter?.fields.get('type');
  if (type) return { start: type.keyRange.start, end: type.valueRange.end };
  return doc.frontmatter ? { start: doc.frontmatter.range.start, end: { line: doc.frontmatter.range.start.line, character: 3 } } : START_RANGE;
}

export interface ResolvedLink {
  /** Workspace-relative path of the target (no anchor), or undefined for an in-document `#anchor`. */
  path?: string;
  anchor?: string;
  /** The link leaves the workspace (`../../etc/passwd`). */
  outside: boolean;
  /** A site-absolute link (`/handbook/x/`) to a page of the site outside the workspace: not ours to judge. */
  site?: boolean;
}

/**
 * Resolves a link destination written in `fromPath`; undefined for external URLs and other schemes. A
 * site-absolute destination (`/x`) resolves by `siteRoot` (see the setting): in that workspace folder when it
 * names one (`content`), below the URL path the workspace is served at when it is one (`/handbook/security/`), else
 * at the workspace root as on GitHub.
 */
export function resolveLink(fromPath: string, target: string, siteRoot = ''): ResolvedLink | undefined {
  const trimmed = target.trim();
  // A template's placeholder (`{{ url }}`) is filled in later: nothing to resolve yet.
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || isPlaceholder(trimmed)) return undefined;
  const hash = trimmed.indexOf('#');
  const pathPart = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).replace(/\?.*$/, '');
  const anchor = hash >= 0 ? trimmed.slice(hash + 1) : undefined;
  if (!pathPart) return { anchor, outside: false };
  let joined: string;
  if (!pathPart.startsWith('/')) joined = posix.join(posix.dirname(fromPath), pathPart);
  else if (siteRoot.startsWith('/')) {
    // The workspace is served at a URL path of a larger site: links elsewhere on that site are not ours to judge.
    const served = posix.normalize(siteRoot.slice(1));
    const linked = posix.normalize(pathPart.slice(1));
    if (served === '.') joined = linked;
    else if (linked === served) joined = '.';
    else if (linked.startsWith(served + '/')) joined = linked.slice(served.length + 1);
    else return { outside: true, anchor, site: true };
  } else joined = posix.join(siteRoot || '.', pathPart.slice(1));
  const normal = posix.normalize(joined);
  // Inside a larger site (siteRoot a URL path), a relative link may lead to another section of it, too.
  const site = siteRoot.startsWith('/') || (pathPart.startsWith('/') && siteRoot !== '');
  if (normal === '..' || normal.startsWith('../')) return { outside: true, anchor, ...(site ? { site: true } : {}) };
  return { path: normal.replace(/\/$/, '') || '.', anchor, outside: false };
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function closest(value: string, candidates: readonly string[], maxDistance = 3): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const a = lowerCodes(value, valueBuffer);
  const counts = countsBuffer;
  for (const code of a) counts[code]++;
  const used = usedBuffer;
  for (const c of candidates) {
    // Only a closer candidate counts, so skip those that cannot be (thousands of IDs per lookup): the characters
    // the two do not share bound the distance from below, and the distance stops once it reaches the best.
    if (Math.abs(a.length - c.length) >= bestDistance && isAscii(c)) continue;
    let common = 0;
    let ascii = true;
    for (let i = 0; i < c.length; i++) {
      let code = c.charCodeAt(i);
      if (code >= 128) {
        ascii = false;
        break;
      }
      if (code >= 65 && code <= 90) code += 32;
      if (used[code] < counts[code]) {
        used[code]++;
        common++;
      }
    }
    for (let i = 0; i < c.length; i++) used[c.charCodeAt(i) | 32] = 0;
    for (let i = 0; i < c.length; i++) used[c.charCodeAt(i)] = 0;
    if (ascii && Math.max(a.length, c.length) - common >= bestDistance) continue;
    const b = lowerCodes(c, candidateBuffer);
    if (Math.abs(a.length - b.length) >= bestDistance) continue;
    const d = editDistanceBelow(a, b, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  for (const code of a) counts[code] = 0;
  return best;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

const countsBuffer = new Int32Array(65536);
const usedBuffer = new Int32Array(65536);
const valueBuffer: number[] = [];
const candidateBuffer: number[] = [];
const rowBuffer: number[] = [];

/** The UTF-16 codes of `s.toLowerCase()` (computed per character for ASCII), in a reused buffer. */
function lowerCodes(s: string, into: number[]): number[] {
  into.length = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      const lower = s.toLowerCase();
      into.length = 0;
      for (let j = 0; j < lower.length; j++) into.push(lower.charCodeAt(j));
      return into;
    }
    into.push(c >= 65 && c <= 90 ? c + 32 : c);
  }
  return into;
}

/** editDistance of two code sequences when it is below `bound`, else some value >= bound. */
function editDistanceBelow(a: number[], b: number[], bound: number): number {
  if (Math.abs(a.length - b.length) >= bound) return bound;
  const row = rowBuffer;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      let v = prev + (ai === b[j - 1] ? 0 : 1);
      if (tmp + 1 < v) v = tmp + 1;
      if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
      row[j] = v;
      prev = tmp;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= bound) return bound; // every path through this row already costs too much
  }
  return row[b.length];
}

export const code = (s: string) => `\`${s}\``;

/**
 * When one of the documents holding a duplicate is a template or sample (adopt/templates.ts), its copy of an ID is
 * likely the template's example, not a second definition: at most a warning, saying which one and what to do.
 */
export function templateAmong(ctx: RuleContext, paths: readonly string[]): { atMost?: Severity; note: string } {
  const path = paths.find((p) => ctx.workspace.getDocument(p)?.template);
  if (!path) return { note: '' };
  return { atMost: 'warning', note: ` ${path} reads as a template (${ctx.workspace.getDocument(path)!.template}): if it is not part of the ISMS, add it to \`exclude\`.` };
}
