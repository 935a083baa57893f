// Document highlights: with the cursor on a control, risk or document ID, its other mentions in the document.
// Without them VS Code highlights the word under the cursor, and the word of `A.8.28` is `A`: every "A" lit up.
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { Feature } from './context';
import { documentAt } from './shared';
import { targetAt } from '../engine/query/symbolAt';
import { occurrencesIn } from '../engine/query/navigation';

export const documentHighlights: Feature = {
  capabilities: { documentHighlightProvider: true },
  register(ctx) {
    ctx.connection.onDocumentHighlight(async (params) => {
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const target = targetAt(at.root.workspace, at.doc, params.position);
      if (!target || target.kind === 'link') return null;
      return occurrencesIn(at.root.workspace, at.doc, target.kind, target.id).map(
        (o): DocumentHighlight => ({ range: o.range, kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }),
      );
    });
  },
};
