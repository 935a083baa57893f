// Lists the long tasks in V8 CPU profiles (node --cpu-prof): runs of samples without an idle one that last longer
// than --min ms (default 60), each with the functions it spent the most time in (inclusive) and its own hottest.
//
//   node bench/longTasks.mjs /tmp/prof/*.cpuprofile [--min 60] [--top 12] [--stalls server-log.txt]
//
// With --stalls, the windows are those of the server's log lines `event loop stalled N ms, until T µs` (ISMS_LOG_CHECKS;
// T on the profile's clock) instead of runs of samples.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const MIN = opt('min', 60);
const TOP = opt('top', 12);
const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const stallsFile = argv.includes('--stalls') ? argv[argv.indexOf('--stalls') + 1] : undefined;
const windows = stallsFile ? [...readFileSync(stallsFile, 'utf8').matchAll(/stalled (\d+) ms, until (\d+) µs/g)].map((m) => ({ ms: Number(m[1]), end: Number(m[2]) })) : undefined;

for (const file of files) {
  const { nodes, samples, timeDeltas, startTime } = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const idle = (id) => ['(idle)', '(program)'].includes(byId.get(id).callFrame.functionName);
  /** The outermost frame below the root: a new one starts a new task (slices yielding with setImmediate leave no idle sample). */
  const outer = (id) => {
    let n = id;
    while (parent.get(n) !== undefined && parent.get(parent.get(n)) !== undefined) n = parent.get(n);
    return n;
  };
  const taskFrame = (id) => {
    // processImmediate, listOnTimeout and friends run many callbacks: the task is the frame just inside them.
    const path = [];
    for (let n = id; n !== undefined; n = parent.get(n)) path.unshift(n);
    const i = path.findIndex((n) => /^(processImmediate|listOnTimeout|processTimers|processTicksAndRejections|runMicrotasks)$/.test(byId.get(n).callFrame.functionName));
    return i >= 0 && path[i + 1] !== undefined ? path[i + 1] : outer(id);
  };
  console.log(`${file}`);
  let t = startTime;
  let run = [];
  const flush = (end) => {
    if (!run.length) return;
    const ms = Math.min(end, run.at(-1).t) / 1000 - run[0].t / 1000;
    if (ms >= MIN) {
      const inclusive = new Map();
      const self = new Map();
      for (const { id, dt } of run) {
        const seen = new Set();
        self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const k = name(byId.get(n));
          if (seen.has(k)) continue;
          seen.add(k);
          inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
        }
      }
      const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, v]) => `    ${(v / 1000).toFixed(0).padStart(5)} ms ${k}`).join('\n');
      console.log(`  at ${((run[0].t - startTime) / 1e6).toFixed(2)} s: ${ms.toFixed(0)} ms\n   inclusive:\n${top(inclusive)}\n   self:\n${top(self)}`);
    }
    run = [];
  };
  if (windows) {
    const times = [];
    for (let i = 0, at = startTime; i < samples.length; i++) times.push((at += timeDeltas[i]));
    for (const w of windows) {
      const from = w.end - w.ms * 1000 - 10_000;
      const inWindow = [];
      for (let i = 0; i < samples.length; i++) if (times[i] >= from && times[i] <= w.end && !idle(samples[i])) inWindow.push({ id: samples[i], t: times[i], dt: timeDeltas[i + 1] ?? 0 });
      if (!inWindow.length) continue;
      run = inWindow;
      console.log(`  stall of ${w.ms} ms:`);
      flush(w.end + 1e9);
    }
    continue;
  }
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    const dt = timeDeltas[i + 1] ?? 0;
    if (idle(samples[i])) flush(t);
    else {
      if (run.length && taskFrame(run.at(-1).id) !== taskFrame(samples[i]) && byId.get(samples[i]).callFrame.functionName !== '(garbage collector)') flush(t);
      run.push({ id: samples[i], t, dt });
    }
  }
  flush(t);
}
