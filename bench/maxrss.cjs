// Preloaded into the CLI by the benchmark (`node --require bench/maxrss.cjs dist/cli.js ...`): prints the
// process's peak resident set size to stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
