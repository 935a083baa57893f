// Shared by link-broken and evidence-missing: what a relative link points at and whether it is there.
import type { IsmsDocument, Link } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { isMarkdownPath } from '../workspace/workspace';
import { findLinkTarget } from '../workspace/linkTarget';

export type LinkProblem =
  | { kind: 'file-link'; link: Link }
  | { kind: 'outside'; link: Link }
  | { kind: 'missing-markdown'; link: Link; path: string; caseOf?: string }
  | { kind: 'missing-anchor'; link: Link; path: string; anchor: string }
  | { kind: 'missing-evidence'; link: Link; path: string; caseOf?: string };

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
    const target = findLinkTarget(workspace, doc.path, link.target);
    if (target.kind === 'outside') {
      if (!target.site) problems.push({ kind: 'outside', link });
      continue;
    }
    if (target.kind === 'missing') {
      const { path, caseOf } = target;
      const markdown = isMarkdownPath(path) || !/\.[^/]+$/.test(path);
      problems.push({ kind: markdown ? 'missing-markdown' : 'missing-evidence', link, path, ...(caseOf ? { caseOf } : {}) });
      continue;
    }
    if (target.kind !== 'file' || !target.anchor || !isMarkdownPath(target.path)) continue;
    const anchor = safeDecode(target.anchor);
    const linked = workspace.getDocument(target.path);
    if (linked && !linked.headings.some((h) => h.slug === anchor.toLowerCase()) && !/^L\d+/.test(anchor)) {
      problems.push({ kind: 'missing-anchor', link, path: target.path, anchor });
    }
  }
  return problems;
}

/** The end of a "does not exist" message: what exists instead when only letter case differs. */
export function caseHint(problem: { caseOf?: string }): string {
  return problem.caseOf ? ` ${problem.caseOf} exists, differing only in letter case; links are case-sensitive on most sites and file systems.` : '';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
