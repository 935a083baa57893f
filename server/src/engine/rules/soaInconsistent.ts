import { controlUses } from '../isms/controlUses';
import type { WorkspaceRule } from './rule';

export const soaInconsistent: WorkspaceRule = {
  code: 'soa-inconsistent',
  family: 'soa',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    "The SoA contradicts the rest of the ISMS: a control marked not applicable is named by a risk, the risk treatment plan or an approved policy/procedure's `controls:`.",
  fix: 'Mark the control applicable (with a justification) or remove it from the risk/plan/policy.',
  *check(ctx) {
    const rows = ctx.workspace.soaRows().filter((r) => !r.legacyTable && r.applicable === false);
    if (rows.length === 0) return;
    const { uses } = yield* controlUses(ctx.workspace);
    for (const row of rows) {
      const found = uses.get(row.controlId);
      if (!found) continue;
      const names = [...new Set(found.map((u) => `${u.by} (${u.path}:${u.range.start.line + 1})`))];
      ctx.report({
        path: row.path,
        range: row.applicableRange,
        message: `${row.controlId} is marked not applicable, but ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''} ${
          names.length === 1 ? 'relies' : 'rely'
        } on it. Mark it applicable with a justification, or remove it from ${names.length === 1 ? 'that document' : 'those documents'}.`,
        data: { kind: 'excluded-but-used', controlId: row.controlId, usedBy: found.map((u) => ({ by: u.by, path: u.path, line: u.range.start.line + 1 })) },
      });
    }
  },
};
