import { DOCUMENT_TYPES } from '../model';
import type { DocumentRule } from './rule';
import { closest, fieldRange } from './helpers';
import { fieldOrigin, whereField } from '../adopt/metadata';

export const unknownType: DocumentRule = {
  code: 'unknown-type',
  family: 'frontmatter',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'The frontmatter `type` is not one of the ISMS document types, so the document gets no type-specific checks.',
  fix: 'Use one of: scope, policy, procedure, risk-register, risk, soa, risk-treatment-plan, objectives, audit, management-review, exception, record.',
  check(doc, ctx) {
    if (doc.type || doc.declaredType === undefined) return;
    const suggestion = closest(doc.declaredType.trim(), DOCUMENT_TYPES);
    ctx.report({
      range: fieldRange(doc, 'type'),
      message: `Unknown document type "${doc.declaredType}"${fieldOrigin(doc, 'type') === 'frontmatter' ? '' : ` ${whereField(doc, 'type')}`}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known types: ${DOCUMENT_TYPES.join(', ')}${fieldOrigin(doc, 'type') === 'frontmatter' ? '' : ' (or map it with typeAliases)'}.`,
      ...(suggestion ? { data: { suggestion } } : {}),
    });
  },
};
