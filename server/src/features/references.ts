// Find references: every mention of a control, risk or document ID across the workspace (frontmatter and body),
// with its declaration when the client asks for it.
import type { Feature } from './context';
import { cancelled, documentAt, throwIfCancelled, toLspLocation } from './shared';
import { targetAt } from '../engine/query/symbolAt';
import { referencesOf } from '../engine/query/navigation';

export const references: Feature = {
  capabilities: { referencesProvider: true },
  register(ctx) {
    ctx.connection.onReferences(async (params, token) => {
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const target = targetAt(at.root.workspace, at.doc, params.position);
      if (!target || target.kind === 'link') return null;
      const found = referencesOf(at.root.workspace, target.kind, target.id, params.context.includeDeclaration, cancelled(token));
      throwIfCancelled(token);
      return found.map((l) => toLspLocation(ctx, at.root, l));
    });
  },
};
