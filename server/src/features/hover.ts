// Hover: what a control, risk or document ID stands for, from the catalogs, the SoA, the risk register and
// the documents' frontmatter.
import { MarkupKind } from 'vscode-languageserver';
import type { Feature } from './context';
import { documentAt } from './shared';
import { targetAt } from '../engine/query/symbolAt';
import { hoverMarkdown } from '../engine/query/hover';

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(async (params) => {
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const target = targetAt(at.root.workspace, at.doc, params.position);
      if (!target || target.kind === 'link') return null;
      const value = hoverMarkdown(at.root.workspace, target, ctx.today());
      return value ? { contents: { kind: MarkupKind.Markdown, value }, range: target.range } : null;
    });
  },
};
