// Preloaded into the CLI by the benchmark (`node --require bench/maxrss.cjs dist/cli.js ...`): prints the
// process's peak resident set size and the CPU time it used (user + system, all threads) to stderr when it exits.
// On a loaded machine the CPU time is the steadier figure: wall time also counts the waits for a core.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`bench-maxrss-kb ${usage.maxRSS}\nbench-cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
