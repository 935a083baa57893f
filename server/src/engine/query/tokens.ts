// Highlighting: every control, risk and document ID in a document, classified as declared, resolved, withdrawn
// (ISO 27001:2013) or unresolved, so editors can make IDs stand out and unknown ones look different.
import type { IsmsDocument, Range, ReferenceKind } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { lookupLegacy } from '../catalogs/catalog';
import { isDeclaration } from './symbolAt';
import { comparePositions, unquote, type TextLines } from './text';

export type IdModifier = 'declaration' | 'deprecated' | 'unresolved';

export interface IdToken {
  range: Range;
  kind: ReferenceKind;
  id: string;
  modifiers: IdModifier[];
}

export function idTokens(workspace: IsmsWorkspace, doc: IsmsDocument, text: TextLines): IdToken[] {
  const tokens: IdToken[] = [];
  const risks = workspace.risks();
  for (const ref of doc.references) {
    const modifiers: IdModifier[] = [];
    if (ref.kind === 'control') {
      if (ref.edition === '2013') modifiers.push('deprecated');
      else if (!workspace.catalogs.has(ref.id)) modifiers.push(lookupLegacy(ref.id) ? 'deprecated' : 'unresolved');
    } else if (ref.kind === 'risk') {
      if (!risks.has(ref.id)) modifiers.push('unresolved');
    } else if (ref.kind === 'action') {
      if (!workspace.actionById(ref.id)) modifiers.push('unresolved');
    } else if (workspace.documentsWithId(ref.id).length === 0) {
      // ID-shaped words in prose (UTF-8, SHA-256) are not references unless listed under `related:`.
      if (ref.source !== 'related') continue;
      modifiers.push('unresolved');
    }
    if (isDeclaration(workspace, doc, ref.kind, ref.id, ref.range)) modifiers.push('declaration');
    tokens.push({ range: text.narrow(unquote(ref.range, ref.raw), ref.raw), kind: ref.kind, id: ref.id, modifiers });
  }
  const idField = doc.frontmatter?.fields.get('id');
  if (doc.id && idField) tokens.push({ range: text.narrow(idField.valueRange, doc.id), kind: doc.type === 'risk' ? 'risk' : 'document', id: doc.id, modifiers: ['declaration'] });
  return tokens
    .filter((t) => t.range.start.line === t.range.end.line && t.range.end.character > t.range.start.character)
    .sort((a, b) => comparePositions(a.range.start, b.range.start));
}
