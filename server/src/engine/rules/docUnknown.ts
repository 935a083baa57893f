import type { DocumentRule } from './rule';
import { closest } from './helpers';

export const docUnknown: DocumentRule = {
  code: 'doc-unknown',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'An ID listed under `related:` belongs to no document in the workspace.',
  fix: 'Correct the ID or remove it from `related:`.',
  check(doc, ctx) {
    const ids = ctx.workspace.documentIds();
    for (const ref of doc.references) {
      if (ref.kind !== 'document' || ref.source !== 'related' || ids.has(ref.id)) continue;
      const suggestion = closest(ref.id, [...ids.keys()], 2);
      ctx.report({ range: ref.range, message: `No document has the ID ${ref.id}.${suggestion ? ` Did you mean ${suggestion}?` : ''}` });
    }
  },
};
