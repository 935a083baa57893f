// V8's old-generation growth limit from the environment, for the CLI (cli/heapGrowth.ts) and the language server
// (server.ts), which both cap it; and allocation-site pretenuring, which the server and `isms export` turn off.

/** `--heap-growing-percent=N` from `env[variable]` (default `fallback`), or undefined for 0 or a non-integer: V8's own policy. */
export function heapGrowthFlag(env: NodeJS.ProcessEnv, variable = 'ISMS_GC_GROWING_PERCENT', fallback = 30): string | undefined {
  const percent = Number(env[variable] ?? fallback);
  return Number.isInteger(percent) && percent > 0 ? `--heap-growing-percent=${percent}` : undefined;
}

/**
 * `--no-allocation-site-pretenuring` unless ISMS_GC_PRETENURING=1 (to measure). Pretenuring lets V8 allocate an
 * allocation site's objects straight in the old generation once it has seen them survive; sites it marks while the
 * index is built then keep each later render's or check's short-lived objects alive until the next major collection
 * (1 export in 3 promoted 440-580 MB instead of 110-145 MB, with twice the major collections).
 */
export function pretenuringFlag(env: NodeJS.ProcessEnv): string | undefined {
  return env.ISMS_GC_PRETENURING === '1' ? undefined : '--no-allocation-site-pretenuring';
}

/** V8 flags for `isms export` (`args`: the command line after `isms`): no pretenuring (see pretenuringFlag). */
export function exportGcFlags(args: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const flag = args[0] === 'export' ? pretenuringFlag(env) : undefined;
  return flag ? [flag] : [];
}
