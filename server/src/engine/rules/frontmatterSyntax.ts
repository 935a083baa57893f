import type { DocumentRule } from './rule';
import { isIsmsDocument } from '../model';

export const frontmatterSyntax: DocumentRule = {
  code: 'frontmatter-syntax',
  family: 'frontmatter',
  scope: 'document',
  appliesTo: 'allMarkdown',
  defaultSeverity: 'error',
  description: 'The YAML frontmatter cannot be read: a syntax error, an unclosed `---` block, or a list instead of fields. A warning in Markdown that declares no ISMS `type`.',
  fix: 'Fix the YAML at the marked range; frontmatter is `key: value` lines between two `---` lines at the top.',
  check(doc, ctx) {
    // Markdown that is no ISMS document (no `type`, none from the configuration) gets a warning: its YAML is the
    // business of whatever else reads it (a site generator, say), not a certain fault of the ISMS.
    const isms = isIsmsDocument(doc) || doc.parseDiagnostics.some((d) => d.code === 'frontmatter-syntax' && d.data?.typed === true);
    for (const d of doc.parseDiagnostics) {
      if (d.code === 'frontmatter-syntax') ctx.report({ range: d.range, message: d.message, ...(d.data ? { data: d.data } : {}), ...(isms ? {} : { atMost: 'warning' as const }) });
    }
  },
};
