// The preview's sanitiser: hast-util-sanitize's algorithm (version 5, what rehype-sanitize runs) with the schema
// compiled once into lookup tables, so that it returns the same tree, node for node.
//
// Why: hast-util-sanitize looks every property up by scanning the schema's attribute lists (GitHub's list for
// `*` is long) and every tag in arrays; on the audit pack of a 5,000-document ISMS that was a tenth of the render
// (issue 16). test/server/sanitize.test.ts holds this module to hast-util-sanitize's output, hostile trees too.
import type { Options as Schema } from 'rehype-sanitize';
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { endTag, escapeText, startTag, toHtml, Unusual, type StaticTargets } from './toHtml';

type Definition = string | [string, ...(string | number | boolean | RegExp | null | undefined)[]];
type Primitive = string | number | boolean;

interface Compiled {
  tagNames: Set<string> | undefined;
  strip: Set<string> | undefined;
  ancestors: Map<string, readonly string[]>;
  /** Per tag (and `*`): each attribute name's first definition, and the last `data*` definition. */
  attributes: Map<string, { byName: Map<string, Definition>; data: Definition | undefined }>;
  required: Map<string, Properties>;
  protocols: Map<string, readonly string[] | null | undefined>;
  clobber: Set<string>;
  clobberPrefix: string | undefined;
  allowComments: boolean;
  allowDoctypes: boolean;
}

const own = Object.prototype.hasOwnProperty;

function compile(schema: Schema): Compiled {
  const attributes = new Map<string, { byName: Map<string, Definition>; data: Definition | undefined }>();
  for (const [tag, list] of Object.entries(schema.attributes ?? {})) {
    const byName = new Map<string, Definition>();
    let data: Definition | undefined;
    for (const entry of list as Definition[]) {
      const name = typeof entry === 'string' ? entry : entry[0];
      if (!byName.has(name)) byName.set(name, entry);
      if (name === 'data*') data = entry;
    }
    attributes.set(tag, { byName, data });
  }
  return {
    tagNames: schema.tagNames ? new Set(schema.tagNames) : undefined,
    strip: schema.strip ? new Set(schema.strip) : undefined,
    ancestors: new Map(Object.entries(schema.ancestors ?? {})),
    attributes,
    required: new Map(Object.entries(schema.required ?? {}) as [string, Properties][]),
    protocols: new Map(Object.entries(schema.protocols ?? {})),
    clobber: new Set(schema.clobber ?? []),
    clobberPrefix: schema.clobberPrefix ?? undefined,
    allowComments: !!schema.allowComments,
    allowDoctypes: !!schema.allowDoctypes,
  };
}

export interface Sanitizer {
  (tree: Root): Root;
  /**
   * `toHtml(sanitize(tree), links)` in one pass, without building the sanitised tree (the audit pack writes
   * thousands of documents; their second tree was a fifth of its garbage). `out`: pieces to push the HTML onto.
   */
  html(tree: Root, links: StaticTargets | undefined, out: string[]): void;
}

