import type { DocumentRule } from './rule';
import { linkProblems } from './linkTargets';

export const evidenceMissing: DocumentRule = {
  code: 'evidence-missing',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A link or `evidence:` entry points to a non-Markdown evidence file (PDF, screenshot, export) that does not exist.',
  fix: 'Add the evidence file at that path, or correct the link.',
  check(doc, ctx) {
    for (const p of linkProblems(doc, ctx.workspace)) {
      if (p.kind !== 'missing-evidence') continue;
      ctx.report({ range: p.link.range, message: `Evidence file ${p.path} does not exist. An auditor following this link will find nothing.`, data: { target: p.path } });
    }
  },
};
