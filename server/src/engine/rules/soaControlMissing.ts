import type { IsmsDocument } from '../model';
import { readSoaTables } from '../isms/soa';
import type { WorkspaceRule } from './rule';
import { documentAnchor } from './helpers';

/** Up to this many missing controls are reported one by one, each with its own quick fix. */
export const MANY_MISSING = 10;

export const soaControlMissing: WorkspaceRule = {
  code: 'soa-control-missing',
  family: 'soa',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    'An ISO/IEC 27001:2022 Annex A control does not appear in the Statement of Applicability (all `soa` documents together); clause 6.1.3 d requires every control to be addressed. More than ten missing controls are one finding listing them.',
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
    const missing = annexA.filter((c) => !listed.has(c.id));
    // A partial SoA (a sample of five rows) would bury every other finding under one per control: many missing
    // controls are one finding listing them all, with one quick fix adding their rows.
    if (missing.length > MANY_MISSING) {
      const ids = missing.map((c) => c.id);
      ctx.report({
        path: where.path,
        range: where.headerRange,
        message: `${missing.length} of the ${annexA.length} Annex A controls are not in the Statement of Applicability: ${ids.join(', ')}. Add a row for each, stating whether it is applicable, why, and whether it is implemented.`,
        data: { controlIds: ids, missing: true },
      });
      return;
    }
    for (const control of missing) {
      ctx.report({
        path: where.path,
        range: where.headerRange,
        message: `Annex A control ${control.id} ${control.title} is missing from the Statement of Applicability. Add a row for it stating whether it is applicable, why, and whether it is implemented.`,
        data: { controlId: control.id },
      });
    }
  },
};
