import type { DocumentType } from '../model';
import type { DocumentRule } from './rule';
import { code, documentAnchor } from './helpers';
import { whereToAdd } from '../adopt/metadata';

/** Fields each type needs beyond `id`, `title` and `owner`. A group is satisfied by any one of its fields. */
const EXTRA_FIELDS: Partial<Record<DocumentType, string[][]>> = {
  scope: [['last_reviewed', 'next_review']],
  policy: [['last_reviewed', 'next_review']],
  soa: [['last_reviewed', 'next_review']],
  audit: [['date']],
  'management-review': [['date']],
  exception: [['opened']],
};

const EXAMPLES: Record<string, string> = {
  id: 'id: POL-001',
  title: 'title: Access Control Policy',
  owner: 'owner: Head of Security',
  last_reviewed: 'last_reviewed: 2026-01-31',
  date: 'date: 2026-03-14',
  opened: 'opened: 2026-03-14T02:10:00Z',
};

/** `owner: Head of Security` for YAML; `Owner: Head of Security` for a table, header or list written in words. */
function example(field: string, yaml: boolean): string {
  const text = EXAMPLES[field] ?? `${field}: …`;
  return yaml ? text : text.replace(/^(\w)(\w*):/, (_, a: string, b: string) => `${a.toUpperCase()}${b.replace(/_/g, ' ')}:`);
}

export function requiredFields(type: DocumentType): string[][] {
  return [['id'], ['title'], ['owner'], ...(EXTRA_FIELDS[type] ?? [])];
}

export const frontmatterMissingField: DocumentRule = {
  code: 'frontmatter-missing-field',
  family: 'frontmatter',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A document lacks a field its type needs: `id` (where the ISMS uses document IDs at all), `title`, `owner`; a review date for scope, policy and SoA; `date` for audits and management reviews; `opened` for exceptions.',
  fix: 'Add the named field where the document keeps its metadata: the frontmatter (the quick fix inserts it), or its Document Control table, blockquote header or document information list.',
  check(doc, ctx) {
    if (!doc.type || !doc.frontmatter) return;
    const data = doc.frontmatter.data;
    // Document IDs are what `related:` and cross-references use; where no document has one, the ISMS identifies its
    // documents by title (as clause 7.5.2 allows) and asking every document for an ID would only be noise.
    const usesIds = ctx.workspace.documentIds().size > 0;
    for (const group of requiredFields(doc.type)) {
      if (group[0] === 'id' && !usesIds) continue;
      if (group.some((f) => (data[f] !== undefined && data[f] !== null && String(data[f]).trim() !== '') || doc.frontmatter!.placeholders?.has(f))) continue;
      const field = group[0];
      const what = group.length > 1 ? group.map(code).join(' or ') : code(field);
      ctx.report({
        range: documentAnchor(doc),
        message: `This ${doc.type} document has no ${what}. Add it ${whereToAdd(doc)}, e.g. \`${example(field, doc.metadata === undefined || doc.metadata === 'frontmatter' || doc.metadata === 'html-comment')}\`.`,
        data: { field },
      });
    }
  },
};
