// `node:assert`'s strict API for the engine's tests when they run in a browser (the web build's check):
// the subset the tests use, with the same semantics for deep equality of plain data, Maps and Sets.

class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (v instanceof Map ? { Map: [...v] } : v instanceof Set ? { Set: [...v] } : v));
  } catch {
    return String(value);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const fail = (message?: string | Error, fallback = 'Failed'): never => {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
};

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `Expected a truthy value, got ${describe(value)}`);
}

function assertDeepEqual(a: unknown, b: unknown, message?: string | Error): void {
  if (!deepEqual(a, b)) fail(message, `Expected deep equality:\n${describe(a)}\n${describe(b)}`);
}

export const strict = {
  ok,
  fail: (message?: string | Error): never => fail(message),
  equal: (a: unknown, b: unknown, message?: string | Error) => (Object.is(a, b) ? undefined : fail(message, `${describe(a)} !== ${describe(b)}`)),
  notEqual: (a: unknown, b: unknown, message?: string | Error) => (Object.is(a, b) ? fail(message, `${describe(a)} === ${describe(b)}`) : undefined),
  deepEqual: assertDeepEqual,
  deepStrictEqual: assertDeepEqual,
  notDeepEqual: (a: unknown, b: unknown, message?: string | Error) => (deepEqual(a, b) ? fail(message, 'Expected values to differ') : undefined),
  match: (s: string, re: RegExp, message?: string | Error) => (re.test(s) ? undefined : fail(message, `${describe(s)} does not match ${re}`)),
  doesNotMatch: (s: string, re: RegExp, message?: string | Error) => (re.test(s) ? fail(message, `${describe(s)} matches ${re}`) : undefined),
  throws: (fn: () => unknown, expected?: RegExp, message?: string) => {
    try {
      fn();
    } catch (e) {
      if (expected && !expected.test(String((e as Error)?.message ?? e))) fail(message, `Error ${describe((e as Error).message)} does not match ${expected}`);
      return;
    }
    fail(message, 'Missing expected exception');
  },
  rejects: async (p: Promise<unknown> | (() => Promise<unknown>), check?: (e: unknown) => boolean) => {
    try {
      await (typeof p === 'function' ? p() : p);
    } catch (e) {
      if (check && !check(e)) fail('Rejection did not pass the check');
      return;
    }
    fail('Missing expected rejection');
  },
};

export default strict;
