// The ISMS language server for Node: started by the VS Code client over IPC, or by any LSP client with --stdio.
// The logic is in serverMain.ts (shared with the browser build); here are the Node-only parts: the transports,
// files read from disk (through the client for folders that are not on disk), the on-disk result cache, git for
// the reviewer's name, the heap's growth and compaction, and ISMS_TODAY / ISMS_CACHE_DIR / ISMS_LOG_CHECKS /
// ISMS_GC_GROWING_PERCENT / ISMS_GC_DAY_GROWING_PERCENT / ISMS_GC_OPTIMIZE_FOR_SIZE / ISMS_GC_PRETENURING from the
// environment.
import { PerformanceObserver, constants as perfConstants, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ResultCache } from './engine/workspace/resultCache';
import { stdioTransport } from './stdioTransport';
import { parseIsoDate } from './engine/util/dates';
import { startServer } from './serverMain';
import { byScheme } from './fileSystem/workspaceFileSystem';
import { nodeFileSystem } from './fileSystem/nodeFileSystem';
import { ClientFileSystem } from './fileSystem/clientFileSystem';
import { nodeUserName } from './nodeUserName';
import { gitCommit } from './engine/workspace/gitCommit';
import { nodePackSink, preparePackFolder } from './engine/export/nodePack';
import { loadRenderers } from './exportFormats/load';
import { heapGrowthFlag, pretenuringFlag } from './gcFlags';

// V8 lets the old generation grow to several times what is live before collecting it: on a 5,000-document
// workspace the heap went from 160 MB after the first index to 660 MB while typing (the garbage of old checks),
// then back. Growing by 30 % at most keeps a day of typing near the index's size, at the price of more frequent
// (incremental, mostly concurrent) major collections; ISMS_GC_GROWING_PERCENT=0 leaves V8's own policy (to measure).
// It is set from the start: set only after the first index, it took effect at the first major collection after it,
// and until then the heap grew to the limit the uncapped index had left (peaks of 344-374 MB instead of 250-259 MB
// while typing after a cold start at 5,000 documents), for no cold start time that could be told from the noise.
const indexGrowth = heapGrowthFlag(process.env);
if (indexGrowth) setFlagsFromString(indexGrowth);
// No allocation-site pretenuring (gcFlags.ts), as for `isms export`: with it, Export Audit Pack on the benchmark's
// 5,000 documents took 9-26 s of the server's CPU from one run to the next, 7.5-10 s without, and typing's p95 rose
// by a fifth (bench/results.md); the first index is no slower.
const pretenuring = pretenuringFlag(process.env);
if (pretenuring) setFlagsFromString(pretenuring);
// What stayed after a soak's branch switches, file operations and configuration changes was not live objects (a full
// collection at the end left 162 MB of heap in use, against 142 MB after the first index) but old-space pages V8
// kept committed half empty (291 MB of them): switches replace hundreds of parsed documents, leaving holes all over
// the old generation, and V8 moves at most a few MB out of fragmented pages per collection. --optimize-for-size lets
// V8's memory reducer, a few seconds after a major collection, run an incremental compacting collection that gives
// those pages back (no stop-the-world gc() of our own), and compacts fragmented pages on every major collection.
// It costs CPU (a full `isms check` of 5,000 documents: about 25 % more), so it is set once the first full index
// is built: a cold start is not slowed, the day after it is. ISMS_GC_OPTIMIZE_FOR_SIZE=0 leaves it off (to measure).
// (Set only while idle, the full soak's stalls were no shorter, 350-530 ms, and its memory 324-359 MB while working
// and 40 % above the index's after 10 s idle.)
const optimizeForSize = process.env.ISMS_GC_OPTIMIZE_FOR_SIZE !== '0';

// After the first index the day's heap grows by 15 % at most (ISMS_GC_DAY_GROWING_PERCENT; 0 keeps the index's):
// bench/memory.mjs at 5,000 documents, typing 3,000 edits and pasting a 2,000-line register twice, peaked at
// 239-253 MB instead of 257-262 MB (216-220 MB after 10 s idle either way), on a machine at a load of 4 to 7.
const dayGrowth = heapGrowthFlag(process.env, 'ISMS_GC_DAY_GROWING_PERCENT', 15);

/** Compaction and the day's heap growth, set once the first full index is built (again, harmlessly, after later loads). */
function afterFirstIndex(): void {
  if (optimizeForSize) setFlagsFromString('--optimize-for-size');
  if (dayGrowth) setFlagsFromString(dayGrowth);
}

