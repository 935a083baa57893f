// Go to definition: control ID → its SoA row; risk ID → its register row or risk document; document ID → the
// document; relative link → the target file and heading.
import type { Feature } from './context';
import { documentAt, toLspLocation } from './shared';
import { targetAt } from '../engine/query/symbolAt';
import { definitionsOf } from '../engine/query/navigation';

export const definition: Feature = {
  capabilities: { definitionProvider: true },
  register(ctx) {
    ctx.connection.onDefinition(async (params) => {
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const target = targetAt(at.root.workspace, at.doc, params.position);
      if (!target) return null;
      const found = definitionsOf(at.root.workspace, at.doc, target);
      return found.length ? found.map((l) => toLspLocation(ctx, at.root, l)) : null;
    });
  },
};
