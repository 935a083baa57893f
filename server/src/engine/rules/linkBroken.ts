import type { DocumentRule } from './rule';
import { linkProblems } from './linkTargets';

export const linkBroken: DocumentRule = {
  code: 'link-broken',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A relative link points to a Markdown file that does not exist, to a heading the target lacks, outside the workspace, or to a machine-local file: URL.',
  fix: 'Correct the path or anchor (anchors are GitHub-style: lowercase, punctuation removed, spaces as hyphens).',
  check(doc, ctx) {
    for (const p of linkProblems(doc, ctx.workspace)) {
      const range = p.link.range;
      switch (p.kind) {
        case 'file-link':
          ctx.report({ range, message: 'file: links only work on one machine. Link to the file with a path relative to this document.' });
          break;
        case 'outside':
          ctx.report({ range, message: 'This link leads outside the workspace, where nobody else can follow it. Keep linked evidence inside the repository.' });
          break;
        case 'missing-markdown':
          ctx.report({ range, message: `Link target ${p.path} does not exist.`, data: { target: p.path } });
          break;
        case 'missing-anchor':
          ctx.report({ range, message: `${p.path === doc.path ? 'This document' : p.path} has no heading with the anchor #${p.anchor}.`, data: { target: p.path, anchor: p.anchor } });
          break;
      }
    }
  },
};
