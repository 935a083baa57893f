import type { DocumentRule } from './rule';
import { caseHint, linkProblems } from './linkTargets';

export const linkBroken: DocumentRule = {
  code: 'link-broken',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'A relative or site-absolute link points to a Markdown file that does not exist (also as an extensionless page or a folder\'s index page; a path that exists in other letter case is named), to a heading the target lacks, outside the workspace, or to a machine-local file: URL. Links into paths `exclude` leaves out are not judged.',
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
          ctx.report({ range, message: `Link target ${p.path} does not exist.${caseHint(p)}`, data: { target: p.path, ...(p.caseOf ? { caseOf: p.caseOf } : {}) } });
          break;
        case 'missing-anchor':
          ctx.report({ range, message: `${p.path === doc.path ? 'This document' : p.path} has no heading with the anchor #${p.anchor}.`, data: { target: p.path, anchor: p.anchor } });
          break;
      }
    }
  },
};
