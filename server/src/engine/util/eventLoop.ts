// Long work yields between slices so queued messages (edits, `$/cancelRequest`) get through.

/** Resolves once queued events have run: setImmediate in Node, a zero-delay timer where there is none (a browser worker). */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
