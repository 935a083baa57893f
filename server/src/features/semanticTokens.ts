// Semantic tokens: control IDs, risk IDs and document IDs stand out; modifiers mark where they are declared,
// withdrawn 2013 control IDs (`deprecated`) and IDs nothing defines (`unresolved`).
import { SemanticTokensBuilder, SemanticTokensRefreshRequest, type SemanticTokensLegend } from 'vscode-languageserver';
import type { Feature, ServerContext } from './context';
import { documentAt, textSource } from './shared';
import { idTokens, type IdModifier } from '../engine/query/tokens';
import { TextLines, comparePositions } from '../engine/query/text';
import type { Range, ReferenceKind } from '../engine/model';

// Action IDs (`ACT-12`) have no TextMate scope to match yet, so they are not sent as tokens.
const TOKEN_TYPES: Record<Exclude<ReferenceKind, 'action'>, string> = { control: 'enumMember', risk: 'variable', document: 'class' };
const MODIFIERS: IdModifier[] = ['declaration', 'deprecated', 'unresolved'];
export const LEGEND: SemanticTokensLegend = { tokenTypes: Object.values(TOKEN_TYPES), tokenModifiers: MODIFIERS };

async function build(ctx: ServerContext, uri: string, within?: Range) {
  const at = await documentAt(ctx, uri);
  if (!at) return { data: [] };
  const text = await textSource(ctx, at.root)(at.path);
  if (text === undefined) return { data: [] };
  const builder = new SemanticTokensBuilder();
  let last: Range['end'] | undefined;
  for (const t of idTokens(at.root.workspace, at.doc, new TextLines(text))) {
    if (t.kind === 'action') continue;
    if (last && comparePositions(t.range.start, last) < 0) continue; // tokens must not overlap
    if (within && (comparePositions(t.range.end, within.start) < 0 || comparePositions(t.range.start, within.end) > 0)) continue;
    const type = LEGEND.tokenTypes.indexOf(TOKEN_TYPES[t.kind]);
    const modifiers = t.modifiers.reduce((bits, m) => bits | (1 << MODIFIERS.indexOf(m)), 0);
    builder.push(t.range.start.line, t.range.start.character, t.range.end.character - t.range.start.character, type, modifiers);
    last = t.range.end;
  }
  return builder.build();
}

export const semanticTokens: Feature = {
  capabilities: { semanticTokensProvider: { legend: LEGEND, full: true, range: true } },
  register(ctx) {
    ctx.connection.languages.semanticTokens.on((params) => build(ctx, params.textDocument.uri));
    ctx.connection.languages.semanticTokens.onRange((params) => build(ctx, params.textDocument.uri, params.range));
    // Whether an ID resolves depends on other files: after each re-check, ask clients that can to re-request.
    ctx.diagnostics.onPublished(() => {
      if (ctx.clientCapabilities().workspace?.semanticTokens?.refreshSupport) ctx.connection.sendRequest(SemanticTokensRefreshRequest.type).catch(() => undefined);
    });
  },
};
