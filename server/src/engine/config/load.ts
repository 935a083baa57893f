// Reads `.isms.yaml` and merges configuration layers (defaults, then VS Code settings, then the workspace file,
// so the repository's file gives CI and every editor the same result). Invalid entries are reported, not fatal.
import { LineCounter, parseDocument, isMap, isScalar, type Pair } from 'yaml';
import { RULE_LEVELS, SETTINGS, defaultConfig, type IsmsConfig } from './schema';
import type { Diagnostic, Range } from '../model';
import { START_RANGE } from '../model';
import { CONFIG_FILE_NAMES } from './fileNames';

export { CONFIG_FILE_NAMES };

export interface ConfigProblem {
  message: string;
  range: Range;
}

function typeOk(schema: Record<string, unknown>, value: unknown): boolean {
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) return false;
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const values = schema.additionalProperties as Record<string, unknown> | undefined;
      const names = (schema.propertyNames as Record<string, unknown> | undefined)?.enum as unknown[] | undefined;
      if (names && !Object.keys(value).every((k) => names.includes(k))) return false;
      return !values || Object.values(value).every((v) => typeOk(values, v));
    }
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        (schema.minimum === undefined || value >= (schema.minimum as number)) &&
        (schema.maximum === undefined || value <= (schema.maximum as number))
      );
    case 'string':
      return typeof value === 'string' && (schema.pattern === undefined || new RegExp(schema.pattern as string).test(value));
    case 'array': {
      if (!Array.isArray(value)) return false;
      const items = schema.items as Record<string, unknown> | undefined;
      if (!items) return true;
      return value.every((v) => typeOk(items, v) && (!items.enum || (items.enum as unknown[]).includes(v)) && requiredOk(items, v));
    }
    default:
      return true;
  }
}

function requiredOk(schema: Record<string, unknown>, value: unknown): boolean {
  const required = schema.required as string[] | undefined;
  if (!required) return true;
  return typeof value === 'object' && value !== null && required.every((k) => typeof (value as Record<string, unknown>)[k] === 'string');
}

/**
 * Applies one layer of raw settings onto a config. Unknown keys and wrongly-typed values are skipped and
 * reported through `problem(key, message)`.
 */
export function applyLayer(config: IsmsConfig, layer: unknown, problem: (key: string, message: string) => void): void {
  if (layer === undefined || layer === null) return;
  if (typeof layer !== 'object' || Array.isArray(layer)) {
    problem('', 'configuration must be a mapping of setting names to values');
    return;
  }
  for (const [key, value] of Object.entries(layer as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const spec = SETTINGS.find((s) => s.key === key);
    if (!spec) {
      problem(key, `unknown setting "${key}"; known settings: ${SETTINGS.map((s) => s.key).join(', ')}`);
      continue;
    }
    if (!typeOk(spec.schema, value)) {
      problem(key, `"${key}" must be ${describe(spec.schema)}; keeping ${JSON.stringify(config[spec.key])}`);
      continue;
    }
    if (key === 'rules') {
      for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        if (typeof level === 'string' && (RULE_LEVELS as string[]).includes(level)) config.rules[code] = level as IsmsConfig['rules'][string];
        else problem(key, `rule "${code}" must be one of ${RULE_LEVELS.join(', ')}`);
      }
      continue;
    }
    if (key === 'riskIdPattern' || key === 'actionIdPattern') {
      try {
        new RegExp(value as string);
      } catch (e) {
        problem(key, `"${key}" is not a valid regular expression: ${(e as Error).message}`);
        continue;
      }
      if (mayBacktrack(value as string)) {
        problem(key, `"${key}" repeats a group that itself repeats (like (a+)+), which can take exponential time on some text; write it without nested repetition, e.g. RISK-\\d+`);
        continue;
      }
    }
    (config as unknown as Record<string, unknown>)[key] = structuredClone(value);
  }
}

/**
 * Whether a pattern nests one repetition inside another (`(a+)+`, `(\w*)*`, `(a|ab){2,}`), the shape behind
 * catastrophic backtracking. The pattern comes from a repository that may not be trusted, and runs on every text.
 */
export function mayBacktrack(pattern: string): boolean {
  const stack: boolean[] = [];
  let repeatedInside = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      stack.push(repeatedInside);
      repeatedInside = false;
    } else if (c === ')') {
      const inner: boolean = repeatedInside;
      repeatedInside = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (inner && quantified) return true;
      repeatedInside ||= inner || quantified;
    } else if (c === '*' || c === '+' || c === '{') repeatedInside = true;
  }
  return false;
}

function describe(schema: Record<string, unknown>): string {
  if (schema.type === 'array') {
    const items = schema.items as Record<string, unknown> | undefined;
    if (items?.enum) return `a list of ${(items.enum as string[]).join(' / ')}`;
    if (items?.type === 'object') return `a list of objects with ${(items.required as string[]).join(' and ')}`;
    return `a list of ${items?.type ?? 'values'}s`;
  }
  if (schema.type === 'integer') return `a whole number${schema.minimum !== undefined ? ` ≥ ${schema.minimum as number}` : ''}`;
  if (schema.enum) return `one of ${(schema.enum as string[]).join(', ')}`;
  if (schema.pattern) return `a string matching /${schema.pattern as string}/`;
  if (schema.type === 'object' && (schema.additionalProperties as Record<string, unknown> | undefined)?.enum) {
    return `a mapping to one of ${((schema.additionalProperties as Record<string, unknown>).enum as string[]).join(', ')}`;
  }
  const names = (schema.propertyNames as Record<string, unknown> | undefined)?.enum as string[] | undefined;
  if (schema.type === 'object' && names) return `a mapping from ${names.join(' / ')} to a list of strings`;
  return `a ${schema.type as string}`;
}

export interface LoadedConfigFile {
  data: unknown;
  /** Range of each top-level key, for pointing problems at the right line. */
  keyRanges: Map<string, Range>;
  diagnostics: Diagnostic[];
}

/** Parses the text of `.isms.yaml`. YAML errors become `config-invalid` diagnostics on the file. */
export function parseConfigFile(path: string, text: string): LoadedConfigFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toRange = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    path,
    range: toRange(e.pos[0], e.pos[1]),
    severity: 'error',
    code: 'config-invalid',
    message: `${path} is not valid YAML: ${e.message.split('\n')[0]}`,
  }));
  const keyRanges = new Map<string, Range>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items as Pair[]) {
      if (isScalar(pair.key) && pair.key.range) keyRanges.set(String(pair.key.value), toRange(pair.key.range[0], pair.key.range[1]));
    }
  }
  let data: unknown = undefined;
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      diagnostics.push({ path, range: START_RANGE, severity: 'error', code: 'config-invalid', message: `${path}: ${(e as Error).message}` });
    }
  }
  return { data, keyRanges, diagnostics };
}

/** Builds the effective configuration: defaults, then each layer in order. */
export function resolveConfig(
  layers: { data: unknown; path?: string; keyRanges?: Map<string, Range> }[],
): { config: IsmsConfig; diagnostics: Diagnostic[] } {
  const config = defaultConfig();
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    applyLayer(config, layer.data, (key, message) => {
      if (layer.path === undefined) return; // editor settings are validated by VS Code's own schema
      diagnostics.push({
        path: layer.path,
        range: layer.keyRanges?.get(key) ?? START_RANGE,
        severity: 'warning',
        code: 'config-invalid',
        message,
      });
    });
  }
  return { config, diagnostics };
}
