import type { DocumentRule } from './rule';
import { documentAnchor } from './helpers';

/** The sections ISO/IEC 27001 clause 4.3 (and auditors) expect in a scope document, with accepted synonyms. */
export const SCOPE_SECTIONS = [
  { key: 'statement', title: 'Scope statement', clause: '4.3', pattern: /\bscope statement|statement of (the )?scope|^(isms )?scope( of the isms)?$|^purpose and scope$|\bscope of (the )?isms\b/ },
  { key: 'boundaries', title: 'Boundaries', clause: '4.3', pattern: /\bboundar|\bapplicability\b/ },
  { key: 'interfaces', title: 'Interfaces and dependencies', clause: '4.3 c', pattern: /\binterfaces?\b|\bdependenc/ },
  { key: 'issues', title: 'Internal and external issues', clause: '4.1', pattern: /\bissues\b|\bcontext of the organi[sz]ation\b/ },
  { key: 'parties', title: 'Interested parties and their requirements', clause: '4.2', pattern: /\binterested part|\bstakeholder/ },
  { key: 'exclusions', title: 'Exclusions', clause: '4.3', pattern: /\bexclu|\bout[- ]of[- ]scope\b/ },
  { key: 'approval', title: 'Management approval', clause: '5.1 / 7.5', pattern: /\bapprov|\bsign[- ]?off\b|\bauthori[sz]ation\b/ },
] as const;

export const scopeMissingSection: DocumentRule = {
  code: 'scope-missing-section',
  family: 'scope',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'The scope document lacks a section ISO 27001 clause 4.3 expects: scope statement, boundaries, interfaces and dependencies, internal/external issues, interested parties, exclusions, management approval.',
  fix: 'Add a heading for the missing section (any level; synonyms accepted), or use the quick fix to insert a skeleton.',
  check(doc, ctx) {
    if (doc.type !== 'scope') return;
    const headings = doc.headings.map((h) => h.text.toLowerCase().replace(/^[\d.\s]+/, '').trim());
    for (const section of SCOPE_SECTIONS) {
      if (headings.some((h) => section.pattern.test(h))) continue;
      ctx.report({
        range: documentAnchor(doc),
        message: `Scope document has no "${section.title}" section (ISO/IEC 27001 clause ${section.clause}). Add a heading such as "## ${section.title}".`,
        data: { section: section.key, title: section.title },
      });
    }
  },
};
