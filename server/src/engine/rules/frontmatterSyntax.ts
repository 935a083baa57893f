import type { DocumentRule } from './rule';

export const frontmatterSyntax: DocumentRule = {
  code: 'frontmatter-syntax',
  family: 'frontmatter',
  scope: 'document',
  appliesTo: 'allMarkdown',
  defaultSeverity: 'error',
  description: 'The YAML frontmatter cannot be read: a syntax error, an unclosed `---` block, or a list instead of fields.',
  fix: 'Fix the YAML at the marked range; frontmatter is `key: value` lines between two `---` lines at the top.',
  check(doc, ctx) {
    for (const d of doc.parseDiagnostics) if (d.code === 'frontmatter-syntax') ctx.report({ range: d.range, message: d.message });
  },
};