// Over --stdio, a writer that batches messages (see stdioTransport.ts); other transports as vscode-languageserver sets them up.
let shutdownReceived = false;
const connection: Connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, ...stdioTransport(() => connection.console, () => shutdownReceived))
  : createConnection(ProposedFeatures.all);
connection.onShutdown(() => {
  shutdownReceived = true;
});

/**
 * The result cache lives in the folder the client gives for the extension's storage (`initializationOptions.cacheDir`,
 * e.g. VS Code's storageUri) or ISMS_CACHE_DIR; without one there is no cache. Keyed by this server build.
 */
function resultCache(dir: unknown): ResultCache | undefined {
  const folder = typeof dir === 'string' && dir ? dir : process.env.ISMS_CACHE_DIR;
  if (!folder) return undefined;
  let engineId = 'unknown';
  try {
    engineId = createHash('sha1').update(readFileSync(__filename)).digest('hex');
  } catch {
    return undefined;
  }
  return new ResultCache(folder, engineId);
}

const mb = (n: number) => Math.round(n / 1048576);

const MAIN_THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
/** CPU time of the main thread (user + system, in 10 ms clock ticks), where Linux's /proc tells it. */
function mainThreadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(MAIN_THREAD_STAT, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * For the check log: memory in use, and the longest event-loop stall since the previous line (the soak reads it).
 * A timer's lateness, measured with the clock: `monitorEventLoopDelay` (Node 20) misses work done in I/O callbacks
 * and the promise jobs after them (a message's handling), where it saw a 1 s block as 13 ms.
 */
function memoryAndStalls(): () => string {
  const TICK_MS = 10;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let lastMain = mainThreadCpuMs();
  let max = 0;
  setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    max = Math.max(max, late);
    last = now;
    // With the monotonic clock a CPU profile (--cpu-prof) uses, so bench/longTasks.mjs can say what ran; the CPU
    // time the process (all its threads, the collector's too) used meanwhile; and the main thread's alone (Linux,
    // 10 ms ticks): far less than the stall means the machine's other work held it up.
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    const main = mainThreadCpuMs();
    const onMain = main !== undefined && lastMain !== undefined ? `, ${main - lastMain} ms on the main thread` : '';
    lastMain = main;
    if (late > 50) connection.console.log(`event loop stalled ${Math.round(late)} ms, until ${process.hrtime.bigint() / 1000n} µs (${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU${onMain})`);
  }, TICK_MS).unref();
  // The collector's pauses of the main thread, so a stall can be told apart from the server's own work.
  const GC_KINDS: Record<number, string> = {
    [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry.detail as { kind?: number } | undefined)?.kind;
      if (entry.duration > 20) connection.console.log(`gc pause ${Math.round(entry.duration)} ms (${GC_KINDS[kind ?? -1] ?? 'other'}), until ${process.hrtime.bigint() / 1000n} µs`);
    }
  }).observe({ entryTypes: ['gc'] });
  return () => {
    const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
    const stall = Math.round(max);
    max = 0;
    return `heap ${mb(heapUsed)}/${mb(heapTotal)} MB, external ${mb(external)} MB, RSS ${mb(rss)} MB, event loop max ${stall} ms`;
  };
}

startServer({
  connection,
  fs: byScheme(nodeFileSystem, new ClientFileSystem((method, params) => connection.sendRequest(method, params), (m) => connection.console.log(m))),
  // ISMS_TODAY pins "today" for reproducible demos and tests, like the CLI's --today.
  pinnedToday: parseIsoDate(process.env.ISMS_TODAY),
  resultCache,
  systemUserName: nodeUserName,
  gitCommit,
  packWriter: { prepare: preparePackFolder, sink: nodePackSink, loadRenderers },
  logChecks: process.env.ISMS_LOG_CHECKS ? memoryAndStalls() : undefined,
  onLoaded: afterFirstIndex,
  ...(process.env.ISMS_SLOW_WORKSPACE_RULE_MS ? { slowWorkspaceRuleMs: Number(process.env.ISMS_SLOW_WORKSPACE_RULE_MS) } : {}),
  ...(process.env.ISMS_CHECK_SLICE_MS ? { checkSliceMs: Number(process.env.ISMS_CHECK_SLICE_MS) } : {}),
});
