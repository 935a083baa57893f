// The soak's oracle, as a long-lived child process (bench/soak.mjs bundles it with esbuild and forks it): the CLI's
// own `check` (server/src/cli/main.ts `main`, the code `isms check` runs) called in-process, so each comparison
// does not pay for a Node start, and with the Markdown parse memoised.
//
// Why the memo leaves every comparison a fresh, independent check: `main(['check', ...])` walks the folder on
// disk, reads every file, loads `.isms.yaml` and builds a NEW IsmsWorkspace (index, derived views, cross-document
// state) and a new checker on every call; nothing of a previous call is reused except what `parseDocument`
// returned. `parseDocument(path, text, options)` is a pure function of its arguments (it reads no file, no clock,
// no global state except pure memo tables such as interned strings), and `options` are derived from the
// configuration only; the memo key is the path, the exact text and the options serialised, so a hit returns the
// model a fresh parse would build. The workspace and the rules only read the models (the workspace wraps them in
// proxies that record which fields are read, returning the same values). bench/soak.mjs also compares this
// oracle with the real `isms check` process on the first and the last phase (and with --cli-every), so a memo
// that changed a result would be caught there.
//
// Protocol (IPC): the parent sends { id, argv, memo } and receives { id, status, stdout, stderr, ms, hits, misses }.
import { main } from '../server/src/cli/main';
import { memoStats, sweepMemo, setMemo } from './soakParseMemo';

interface Request {
  id: number;
  argv: string[];
  memo: boolean;
}

// One check at a time: each captures the process's stdout while it runs.
let queue = Promise.resolve();
process.on('message', (raw) => {
  const request = raw as Request;
  queue = queue.then(() =>
    run(request).then(
      (reply) => void process.send?.(reply),
      (e: unknown) => void process.send?.({ id: request.id, status: 99, stdout: '', stderr: String((e as Error)?.stack ?? e), ms: 0, hits: 0, misses: 0 }),
    ),
  );
});
// The soak's end (or its crash) ends the oracle too.
process.on('disconnect', () => process.exit(0));

async function run({ id, argv, memo }: Request) {
  const started = performance.now();
  setMemo(memo);
  let stdout = '';
  let stderr = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  let status: number;
  try {
    status = await main(argv);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  // Models of texts this check did not see again (files rewritten by a branch switch, edits) are dropped.
  const { hits, misses } = memoStats();
  sweepMemo();
  return { id, status, stdout, stderr, ms: performance.now() - started, hits, misses };
}
