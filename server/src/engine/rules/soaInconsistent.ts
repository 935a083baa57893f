import type { Range } from '../model';
import { controlReferences } from '../isms/risks';
import { isApproved, isRetired } from '../isms/status';
import type { WorkspaceRule } from './rule';

interface Use {
  /** Who refers to the control, for the message: `risk R-003`, `RTP-001`, `POL-004 (controls:)`. */
  by: string;
  path: string;
  range: Range;
}

export const soaInconsistent: WorkspaceRule = {
  code: 'soa-inconsistent',
  family: 'soa',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    'The SoA contradicts the rest of the ISMS: a control marked not applicable is named by a risk, the risk treatment plan or an approved policy/procedure\'s `controls:` (data.kind `excluded-but-used`); or an applicable control is referred to by no risk, treatment plan, policy or procedure (data.kind `unreferenced`, an observation; checked once anything refers to a control).',
  fix: 'Mark the control applicable (with a justification) or remove it from the risk/plan/policy; for an unreferenced control, name it in the risk, policy or procedure that needs it, or reconsider including it.',
  check(ctx) {
    const { workspace } = ctx;
    const rows = workspace.soaRows().filter((r) => !r.legacyTable);
    if (rows.length === 0) return;
    // Every use of a control that makes it necessary (a), and every reference that explains an inclusion (b).
    const uses = new Map<string, Use[]>();
    const referenced = new Set<string>();
    const addUse = (id: string, use: Use) => {
      const list = uses.get(id);
      if (list) list.push(use);
      else uses.set(id, [use]);
    };
    for (const risks of workspace.risks().values()) {
      for (const risk of risks) {
        for (const ref of risk.controls) {
          addUse(ref.id, { by: `risk ${risk.id}`, path: risk.path, range: ref.range });
          referenced.add(ref.id);
        }
      }
    }
    for (const doc of workspace.ismsDocuments()) {
      if (isRetired(doc)) continue;
      if (doc.type === 'risk-treatment-plan') {
        for (const ref of controlReferences(doc)) {
          addUse(ref.id, { by: `risk treatment plan ${doc.id ?? doc.path}`, path: doc.path, range: ref.range });
          referenced.add(ref.id);
        }
      } else if (doc.type === 'policy' || doc.type === 'procedure') {
        for (const ref of doc.references) {
          if (ref.kind !== 'control') continue;
          referenced.add(ref.id);
          if (ref.source === 'controls' && isApproved(doc)) addUse(ref.id, { by: `${doc.type} ${doc.id ?? doc.path} (controls:)`, path: doc.path, range: ref.range });
        }
      }
    }
    // With nothing yet referring to any control (a first SoA), the reverse check would flag every row: skip it.
    const crossCheck = referenced.size > 0;
    for (const row of rows) {
      if (row.applicable === false) {
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
      } else if (crossCheck && row.applicable === true && !referenced.has(row.controlId)) {
        ctx.report({
          path: row.path,
          range: row.controlRange,
          message: `Observation: ${row.controlId} is applicable, but no risk, risk treatment plan, policy or procedure refers to it, so nothing traces why it is needed or how it is implemented. Name it in the risk or document that implements it (e.g. a policy's \`controls:\`).`,
          data: { kind: 'unreferenced', controlId: row.controlId },
        });
      }
    }
  },
};
