// Risk treatment decisions. ISO/IEC 27001:2022 6.1.3 and ISO/IEC 27005 name four options (modify, retain, avoid,
// share); registers also use the "4 Ts" (treat, tolerate, transfer, terminate) and everyday words (mitigate,
// reduce, accept). Each word maps to one ISO option.

export type TreatmentOption = 'modify' | 'retain' | 'avoid' | 'share';

/** Every accepted word (and its common inflections) and the ISO option it means. */
export const TREATMENT_WORDS: Readonly<Record<string, TreatmentOption>> = {
  modify: 'modify',
  modified: 'modify',
  modification: 'modify',
  treat: 'modify',
  treated: 'modify',
  treatment: 'modify',
  mitigate: 'modify',
  mitigated: 'modify',
  mitigation: 'modify',
  reduce: 'modify',
  reduced: 'modify',
  reduction: 'modify',
  retain: 'retain',
  retained: 'retain',
  retention: 'retain',
  tolerate: 'retain',
  tolerated: 'retain',
  accept: 'retain',
  accepted: 'retain',
  acceptance: 'retain',
  avoid: 'avoid',
  avoided: 'avoid',
  avoidance: 'avoid',
  terminate: 'avoid',
  terminated: 'avoid',
  termination: 'avoid',
  share: 'share',
  shared: 'share',
  sharing: 'share',
  transfer: 'share',
  transferred: 'share',
};

/** The words a message lists as accepted. */
export const TREATMENT_VOCABULARY = 'modify/retain/avoid/share, treat/tolerate/transfer/terminate, or mitigate/reduce/accept';

/**
 * The ISO option a Treatment cell states: its first word decides (`Modify – MFA rollout`, `Retain (accepted by CFO)`).
 * undefined when the first word is not a treatment word.
 */
export function parseTreatment(text: string | undefined): TreatmentOption | undefined {
  const word = /^[^\p{L}]*(\p{L}+)/u.exec(text ?? '')?.[1]?.toLowerCase();
  return word ? TREATMENT_WORDS[word] : undefined;
}
