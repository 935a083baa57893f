// Where IDs are declared and used: go to definition, find references, and the usage counts hovers and code
// lenses show.
import type { IsmsDocument, Range, ReferenceKind } from '../model';
import { START_RANGE } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { findLinkTarget, type LinkTarget } from '../workspace/linkTarget';
import type { Risk } from '../isms/risks';
import type { ActionRow } from '../isms/actions';
import type { Location } from './types';
import type { Target } from './symbolAt';
import { isDeclaration } from './symbolAt';
import { containsRange, sameRange, unquote } from './text';

/** The exact range of an ID inside a declaring range: the reference the parser found there, if any. */
function refIn(doc: IsmsDocument | undefined, kind: ReferenceKind, id: string, outer: Range): Range {
  const ref = doc?.references.find((r) => r.kind === kind && r.id === id && containsRange(outer, r.range));
  return ref ? unquote(ref.range, ref.raw) : outer;
}

function idFieldRange(doc: IsmsDocument): Range {
  const field = doc.frontmatter?.fields.get('id');
  return field ? unquote(field.valueRange, doc.id ?? '') : START_RANGE;
}

function riskDeclaration(workspace: IsmsWorkspace, risk: Risk): Location {
  const doc = workspace.getDocument(risk.path);
  if (doc?.type === 'risk') return { path: risk.path, range: idFieldRange(doc) };
  return { path: risk.path, range: refIn(doc, 'risk', risk.id, risk.idRange) };
}

/** Where an ID is declared: SoA rows for a control, register rows or risk documents for a risk, `id:` for a document. */
export function declarationsOf(workspace: IsmsWorkspace, kind: ReferenceKind, id: string): Location[] {
  if (kind === 'control') {
    return workspace.soaRowsFor(id).map((row) => ({ path: row.path, range: refIn(workspace.getDocument(row.path), 'control', id, row.controlRange) }));
  }
  if (kind === 'risk') return (workspace.risks().get(id) ?? []).map((risk) => riskDeclaration(workspace, risk));
  if (kind === 'action') return actionRowsOf(workspace, id).map((row) => ({ path: row.path, range: refIn(workspace.getDocument(row.path), 'action', id, row.idRange ?? row.range) }));
  return workspace.documentsWithId(id).map((doc) => ({ path: doc.path, range: idFieldRange(doc) }));
}

/**
 * Go to definition: a control's SoA row, a risk's register row (or risk document), a document's top, a link's
 * target file and heading.
 */
export function definitionsOf(workspace: IsmsWorkspace, doc: IsmsDocument, target: Target): Location[] {
  if (target.kind === 'link') return linkDestination(workspace, doc, target.link.target);
  if (target.kind === 'control') return workspace.soaRowsFor(target.id).map((row) => ({ path: row.path, range: row.range }));
  if (target.kind === 'risk') {
    return (workspace.risks().get(target.id) ?? []).map((risk) =>
      workspace.getDocument(risk.path)?.type === 'risk' ? { path: risk.path, range: START_RANGE } : { path: risk.path, range: risk.range },
    );
  }
  if (target.kind === 'action') return actionRowsOf(workspace, target.id).map((row) => ({ path: row.path, range: row.range }));
  return workspace.documentsWithId(target.id).map((d) => ({ path: d.path, range: START_RANGE }));
}

/** The rows that list an action: where it was decided first, then where it is tracked. */
export function actionRowsOf(workspace: IsmsWorkspace, id: string): ActionRow[] {
  const action = workspace.actionById(id);
  if (!action) return [];
  return [action.decided, ...action.rows.filter((r) => r !== action.decided)];
}

/** The file (and heading) a relative link points at, when it exists (an index page or a pretty link's page too). */
export function linkDestination(workspace: IsmsWorkspace, doc: IsmsDocument, destination: string): Location[] {
  return destinationOf(workspace, findLinkTarget(workspace, doc.path, destination));
}

/** linkDestination for a link already resolved with findLinkTarget. */
export function destinationOf(workspace: IsmsWorkspace, found: LinkTarget): Location[] {
  if (found.kind !== 'file') return [];
  const target = workspace.getDocument(found.path);
  const anchor = found.anchor?.toLowerCase();
  const heading = anchor ? target?.headings.find((h) => h.slug === anchor) : undefined;
  if (anchor && target && !heading) return [];
  return [{ path: found.path, range: heading ? heading.range : START_RANGE }];
}

/** Every use of an ID across the workspace in path order, with or without its declarations. */
export function referencesOf(
  workspace: IsmsWorkspace,
  kind: ReferenceKind,
  id: string,
  includeDeclaration: boolean,
  isCancelled: () => boolean = () => false,
): Location[] {
  const declarations = declarationsOf(workspace, kind, id);
  const out: Location[] = [];
  for (const { doc, ref } of workspace.referencesTo(kind, id)) {
    if (isCancelled()) return [];
    const range = unquote(ref.range, ref.raw);
    if (isDeclaration(workspace, doc, kind, id, ref.range) || declarations.some((d) => d.path === doc.path && sameRange(d.range, range))) continue;
    out.push({ path: doc.path, range });
  }
  if (includeDeclaration) out.push(...declarations);
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The mentions of an ID inside one document, each marked as its declaration or a use: what an editor highlights
 * together while the cursor is on one of them.
 */
export function occurrencesIn(workspace: IsmsWorkspace, doc: IsmsDocument, kind: ReferenceKind, id: string): { range: Range; declaration: boolean }[] {
  const out = doc.references
    .filter((r) => r.kind === kind && r.id === id)
    .map((r) => ({ range: unquote(r.range, r.raw), declaration: isDeclaration(workspace, doc, kind, id, r.range) }));
  // A document's own `id:` (a risk document's, for a risk) declares it without being a reference.
  if (doc.id === id && (kind === 'document' || (kind === 'risk' && doc.type === 'risk'))) {
    const range = idFieldRange(doc);
    if (!out.some((o) => sameRange(o.range, range))) out.push({ range, declaration: true });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface Usage {
  /** Documents mentioning the ID, other than where it is declared. */
  documents: string[];
  /** Risks whose controls include this control (for controls only). */
  risks: string[];
}

export function usageOf(workspace: IsmsWorkspace, kind: ReferenceKind, id: string): Usage {
  const documents = new Set<string>();
  for (const { doc, ref } of workspace.referencesTo(kind, id)) {
    if (kind !== 'control' && doc.id === id) continue; // a document mentioning its own ID
    if (!isDeclaration(workspace, doc, kind, id, ref.range)) documents.add(doc.path);
  }
  const risks = new Set<string>();
  if (kind === 'control') {
    for (const [riskId, list] of workspace.risks()) if (list.some((r) => r.controls.some((c) => c.id === id))) risks.add(riskId);
  }
  return { documents: [...documents].sort(), risks: [...risks].sort() };
}
