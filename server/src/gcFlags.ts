// V8's old-generation growth limit from the environment, for the CLI (cli/heapGrowth.ts) and the language server
// (server.ts), which both cap it; and the CLI's export's own flags.

/** `--heap-growing-percent=N` from `env[variable]` (default `fallback`), or undefined for 0 or a non-integer: V8's own policy. */
export function heapGrowthFlag(env: NodeJS.ProcessEnv, variable = 'ISMS_GC_GROWING_PERCENT', fallback = 30): string | undefined {
  const percent = Number(env[variable] ?? fallback);
  return Number.isInteger(percent) && percent > 0 ? `--heap-growing-percent=${percent}` : undefined;
}

/** V8 flags for `isms export` (`args`: the command line after `isms`): no pretenuring unless ISMS_GC_PRETENURING=1. */
export function exportGcFlags(args: readonly string[], env: NodeJS.ProcessEnv): string[] {
  return args[0] === 'export' && env.ISMS_GC_PRETENURING !== '1' ? ['--no-allocation-site-pretenuring'] : [];
}
