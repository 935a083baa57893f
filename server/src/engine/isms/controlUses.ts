// Who refers to which control across the ISMS: the risks, treatment plans, policies and procedures that make a
// control necessary or trace its implementation. Read by the SoA cross-checks (soa-inconsistent, soa-control-untraced).
import type { IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { controlReferences, type Risk } from './risks';
import { isApproved, isRetired } from './status';
import { STEP_DOCUMENTS } from '../util/steps';

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

/** Written as steps that pause every STEP_DOCUMENTS documents (the first time, 80-150 ms on 5,000 documents). */
export function* controlUses(workspace: IsmsWorkspace): Generator<void, ControlUses, void> {
  const uses = new Map<string, ControlUse[]>();
  const referenced = new Set<string>();
  const add = (part: Contribution) => {
    for (let i = 0; i < part.referenced.length; i++) referenced.add(part.referenced[i]);
    for (let i = 0; i < part.uses.length; i++) {
      const use = part.uses[i];
      const list = uses.get(part.useIds[i]);
      if (list) list.push(use);
      else uses.set(part.useIds[i], [use]);
    }
  };
  for (const risks of workspace.risks().values()) for (const risk of risks) add(riskContribution(risk));
  let read = 0;
  for (const doc of workspace.ismsDocuments()) {
    add(documentContribution(doc));
    if (++read % STEP_DOCUMENTS === 0) yield;
  }
  return { uses, referenced };
}

/** What one risk or document adds: the controls it refers to, and the uses among them (of control `useIds[i]`). */
interface Contribution {
  referenced: readonly string[];
  useIds: readonly string[];
  uses: readonly ControlUse[];
}

// Cached per risk and per parsed document (objects the index replaces when they change): the SoA rules run again
// after many edits, and building every use anew made megabytes of garbage per keystroke on a large ISMS.
const riskCache = new WeakMap<Risk, Contribution>();
const documentCache = new WeakMap<IsmsDocument, Contribution>();
const NOTHING: Contribution = { referenced: [], useIds: [], uses: [] };

function riskContribution(risk: Risk): Contribution {
  let part = riskCache.get(risk);
  if (!part) {
    const by = `risk ${risk.id}`;
    const ids = risk.controls.map((ref) => ref.id);
    part = { referenced: ids, useIds: ids, uses: risk.controls.map((ref) => ({ by, path: risk.path, range: ref.range })) };
    riskCache.set(risk, part);
  }
  return part;
}

function documentContribution(doc: IsmsDocument): Contribution {
  let part = documentCache.get(doc);
  if (part) return part;
  if (isRetired(doc)) part = NOTHING;
  else if (doc.type === 'risk-treatment-plan') {
    const by = `risk treatment plan ${doc.id ?? doc.path}`;
    const refs = controlReferences(doc);
    const ids = refs.map((ref) => ref.id);
    part = { referenced: ids, useIds: ids, uses: refs.map((ref) => ({ by, path: doc.path, range: ref.range })) };
  } else if (doc.type === 'policy' || doc.type === 'procedure') {
    const referencedIds: string[] = [];
    const useIds: string[] = [];
    const usesOf: ControlUse[] = [];
    for (const ref of doc.references) {
      if (ref.kind !== 'control') continue;
      referencedIds.push(ref.id);
      if (ref.source !== 'controls' || !isApproved(doc)) continue;
      useIds.push(ref.id);
      usesOf.push({ by: `${doc.type} ${doc.id ?? doc.path} (controls:)`, path: doc.path, range: ref.range });
    }
    part = { referenced: referencedIds, useIds, uses: usesOf };
  } else part = NOTHING;
  documentCache.set(doc, part);
  return part;
}
