// Completion of control, risk, action and document IDs, frontmatter keys and values, link paths and heading anchors.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Feature } from './context';
import { complete, type CompletionKind } from '../engine/query/completion';

/** Kinds whose detail is the ID's title: shown on every row (labelDetails), not only on the focused one. */
const TITLED: ReadonlySet<CompletionKind> = new Set(['control', 'risk', 'action', 'document']);

const KIND: Record<CompletionKind, CompletionItemKind> = {
  control: CompletionItemKind.EnumMember,
  risk: CompletionItemKind.Event,
  action: CompletionItemKind.Function,
  document: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  date: CompletionItemKind.Constant,
  anchor: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
};

export const completion: Feature = {
  capabilities: { completionProvider: { triggerCharacters: ['.', ':', '#', '-', '(', '/', ' ', '['] } },
  register(ctx) {
    ctx.connection.onCompletion(async (params) => {
      await ctx.ready();
      const open = ctx.documents.get(params.textDocument.uri);
      const at = ctx.roots.locate(params.textDocument.uri);
      if (!open || !at) return null;
      const result = complete(at.root.workspace, at.root.workspace.getDocument(at.path), open.getText(), params.position, ctx.today());
      if (!result || result.items.length === 0) return null;
      const labelDetails = ctx.clientCapabilities().textDocument?.completion?.completionItem?.labelDetailsSupport === true;
      return {
        isIncomplete: result.isIncomplete,
        items: result.items.map(
          (e): CompletionItem => ({
            label: e.label,
            kind: KIND[e.kind],
            detail: e.detail,
            ...(labelDetails && e.detail && TITLED.has(e.kind) ? { labelDetails: { description: e.detail } } : {}),
            documentation: e.documentation,
            textEdit: { range: e.range, newText: e.insertText },
            filterText: e.filterText,
            sortText: e.sortText,
            preselect: e.preselect,
          }),
        ),
      };
    });
  },
};
