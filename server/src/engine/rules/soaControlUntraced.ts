import { controlUses } from '../isms/controlUses';
import type { WorkspaceRule } from './rule';

// A gap in traceability, not a contradiction: whether every applicable control needs a named risk or document
// is a judgement (and the reference may sit where the reader does not look), so this is information by default.
export const soaControlUntraced: WorkspaceRule = {
  code: 'soa-control-untraced',
  family: 'soa',
  scope: 'workspace',
  defaultSeverity: 'info',
  description:
    'An applicable control in the SoA is referred to by no risk, risk treatment plan, policy or procedure, so nothing traces why it is needed or how it is implemented (checked once anything refers to a control).',
  fix: 'Name the control in the risk, policy or procedure that needs or implements it (e.g. a policy\'s `controls:`), or reconsider including it.',
  *check(ctx) {
    const rows = ctx.workspace.soaRows().filter((r) => !r.legacyTable && r.applicable === true);
    if (rows.length === 0) return;
    const { referenced } = yield* controlUses(ctx.workspace);
    // With nothing yet referring to any control (a first SoA), every row would be reported: skip the check.
    if (referenced.size === 0) return;
    for (const row of rows) {
      if (referenced.has(row.controlId)) continue;
      ctx.report({
        path: row.path,
        range: row.controlRange,
        message: `${row.controlId} is applicable in the SoA, but no risk, risk treatment plan, policy or procedure refers to it, so nothing traces why it is needed or how it is implemented. Name it in the risk or document that implements it (e.g. a policy's \`controls:\`).`,
        data: { controlId: row.controlId },
      });
    }
  },
};
