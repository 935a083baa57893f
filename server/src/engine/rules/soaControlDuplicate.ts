import type { SoaRow } from '../isms/soa';
import type { WorkspaceRule } from './rule';
import { templateAmong } from './helpers';

export const soaControlDuplicate: WorkspaceRule = {
  code: 'soa-control-duplicate',
  family: 'soa',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'A control is listed more than once in the Statement of Applicability (across all `soa` documents), so its applicability is ambiguous.',
  fix: 'Merge the rows into one, keeping the correct applicability, justification and status.',
  check(ctx) {
    const first = new Map<string, SoaRow>();
    // A template's rows come last, so that its copy of a control is the one reported.
    const template = (path: string) => (ctx.workspace.getDocument(path)?.template ? 1 : 0);
    for (const row of [...ctx.workspace.soaRows()].sort((a, b) => template(a.path) - template(b.path))) {
      if (row.legacyTable) continue;
      const earlier = first.get(row.controlId);
      if (!earlier) {
        first.set(row.controlId, row);
        continue;
      }
      const note = templateAmong(ctx, [row.path, earlier.path]);
      ctx.report({
        path: row.path,
        range: row.controlRange,
        message: `${row.controlId} is already listed in the Statement of Applicability at ${earlier.path}:${earlier.range.start.line + 1}. Keep one row per control.${note.note}`,
        atMost: note.atMost,
        data: { controlId: row.controlId, first: { path: earlier.path, line: earlier.range.start.line + 1 } },
      });
    }
  },
};
