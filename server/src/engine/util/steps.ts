/** Runs work written as steps (a generator that pauses between them) to its end, at once, and returns its result. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** How many documents work written as steps reads between pauses (a few milliseconds the first time, less after). */
export const STEP_DOCUMENTS = 1000;
