// The outline: sections as a hierarchy, with the risks of a register and the rows of an SoA inside them.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Feature } from './context';
import { documentAt, textSource } from './shared';
import { documentOutline, type OutlineKind, type OutlineSymbol } from '../engine/query/symbols';
import { TextLines } from '../engine/query/text';

export const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.String,
  risk: SymbolKind.Event,
  control: SymbolKind.EnumMember,
  document: SymbolKind.File,
};

const toDocumentSymbol = (s: OutlineSymbol): DocumentSymbol => ({
  name: s.name,
  detail: s.detail,
  kind: SYMBOL_KIND[s.kind],
  range: s.range,
  selectionRange: s.selectionRange,
  children: s.children.map(toDocumentSymbol),
});

export const documentSymbols: Feature = {
  capabilities: { documentSymbolProvider: { label: 'ISMS' } },
  register(ctx) {
    ctx.connection.onDocumentSymbol(async (params) => {
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const text = await textSource(ctx, at.root)(at.path);
      const outline = documentOutline(at.root.workspace, at.doc, text === undefined ? { line: at.doc.lineCount, character: 0 } : new TextLines(text).end());
      if (ctx.clientCapabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return outline.map(toDocumentSymbol);
      // Older clients get a flat list with each symbol's parent as its container.
      const flat: SymbolInformation[] = [];
      const walk = (list: OutlineSymbol[], container?: string) =>
        list.forEach((s) => {
          flat.push({ name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: params.textDocument.uri, range: s.range }, containerName: container });
          walk(s.children, s.name);
        });
      walk(outline);
      return flat;
    });
  },
};
