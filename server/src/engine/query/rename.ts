// Renaming a risk ID or a document ID: its declaration and every reference across the workspace, in files open
// in the editor or not.
import type { IsmsDocument, Position, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { DOCUMENT_ID_SHAPE } from '../parse/references';
import { targetAt, type IdTarget } from './symbolAt';
import { referencesOf } from './navigation';
import { TextLines } from './text';
import type { FileEdit, TextSource } from './types';

export type PrepareRenameResult = { range: Range; placeholder: string; target: IdTarget } | { error: string };

export function prepareRename(workspace: IsmsWorkspace, doc: IsmsDocument, pos: Position, text: string): PrepareRenameResult {
  const target = targetAt(workspace, doc, pos);
  if (!target || target.kind === 'link' || target.kind === 'action') return { error: 'Only a risk ID or a document ID can be renamed.' };
  if (target.kind === 'control') return { error: `${target.id} is an Annex A control; control IDs are fixed by the standard and cannot be renamed.` };
  if (target.kind === 'document' && workspace.documentsWithId(target.id).length === 0) return { error: `${target.id} is not the ID of a document in this workspace.` };
  if (target.kind === 'risk' && !workspace.risks().has(target.id)) return { error: `${target.id} is not defined in a risk register or risk document.` };
  return { range: new TextLines(text).narrow(target.range, target.id), placeholder: target.id, target };
}

/** Checks a new ID; returns a message when it cannot be used. */
export function validateNewId(workspace: IsmsWorkspace, target: IdTarget, newId: string): string | undefined {
  const id = newId.trim();
  if (id === target.id) return undefined;
  if (target.kind === 'risk') {
    let matches = false;
    try {
      matches = new RegExp(`^(?:${workspace.config.riskIdPattern})$`).test(id);
    } catch {
      matches = /^R-\d+$/.test(id);
    }
    if (!matches) return `${id} does not match the risk ID pattern ${workspace.config.riskIdPattern}.`;
    if (workspace.risks().has(id)) return `Risk ${id} already exists.`;
    return undefined;
  }
  const shape = new RegExp(`^${DOCUMENT_ID_SHAPE.source}$`);
  if (!shape.test(id)) return `${id} is not shaped like a document ID (letters, a hyphen and a number, e.g. POL-012).`;
  if (workspace.documentsWithId(id).length) return `A document with the ID ${id} already exists.`;
  return undefined;
}

/** The edits renaming `target` to `newId` everywhere, by file. */
export async function renameEdits(workspace: IsmsWorkspace, target: IdTarget, newId: string, textOf: TextSource, isCancelled: () => boolean = () => false): Promise<FileEdit[]> {
  const locations = referencesOf(workspace, target.kind, target.id, true, isCancelled);
  const byPath = new Map<string, Range[]>();
  for (const l of locations) byPath.set(l.path, [...(byPath.get(l.path) ?? []), l.range]);
  const out: FileEdit[] = [];
  for (const [path, ranges] of byPath) {
    if (isCancelled()) return [];
    const raw = await textOf(path);
    if (raw === undefined) continue;
    const text = new TextLines(raw);
    const seen = new Set<string>();
    const edits = [];
    for (const range of ranges) {
      const exact = text.narrow(range, target.id);
      if (text.slice(exact) !== target.id) continue; // the index is older than the text; leave it alone
      const key = `${exact.start.line}:${exact.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push({ range: exact, newText: newId.trim() });
    }
    if (edits.length) out.push({ path, edits });
  }
  return out;
}
