import type { WorkspaceRule } from './rule';
import { fieldRange } from './helpers';

export const duplicateId: WorkspaceRule = {
  code: 'duplicate-id',
  family: 'frontmatter',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'Two documents declare the same `id` (translations, differing in `lang` or a language suffix or folder, may share one), or a risk ID is defined twice, so references to it are ambiguous.',
  fix: 'Give one of them a new, unused ID (rename updates its references).',
  check(ctx) {
    for (const [id, docs] of ctx.workspace.documentIds()) {
      if (docs.length < 2) continue;
      for (const doc of docs) {
        // Translations share an ID: documents in different languages are one document, not duplicates.
        const others = docs.filter((d) => d !== doc && !(d.lang && doc.lang && d.lang !== doc.lang)).map((d) => d.path);
        if (!others.length) continue;
        ctx.report({ path: doc.path, range: fieldRange(doc, 'id'), message: `Document ID ${id} is also used by ${others.join(', ')}. IDs must be unique across the ISMS.` });
      }
    }
    for (const [id, risks] of ctx.workspace.risks()) {
      if (risks.length < 2) continue;
      for (const risk of risks) {
        const others = risks.filter((r) => r !== risk).map((r) => `${r.path}:${r.idRange.start.line + 1}`);
        ctx.report({ path: risk.path, range: risk.idRange, message: `Risk ${id} is also defined at ${others.join(', ')}. Risk IDs must be unique.` });
      }
    }
  },
};
