// Workspace symbols: every document, SoA control row and risk, by ID and title, across all roots.
import type { SymbolInformation } from 'vscode-languageserver';
import type { Feature } from './context';
import { cancelled, throwIfCancelled, toLspLocation, yieldToEventLoop } from './shared';
import { workspaceSymbols as findSymbols } from '../engine/query/symbols';
import { SYMBOL_KIND } from './documentSymbols';

export const workspaceSymbols: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register(ctx) {
    ctx.connection.onWorkspaceSymbol(async (params, token) => {
      await ctx.ready();
      const isCancelled = cancelled(token);
      const out: SymbolInformation[] = [];
      for (const root of ctx.roots.all()) {
        await yieldToEventLoop();
        throwIfCancelled(token);
        for (const s of findSymbols(root.workspace, params.query, isCancelled)) {
          out.push({ name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.container, location: toLspLocation(ctx, root, s.location) });
        }
      }
      throwIfCancelled(token);
      return out;
    });
  },
};
