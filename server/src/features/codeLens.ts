// Code lenses above SoA rows and risk register rows: "referenced by N documents / M risks". The lens is a
// label (no command): LSP has no portable "show these references" command.
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver';
import type { Feature } from './context';
import { cancelled, documentAt, throwIfCancelled, toLspLocation } from './shared';
import { codeLenses } from '../engine/query/lens';

export const codeLens: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(ctx) {
    // Counts depend on other files: after each re-check, ask clients that can to re-request lenses.
    ctx.diagnostics.onPublished(() => {
      if (ctx.clientCapabilities().workspace?.codeLens?.refreshSupport) ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    });
    ctx.connection.onCodeLens(async (params, token) => {
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const lenses = codeLenses(at.root.workspace, at.doc, cancelled(token));
      throwIfCancelled(token);
      return lenses.map(
        (lens): CodeLens => ({
          range: { start: lens.range.start, end: lens.range.start },
          command: { title: lens.title, command: '' },
          data: { kind: lens.kind, id: lens.id, locations: lens.locations.map((l) => toLspLocation(ctx, at.root, l)) },
        }),
      );
    });
  },
};
