// "What is under the cursor": a control, risk or document ID (as a reference, or where it is declared: an SoA
// control cell, a risk register ID cell, a frontmatter `id`), or a link. Shared by hover, definition,
// references, rename and highlighting.
import type { IsmsDocument, Link, Position, Range, ReferenceKind } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { containsPosition, containsRange, unquote } from './text';

export interface IdTarget {
  kind: ReferenceKind;
  id: string;
  /** As written, e.g. `Annex A 8.28` or `8.28`. */
  raw: string;
  range: Range;
  /** Frontmatter key (`controls`, `risks`, `related`, `id`), `body` or `table`. */
  source: string;
  /** This is where the ID is defined: an SoA row's control cell, a risk's ID cell, a document's `id`. */
  declaration: boolean;
}

export interface LinkTarget {
  kind: 'link';
  link: Link;
  range: Range;
}

export type Target = IdTarget | LinkTarget;

export function targetAt(workspace: IsmsWorkspace, doc: IsmsDocument, pos: Position): Target | undefined {
  let best: IdTarget | undefined;
  for (const ref of doc.references) {
    if (!containsPosition(ref.range, pos)) continue;
    if (best && containsRange(ref.range, best.range)) continue; // keep the narrower one
    best = { kind: ref.kind, id: ref.id, raw: ref.raw, range: unquote(ref.range, ref.raw), source: ref.source, declaration: isDeclaration(workspace, doc, ref.kind, ref.id, ref.range) };
  }
  if (best) return best;
  const idField = doc.frontmatter?.fields.get('id');
  if (doc.id && idField && containsPosition(idField.valueRange, pos)) {
    return { kind: doc.type === 'risk' ? 'risk' : 'document', id: doc.id, raw: doc.id, range: unquote(idField.valueRange, doc.id), source: 'id', declaration: true };
  }
  const link = doc.links.find((l) => containsPosition(l.range, pos));
  return link ? { kind: 'link', link, range: link.range } : undefined;
}

/** Whether a reference sits where its ID is declared (risk ID cell, SoA control cell). */
export function isDeclaration(workspace: IsmsWorkspace, doc: IsmsDocument, kind: ReferenceKind, id: string, range: Range): boolean {
  if (kind === 'risk') return (workspace.risks().get(id) ?? []).some((r) => r.path === doc.path && containsRange(r.idRange, range));
  if (kind === 'control') return workspace.soaRowsFor(id).some((row) => row.path === doc.path && containsRange(row.controlRange, range));
  if (kind === 'action') return (workspace.actionById(id)?.rows ?? []).some((row) => row.path === doc.path && row.idRange !== undefined && containsRange(row.idRange, range));
  return false;
}
