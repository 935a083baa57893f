import type { DocumentRule } from './rule';

export const suppressionMissingReason: DocumentRule = {
  code: 'suppression-missing-reason',
  family: 'suppressions',
  scope: 'document',
  appliesTo: 'allMarkdown',
  defaultSeverity: 'warning',
  description: 'An `isms-disable` comment or frontmatter entry gives no reason after `--`; an auditor will ask why the finding was accepted.',
  fix: 'Write the justification after `--`, e.g. `<!-- isms-disable-next-line link-broken -- evidence held by the customer -->`.',
  check(doc, ctx) {
    for (const s of doc.suppressions) {
      if (s.kind === 'enable' || s.reason) continue;
      const what = s.codes.length ? s.codes.join(', ') : 'every rule';
      ctx.report({ range: s.range, message: `Suppression of ${what} has no reason. Add one after \`--\` so reviewers and auditors know why.` });
    }
  },
};
