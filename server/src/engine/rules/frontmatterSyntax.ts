import type { DocumentRule } from './rule';
import { isIsmsDocument } from '../model';

export const frontmatterSyntax: DocumentRule = {
  code: 'frontmatter-syntax',
  family: 'frontmatter',
  scope: 'document',
  appliesTo: 'allMarkdown',
  defaultSeverity: 'error',
  description: 'The YAML frontmatter cannot be read: a syntax error, an unclosed `---` block, or a list instead of fields (a warning in Markdown that declares no ISMS `type`); a warning for a value a `#` cuts short.',
  fix: 'Fix the YAML at the marked range; frontmatter is `key: value` lines between two `---` lines at the top.',
  check(doc, ctx) {
    // Markdown that is no ISMS document (no `type`, none from the configuration) gets a warning: its YAML is the
    // business of whatever else reads it (a site generator, say), not a certain fault of the ISMS.
    const isms = isIsmsDocument(doc) || doc.parseDiagnostics.some((d) => d.code === 'frontmatter-syntax' && d.data?.typed === true);
    for (const d of doc.parseDiagnostics) {
      // YAML's own warnings and a value cut short by `#` are warnings wherever they are.
      const atMost = !isms || d.severity === 'warning' ? { atMost: 'warning' as const } : {};
      if (d.code === 'frontmatter-syntax') ctx.report({ range: d.range, message: d.message, ...(d.data ? { data: d.data } : {}), ...atMost });
    }
  },
};
