// V8's old-generation growth limit from the environment, for the CLI (cli/heapGrowth.ts) and the language server
// (server.ts), which both cap it.

/** `--heap-growing-percent=N` from `env[variable]` (default `fallback`), or undefined for 0 or a non-integer: V8's own policy. */
export function heapGrowthFlag(env: NodeJS.ProcessEnv, variable = 'ISMS_GC_GROWING_PERCENT', fallback = 30): string | undefined {
  const percent = Number(env[variable] ?? fallback);
  return Number.isInteger(percent) && percent > 0 ? `--heap-growing-percent=${percent}` : undefined;
}
