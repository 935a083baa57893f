import type { IsmsDocument } from '../model';
import { readSoaTables } from '../isms/soa';
import type { WorkspaceRule } from './rule';
import { documentAnchor } from './helpers';

export const soaControlMissing: WorkspaceRule = {
  code: 'soa-control-missing',
  family: 'soa',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    'An ISO/IEC 27001:2022 Annex A control does not appear in the Statement of Applicability (all `soa` documents together); clause 6.1.3 d requires every control to be addressed.',
  fix: 'Add a row for the control with its applicability, a justification and its implementation status.',
  check(ctx) {
    const soaDocs: IsmsDocument[] = ctx.workspace
      .ismsDocuments()
      .filter((d) => d.type === 'soa')
      .sort((a, b) => a.path.localeCompare(b.path));
    if (soaDocs.length === 0) return; // locker-missing-document reports a missing SoA
    const tables = soaDocs.flatMap(readSoaTables);
    const current = tables.filter((t) => !t.legacy);
    const annexA = ctx.workspace.catalogs.annexA();
    if (current.length === 0) {
      if (tables.length > 0) return; // only 2013 tables: soa-legacy-2013 explains the transition instead
      const doc = soaDocs[0];
      ctx.report({
        path: doc.path,
        range: documentAnchor(doc),
        message: `The Statement of Applicability has no control table, so none of the ${annexA.length} Annex A controls is addressed. Add a table with at least the columns Control and Applicable (plus Justification, Status, Evidence).`,
        data: { controlIds: annexA.map((c) => c.id) },
      });
      return;
    }
    const listed = new Set(current.flatMap((t) => t.rows.map((r) => r.controlId)));
    const where = current[0];
    for (const control of annexA) {
      if (listed.has(control.id)) continue;
      ctx.report({
        path: where.path,
        range: where.headerRange,
        message: `Annex A control ${control.id} ${control.title} is missing from the Statement of Applicability. Add a row for it stating whether it is applicable, why, and whether it is implemented.`,
        data: { controlId: control.id },
      });
    }
  },
};
