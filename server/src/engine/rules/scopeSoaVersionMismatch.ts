import type { IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';

/** `v2.1`, `2.1.0` and `2.1` are the same version. */
export function normaliseVersion(v: unknown): string {
  return String(v ?? '')
    .trim()
    .replace(/^v(?:ersion)?\.?\s*/i, '')
    .replace(/(?:\.0)+$/, '');
}

/** The SoA a scope means: the one its `related:` or text names by ID, else the only SoA of the workspace. */
export function citedSoa(workspace: IsmsWorkspace, scope: IsmsDocument): IsmsDocument | undefined {
  const soas = workspace.ismsDocuments().filter((d) => d.type === 'soa');
  const named = soas.filter((s) => s.id && scope.references.some((r) => r.kind === 'document' && r.id === s.id));
  if (named.length === 1) return named[0];
  return soas.length === 1 ? soas[0] : undefined;
}

/** Where the scope cites an SoA version: `soa_version:` in the frontmatter and "Statement of Applicability version 2.1" in the text. */
export function soaCitations(doc: IsmsDocument): { version: string; range: Range; field: boolean }[] {
  const found: { version: string; range: Range; field: boolean }[] = [];
  const field = doc.frontmatter?.data.soa_version;
  if (field !== undefined && field !== null && String(field).trim()) found.push({ version: String(field), range: fieldRange(doc, 'soa_version'), field: true });
  for (const s of doc.statements) if (s.kind === 'soa-version') found.push({ version: s.value, range: s.range, field: false });
  return found;
}

export const scopeSoaVersionMismatch: DocumentRule = {
  code: 'scope-soa-version-mismatch',
  family: 'scope',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'The scope cites a version of the Statement of Applicability ("… in accordance with the Statement of Applicability version 2.1", or `soa_version:`) that is not the SoA\'s current `version`.',
  fix: 'Update the citation to the SoA version in force (the quick fix does), or bring the SoA back to the cited version.',
  check(doc, ctx) {
    if (doc.type !== 'scope') return;
    const citations = soaCitations(doc);
    if (citations.length === 0) return;
    const soa = citedSoa(ctx.workspace, doc);
    const actual = soa?.frontmatter?.data.version;
    if (!soa || actual === undefined || actual === null || !String(actual).trim()) return;
    for (const c of citations) {
      if (normaliseVersion(c.version) === normaliseVersion(actual)) continue;
      ctx.report({
        range: c.range,
        message: `The scope cites Statement of Applicability version ${c.version}${c.field ? ' (`soa_version:`)' : ''}, but ${soa.id ?? soa.path} (${soa.path}) is at version ${String(actual)}. Cite the version in force.`,
        data: { cited: c.version, actual: String(actual), soa: soa.path, field: c.field },
      });
    }
  },
};
