// One Markdown experience: VS Code's built-in Markdown support answers the outline, references and definitions
// of every Markdown file too, and the editor shows both answers side by side. What the ISMS server adds must not
// repeat it:
//  - Outline and breadcrumbs: VS Code makes a group per symbol provider that answers (OutlineModel: a single
//    answering provider's symbols are shown without a group), so headings from both gave two copies of every
//    heading under "ISMS" and "Markdown Language Features". The server's headings are left to the built-in; only
//    what it cannot show, the rows of an SoA and the risks of a register, are given, so a policy has one outline
//    and an SoA an "ISMS" group of its controls only. Other editors (Neovim) still get the server's whole outline.
//  - Find All References and Go to Definition on a heading or a link: the built-in lists the heading and the
//    links to it, the server the IDs on the same lines (a control in a heading, a document ID in a link's text),
//    so one line was listed twice. The server's locations on lines the built-in already lists are dropped.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

/** The server's kind for a section (a heading): see server/src/features/documentSymbols.ts. */
const SECTION_KIND = vscode.SymbolKind.String;

/** The symbols that are not headings, flattened in document order. */
export function withoutHeadings(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): vscode.DocumentSymbol[] | vscode.SymbolInformation[] {
  if (symbols.length && !('children' in symbols[0])) return (symbols as vscode.SymbolInformation[]).filter((s) => s.kind !== SECTION_KIND);
  const out: vscode.DocumentSymbol[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[]) => {
    for (const s of list) {
      if (s.kind !== SECTION_KIND) out.push(new vscode.DocumentSymbol(s.name, s.detail, s.kind, s.range, s.selectionRange));
      walk(s.children);
    }
  };
  walk(symbols as vscode.DocumentSymbol[]);
  return out.sort((a, b) => a.range.start.compareTo(b.range.start));
}

type Place = vscode.Location | vscode.LocationLink;
const uriOf = (p: Place) => ('targetUri' in p ? p.targetUri : p.uri);
const rangeOf = (p: Place) => ('targetUri' in p ? (p.targetSelectionRange ?? p.targetRange) : p.range);

/** Ours without the locations on lines the built-in lists already. */
export function notOnLinesOf<T extends Place>(ours: readonly T[], builtin: readonly Place[]): T[] {
  return ours.filter((o) => {
    const r = rangeOf(o);
    return !builtin.some((b) => uriOf(b).toString() === uriOf(o).toString() && rangeOf(b).start.line <= r.end.line && r.start.line <= rangeOf(b).end.line);
  });
}

/** Positions whose answers are being compared: while one is asked again of every provider, ours answers nothing. */
const asking = new Set<string>();
const keyOf = (kind: string, document: vscode.TextDocument, position: vscode.Position) => `${kind} ${document.uri.toString()} ${position.line}:${position.character}`;

/** What the other providers (the built-in Markdown support) answer at a position, ours left out. */
async function othersAnswer(kind: 'references' | 'definition', document: vscode.TextDocument, position: vscode.Position): Promise<Place[]> {
  const key = keyOf(kind, document, position);
  asking.add(key);
  try {
    const command = kind === 'references' ? 'vscode.executeReferenceProvider' : 'vscode.executeDefinitionProvider';
    return (await vscode.commands.executeCommand<Place[] | undefined>(command, document.uri, position)) ?? [];
  } catch {
    return [];
  } finally {
    asking.delete(key);
  }
}

const asList = <T>(x: T | T[] | null | undefined): T[] => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);

export const markdownOverlapMiddleware: Middleware = {
  async provideDocumentSymbols(document, token, next) {
    const symbols = await next(document, token);
    return symbols ? withoutHeadings(symbols) : symbols;
  },
  async provideReferences(document, position, options, token, next) {
    if (asking.has(keyOf('references', document, position))) return [];
    const ours = asList(await next(document, position, options, token));
    if (!ours.length || token.isCancellationRequested) return ours;
    return notOnLinesOf(ours, await othersAnswer('references', document, position));
  },
  async provideDefinition(document, position, token, next) {
    if (asking.has(keyOf('definition', document, position))) return [];
    const ours = asList(await next(document, position, token) as Place | Place[] | null | undefined);
    if (!ours.length || token.isCancellationRequested) return ours as vscode.Location[];
    return notOnLinesOf(ours, await othersAnswer('definition', document, position)) as vscode.Location[] | vscode.LocationLink[];
  },
};
