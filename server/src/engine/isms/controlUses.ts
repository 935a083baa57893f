// Who refers to which control across the ISMS: the risks, treatment plans, policies and procedures that make a
// control necessary or trace its implementation. Read by the SoA cross-checks (soa-inconsistent, soa-control-untraced).
import type { Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { controlReferences } from './risks';
import { isApproved, isRetired } from './status';

export interface ControlUse {
  /** Who refers to the control, for the message: `risk R-003`, `RTP-001`, `POL-004 (controls:)`. */
  by: string;
  path: string;
  range: Range;
}

export interface ControlUses {
  /** Per control, every use that makes it necessary: risks, treatment plans, approved policies' `controls:`. */
  uses: Map<string, ControlUse[]>;
  /** Every control referred to at all by a risk, plan, policy or procedure (body mentions included). */
  referenced: Set<string>;
}

export function controlUses(workspace: IsmsWorkspace): ControlUses {
  const uses = new Map<string, ControlUse[]>();
  const referenced = new Set<string>();
  const addUse = (id: string, use: ControlUse) => {
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
  return { uses, referenced };
}
