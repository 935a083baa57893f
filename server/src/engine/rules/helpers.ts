// Small helpers shared by rules: where to put a finding, and how links resolve.
import type { IsmsDocument, Range } from '../model';
import { START_RANGE } from '../model';
import { posix } from '../util/posixPath';

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
}

/** Resolves a link destination written in `fromPath`; undefined for external URLs and other schemes. */
export function resolveLink(fromPath: string, target: string): ResolvedLink | undefined {
  const trimmed = target.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return undefined;
  const hash = trimmed.indexOf('#');
  const pathPart = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).replace(/\?.*$/, '');
  const anchor = hash >= 0 ? trimmed.slice(hash + 1) : undefined;
  if (!pathPart) return { anchor, outside: false };
  const joined = pathPart.startsWith('/') ? pathPart.slice(1) : posix.join(posix.dirname(fromPath), pathPart);
  const normal = posix.normalize(joined);
  if (normal === '..' || normal.startsWith('../')) return { outside: true, anchor };
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
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

export const code = (s: string) => `\`${s}\``;
