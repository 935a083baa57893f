// Shared by link-broken and evidence-missing: what a relative link points at and whether it is there.
import type { IsmsDocument, Link } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { isMarkdownPath } from '../workspace/workspace';
import { resolveLink } from './helpers';

export type LinkProblem =
  | { kind: 'file-link'; link: Link }
  | { kind: 'outside'; link: Link }
  | { kind: 'missing-markdown'; link: Link; path: string }
  | { kind: 'missing-anchor'; link: Link; path: string; anchor: string }
  | { kind: 'missing-evidence'; link: Link; path: string };

/** Every link of a document whose target is missing, plus the `evidence:` frontmatter entries. */
export function linkProblems(doc: IsmsDocument, workspace: IsmsWorkspace): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const evidence = (doc.frontmatter?.items.get('evidence') ?? [])
    .filter((i) => typeof i.value === 'string')
    .map((i): Link => ({ target: i.value as string, range: i.range, image: false }));
  for (const link of [...doc.links, ...evidence]) {
    if (/^file:/i.test(link.target.trim())) {
      problems.push({ kind: 'file-link', link });
      continue;
    }
    const resolved = resolveLink(doc.path, link.target);
    if (!resolved) continue;
    if (resolved.outside) {
      problems.push({ kind: 'outside', link });
      continue;
    }
    const path = resolved.path ?? doc.path;
    const anchor = resolved.anchor ? safeDecode(resolved.anchor) : undefined;
    if (resolved.path !== undefined && !workspace.hasFile(path)) {
      if (workspace.hasFolder(path)) continue;
      problems.push(isMarkdownPath(path) || !/\.[^/]+$/.test(path) ? { kind: 'missing-markdown', link, path } : { kind: 'missing-evidence', link, path });
      continue;
    }
    if (anchor && isMarkdownPath(path)) {
      const target = workspace.getDocument(path);
      if (target && !target.headings.some((h) => h.slug === anchor.toLowerCase()) && !/^L\d+/.test(anchor)) {
        problems.push({ kind: 'missing-anchor', link, path, anchor });
      }
    }
  }
  return problems;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
