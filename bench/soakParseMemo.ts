// parseDocument memoised for the soak's oracle (bench/soakOracle.ts, which argues why this is sound): the soak's
// bundle of the oracle gives the workspace index these two functions in place of `parseDocument` and
// `conventionsFrom` (bench/soak.mjs, oracleBundle).
import { createHash } from 'node:crypto';
import { parseDocument as parse, type ParseOptions } from '../server/src/engine/parse/document';
import { conventionsFrom, type Conventions } from '../server/src/engine/adopt/conventions';
import type { IsmsConfig } from '../server/src/engine/config/schema';
import type { IsmsDocument } from '../server/src/engine/model';

let enabled = true;
let hits = 0;
let misses = 0;
/** Models by key; `seen` holds the keys the current check used, the rest are dropped after it. */
let memo = new Map<string, IsmsDocument>();
let seen = new Map<string, IsmsDocument>();
/**
 * The settings each workspace's conventions were made from. Conventions hold functions (`inferType` closes over
 * the configured type globs), so they are keyed by the settings conventionsFrom read (all at once, when it builds
 * them: a proxy records which), as JSON; settings it does not read (rule severities, say) leave the key alone.
 */
const configOf = new WeakMap<Conventions, string>();

export function conventionsFromRecorded(config: IsmsConfig): Conventions {
  const read = new Set<string>();
  const recorder = new Proxy(config, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const conventions = conventionsFrom(recorder);
  const settings = [...read].sort().map((key) => [key, (config as unknown as Record<string, unknown>)[key]]);
  configOf.set(conventions, createHash('sha1').update(JSON.stringify(settings)).digest('base64'));
  return conventions;
}

export function setMemo(on: boolean): void {
  enabled = on;
}

export function memoStats(): { hits: number; misses: number } {
  const stats = { hits, misses };
  hits = misses = 0;
  return stats;
}

export function sweepMemo(): void {
  memo = seen;
  seen = new Map();
}

function optionsKey(options: ParseOptions): string {
  const config = options.conventions ? configOf.get(options.conventions) : '';
  if (config === undefined) throw new Error('soak oracle: conventions not made by conventionsFromRecorded');
  return JSON.stringify([options.riskIdPattern, options.actionIdPattern ?? null, options.columns ?? null, config]);
}

export function parseDocumentMemo(path: string, text: string, options: ParseOptions): IsmsDocument {
  if (!enabled) return parse(path, text, options);
  const key = createHash('sha1').update(optionsKey(options)).update('\0').update(path).update('\0').update(text).digest('base64');
  let doc = seen.get(key) ?? memo.get(key);
  if (doc) hits++;
  else {
    misses++;
    doc = parse(path, text, options);
  }
  seen.set(key, doc);
  return doc;
}
