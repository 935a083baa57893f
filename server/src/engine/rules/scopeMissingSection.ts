import type { DocumentRule } from './rule';
import { documentAnchor } from './helpers';
import { SCOPE_SECTIONS, findScopeSection } from '../adopt/sections';
import { hasValue } from '../isms/status';

export { SCOPE_SECTIONS } from '../adopt/sections';

export const scopeMissingSection: DocumentRule = {
  code: 'scope-missing-section',
  family: 'scope',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'The scope document lacks a section ISO 27001 clause 4.3 expects: scope statement, boundaries, interfaces and dependencies, internal/external issues, interested parties, exclusions, management approval.',
  fix: 'Add a heading for the missing section (any level; synonyms in English, German, French, Spanish, Portuguese, Dutch, Italian and Japanese accepted, more via `scopeSections`), or use the quick fix to insert a skeleton.',
  check(doc, ctx) {
    if (doc.type !== 'scope') return;
    const configured = ctx.workspace.config.scopeSections;
    for (const section of SCOPE_SECTIONS) {
      if (findScopeSection(section, doc.headings, configured[section.key])) continue;
      if (section.field && hasValue(doc, section.field)) continue;
      ctx.report({
        range: documentAnchor(doc),
        message: `Scope document has no "${section.title}" section (ISO/IEC 27001 clause ${section.clause}). Add a heading such as "## ${section.title}".`,
        data: { section: section.key, title: section.title },
      });
    }
  },
};
