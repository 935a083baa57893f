// Outline of one document (sections as a hierarchy, with the risks and SoA rows inside them) and the
// workspace-wide symbol list (every document, SoA control row and risk by ID and title).
import type { IsmsDocument, Range } from '../model';
import { START_RANGE } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { readSoaRows } from '../isms/soa';
import { readRisks } from '../isms/risks';
import { containsRange } from './text';
import type { Location } from './types';

export type OutlineKind = 'section' | 'risk' | 'control' | 'document';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

const soaDetail = (applicable: boolean | undefined, status: string | undefined) =>
  [applicable === undefined ? undefined : applicable ? 'applicable' : 'not applicable', status].filter(Boolean).join(' · ');

/** `end` is where the document ends (line and character), for the last section's range. */
export function documentOutline(workspace: IsmsWorkspace, doc: IsmsDocument, end: Range['end']): OutlineSymbol[] {
  const root: OutlineSymbol = { name: '', kind: 'document', range: { start: START_RANGE.start, end }, selectionRange: START_RANGE, children: [] };
  const stack: { depth: number; symbol: OutlineSymbol }[] = [{ depth: 0, symbol: root }];
  const sections: OutlineSymbol[] = [];
  doc.headings.forEach((h, i) => {
    const next = doc.headings.slice(i + 1).find((n) => n.depth <= h.depth);
    const symbol: OutlineSymbol = { name: `${'#'.repeat(h.depth)} ${h.text}`, kind: 'section', range: { start: h.range.start, end: next ? next.range.start : end }, selectionRange: h.range, children: [] };
    while (stack[stack.length - 1].depth >= h.depth) stack.pop();
    stack[stack.length - 1].symbol.children.push(symbol);
    stack.push({ depth: h.depth, symbol });
    sections.push(symbol);
  });
  const place = (symbol: OutlineSymbol) => {
    // The innermost section holding it (sections are in document order; later ones are deeper or after).
    let parent = root;
    for (const s of sections) if (containsRange(s.range, symbol.range)) parent = s;
    parent.children.push(symbol);
  };
  for (const row of readSoaRows(doc)) {
    const title = workspace.catalogs.get(row.controlId)?.title;
    place({ name: `${row.controlId}${title ? ` ${title}` : ''}`, detail: soaDetail(row.applicable, row.status), kind: 'control', range: row.range, selectionRange: row.controlRange, children: [] });
  }
  for (const risk of readRisks(doc, workspace.riskMatcher)) {
    if (doc.type === 'risk') continue; // the document itself is the risk
    place({ name: risk.id, detail: risk.description, kind: 'risk', range: risk.range, selectionRange: risk.idRange, children: [] });
  }
  const sort = (list: OutlineSymbol[]) => {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    list.forEach((s) => sort(s.children));
  };
  sort(root.children);
  return root.children;
}

export interface WorkspaceSymbol {
  name: string;
  kind: OutlineKind;
  /** The document (ID and title) holding it. */
  container?: string;
  location: Location;
}

/** Fuzzy match as editors do: the query's characters appear in order in the name. */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of q) {
    at = n.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function workspaceSymbols(workspace: IsmsWorkspace, query: string, isCancelled: () => boolean = () => false, limit = 1000): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const add = (s: WorkspaceSymbol) => {
    if (out.length < limit && fuzzyMatch(query, s.name)) out.push(s);
  };
  const label = (doc: IsmsDocument | undefined) => (doc ? [doc.id, doc.title].filter(Boolean).join(' ') || doc.path : undefined);
  for (const doc of workspace.ismsDocuments().sort((a, b) => a.path.localeCompare(b.path))) {
    if (isCancelled()) return [];
    add({ name: label(doc)!, kind: 'document', container: doc.path, location: { path: doc.path, range: START_RANGE } });
  }
  for (const row of workspace.soaRows()) {
    if (isCancelled()) return [];
    const title = workspace.catalogs.get(row.controlId)?.title;
    add({ name: `${row.controlId}${title ? ` ${title}` : ''}`, kind: 'control', container: label(workspace.getDocument(row.path)), location: { path: row.path, range: row.range } });
  }
  for (const [id, risks] of workspace.risks()) {
    if (isCancelled()) return [];
    for (const risk of risks) {
      add({ name: `${id}${risk.description ? ` ${risk.description}` : ''}`, kind: 'risk', container: label(workspace.getDocument(risk.path)), location: { path: risk.path, range: risk.range } });
    }
  }
  // Names starting with the query first, then those containing it, then other fuzzy matches.
  const q = query.trim().toLowerCase();
  const rank = (s: WorkspaceSymbol) => (s.name.toLowerCase().startsWith(q) ? 0 : s.name.toLowerCase().includes(q) ? 1 : 2);
  return q ? out.map((s, i) => ({ s, i, r: rank(s) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.s) : out;
}