/** A sanitiser for `schema` (a complete schema, as rehype-sanitize's defaults spread into it). */
export function sanitizer(schema: Schema): Sanitizer {
  const s = compile(schema);
  const stack: string[] = [];

  function definition(tag: string | undefined, key: string): Definition | undefined {
    const table = tag === undefined ? undefined : s.attributes.get(tag);
    if (!table) return undefined;
    const found = table.byName.get(key);
    if (found !== undefined) return found;
    return key.length > 4 && key.slice(0, 4).toLowerCase() === 'data' ? table.data : undefined;
  }

  function safeProtocol(key: string, value: Primitive): boolean {
    const protocols = s.protocols.get(key);
    if (!protocols || protocols.length === 0) return true;
    const url = String(value);
    const colon = url.indexOf(':');
    const question = url.indexOf('?');
    const hash = url.indexOf('#');
    const slash = url.indexOf('/');
    if (colon < 0 || (slash > -1 && colon > slash) || (question > -1 && colon > question) || (hash > -1 && colon > hash)) return true;
    return protocols.some((p) => colon === p.length && url.slice(0, p.length) === p);
  }

  function primitive(def: Definition, key: string, value: unknown): Primitive | undefined {
    if (typeof value !== 'boolean' && typeof value !== 'number' && typeof value !== 'string') return undefined;
    if (!safeProtocol(key, value)) return undefined;
    // A name alone allows every value; more items are an allow list (values or expressions).
    if (typeof def === 'object' && def.length > 1) {
      let ok = false;
      for (let i = 1; i < def.length && !ok; i++) {
        const allowed = def[i];
        ok = allowed !== null && typeof allowed === 'object' && 'flags' in allowed ? allowed.test(String(value)) : allowed === value;
      }
      if (!ok) return undefined;
    }
    return s.clobberPrefix && s.clobber.has(key) ? s.clobberPrefix + String(value) : value;
  }

  function propertyValue(def: Definition | undefined, key: string, value: unknown): Primitive | (string | number)[] | undefined {
    if (!def) return undefined;
    if (!Array.isArray(value)) return primitive(def, key, value);
    const out: (string | number)[] = [];
    for (const v of value) {
      const safe = primitive(def, key, v);
      if (typeof safe === 'number' || typeof safe === 'string') out.push(safe);
    }
    return out;
  }

  /**
   * Each tag's and key's two definitions (the tag's own, then `*`'s), looked up once: a tree repeats them all.
   * Bounded, as the server lives long and a hostile tree could name many tags and keys.
   */
  const definitions = new Map<string, Map<string, [Definition | undefined, Definition | undefined]>>();
  function definitionsOf(tag: string, key: string): [Definition | undefined, Definition | undefined] {
    let byKey = definitions.get(tag);
    if (!byKey && definitions.size < 200) definitions.set(tag, (byKey = new Map()));
    let pair = byKey?.get(key);
    if (!pair) {
      pair = [definition(tag, key), definition('*', key)];
      if (byKey && byKey.size < 200) byKey.set(key, pair);
    }
    return pair;
  }

  function properties(tag: string, props: unknown): Properties {
    const given = (props && typeof props === 'object' ? props : {}) as Record<string, unknown>;
    const result: Properties = {};
    for (const key in given) {
      if (!own.call(given, key)) continue;
      const value = given[key];
      const [forTag, forAll] = definitionsOf(tag, key);
      let safe = propertyValue(forTag, key, value);
      if (safe === null || safe === undefined) safe = propertyValue(forAll, key, value);
      if (safe !== null && safe !== undefined) result[key] = safe;
    }
    const required = s.required.get(tag);
    if (required) for (const key in required) if (own.call(required, key) && !own.call(result, key)) result[key] = required[key];
    return result;
  }

  /** hast-util-sanitize's `patch`: a clone of `data`, a clean copy of a valid `position`. */
  function patch<T extends Nodes>(node: T, unsafe: Record<string, unknown>): T {
    if (unsafe.data) node.data = structuredClone(unsafe.data) as T['data'];
    const position = unsafe.position as { start?: Record<string, unknown>; end?: Record<string, unknown> } | undefined;
    if (position) {
      const start = point(position.start);
      const end = point(position.end);
      if (start && end) node.position = { start, end };
    }
    return node;
  }

  function children(list: unknown): (RootContent | ElementContent)[] {
    const out: (RootContent | ElementContent)[] = [];
    if (!Array.isArray(list)) return out;
    for (const child of list) {
      const value = transform(child);
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) out.push(v);
      else out.push(value as RootContent);
    }
    return out;
  }

  function element(unsafe: Record<string, unknown>): Element | (RootContent | ElementContent)[] | undefined {
    const name = typeof unsafe.tagName === 'string' ? unsafe.tagName : '';
    stack.push(name);
    const content = children(unsafe.children) as ElementContent[];
    const props = properties(name, unsafe.properties);
    stack.pop();
    let safe = !!name && name !== '*' && (!s.tagNames || s.tagNames.has(name));
    const needed = safe ? s.ancestors.get(name) : undefined;
    if (needed) safe = needed.some((a) => stack.includes(a));
    if (!safe) return s.strip && !s.strip.has(name) ? content : undefined;
    return patch<Element>({ type: 'element', tagName: name, properties: props, children: content }, unsafe);
  }

  function transform(node: unknown): Nodes | (RootContent | ElementContent)[] | undefined {
    if (!node || typeof node !== 'object') return undefined;
    const unsafe = node as Record<string, unknown>;
    switch (unsafe.type) {
      case 'element':
        return element(unsafe);
      case 'text':
        return patch({ type: 'text', value: typeof unsafe.value === 'string' ? unsafe.value : '' }, unsafe);
      case 'root':
        return patch<Root>({ type: 'root', children: children(unsafe.children) as RootContent[] }, unsafe);
      case 'comment': {
        if (!s.allowComments) return undefined;
        const value = typeof unsafe.value === 'string' ? unsafe.value : '';
        const end = value.indexOf('-->');
        return patch({ type: 'comment', value: end < 0 ? value : value.slice(0, end) }, unsafe);
      }
      case 'doctype':
        return s.allowDoctypes ? patch({ type: 'doctype' }, unsafe) : undefined;
      default:
        return undefined;
    }
  }

  function sanitize(tree: Root): Root {
    stack.length = 0;
    const replaced = transform(tree);
    if (!replaced) return { type: 'root', children: [] };
    if (Array.isArray(replaced)) return replaced.length === 1 ? (replaced[0] as unknown as Root) : { type: 'root', children: replaced as RootContent[] };
    return replaced as Root;
  }

  // The one-pass writer: what `element` and `transform` keep, written as toHtml writes it (the same start and end
  // tags); whatever toHtml leaves to hast-util-to-html (Unusual) sends the whole tree the two-pass way.
  function writeElement(unsafe: Record<string, unknown>, raw: boolean, links: StaticTargets | undefined, out: string[]): void {
    const name = typeof unsafe.tagName === 'string' ? unsafe.tagName : '';
    let safe = !!name && name !== '*' && (!s.tagNames || s.tagNames.has(name));
    const needed = safe ? s.ancestors.get(name) : undefined;
    if (needed) safe = needed.some((a) => stack.includes(a));
    if (!safe && !(s.strip && !s.strip.has(name))) return;
    if (safe) startTag(name, properties(name, unsafe.properties), links, out);
    const from = out.length;
    stack.push(name);
    // Unwrapped, its children stay in the parent it leaves them in (whose text is raw or not).
    writeChildren(unsafe.children, safe ? name === 'script' || name === 'style' : raw, links, out);
    stack.pop();
    if (safe) endTag(name, out, from);
  }

  function writeChildren(list: unknown, raw: boolean, links: StaticTargets | undefined, out: string[]): void {
    if (!Array.isArray(list)) return;
    for (const child of list) {
      if (!child || typeof child !== 'object') continue;
      const unsafe = child as Record<string, unknown>;
      switch (unsafe.type) {
        case 'element':
          writeElement(unsafe, raw, links, out);
          break;
        case 'text': {
          const value = typeof unsafe.value === 'string' ? unsafe.value : '';
          out.push(raw ? value : escapeText(value));
          break;
        }
        case 'root':
          throw new Unusual();
        case 'comment':
          if (s.allowComments) throw new Unusual();
          break;
        case 'doctype':
          if (s.allowDoctypes) throw new Unusual();
          break;
      }
    }
  }

  function html(tree: Root, links: StaticTargets | undefined, out: string[]): void {
    const length = out.length;
    if (tree && typeof tree === 'object' && tree.type === 'root') {
      stack.length = 0;
      try {
        writeChildren(tree.children, false, links, out);
        return;
      } catch (e) {
        if (!(e instanceof Unusual)) throw e;
        out.length = length;
      }
    }
    out.push(toHtml(sanitize(tree), links));
  }

  return Object.assign(sanitize, { html });
}

function point(p: Record<string, unknown> | undefined): { line: number; column: number; offset?: number } | undefined {
  if (!p || typeof p.line !== 'number' || p.line <= 0 || typeof p.column !== 'number' || p.column <= 0) return undefined;
  return { line: p.line, column: p.column, offset: typeof p.offset === 'number' && p.offset > -1 ? p.offset : undefined };
}
