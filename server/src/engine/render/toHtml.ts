// The sanitised preview tree as HTML text, written the way rehype-stringify (hast-util-to-html, default options)
// writes it, byte for byte: `<` and `&` in text as `&#x3C;` and `&#x26;`, attribute values in double quotes with
// `"`, `&`, `'`, `` ` `` and NUL as hexadecimal references, boolean attributes bare, void elements unclosed.
//
// Why: on long documents hast-util-to-html was a third of the audit pack's render (issue 16), mostly its general
// machinery (schema switches, per-call option objects, entity regexes built per subset). The sanitised tree has
// only root, element and text nodes in the HTML space; anything else (comments, raw nodes, SVG, templates) goes
// to hast-util-to-html itself. test/server/markdownTree.test.ts compares the two on every document it renders.
import { find, html as htmlSchema } from 'property-information';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import type { Element, Nodes, Properties, Root } from 'hast';

const VOIDS = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const TEXT_ESCAPES: Record<string, string> = { '<': '&#x3C;', '&': '&#x26;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { '\0': '&#x0;', '"': '&#x22;', '&': '&#x26;', "'": '&#x27;', '`': '&#x60;' };
const escapeText = (s: string) => (/[<&]/.test(s) ? s.replace(/[<&]/g, (c) => TEXT_ESCAPES[c]) : s);
const escapeAttribute = (s: string) => (/[\0"&'`]/.test(s) ? s.replace(/[\0"&'`]/g, (c) => ATTRIBUTE_ESCAPES[c]) : s);

/** Thrown for a node this writer leaves to hast-util-to-html. */
class Unusual extends Error {}

type Info = ReturnType<typeof find>;
const infos = new Map<string, Info>();
const infoOf = (key: string): Info => {
  let info = infos.get(key);
  if (!info) infos.set(key, (info = find(htmlSchema, key)));
  return info;
};

function attribute(key: string, raw: Properties[string]): string {
  const info = infoOf(key);
  let value: unknown = raw;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  // Attribute names the schema spells with characters that need escaping do not occur in the HTML space's names.
  if (/[\0\t\n\f\r "&'/<=>`]/.test(info.attribute)) throw new Unusual();
  if (value === true) return info.attribute;
  let text: string;
  if (Array.isArray(value)) {
    if (info.commaSeparated) {
      const items = value[value.length - 1] === '' ? [...value, ''] : value;
      text = items.join(', ').trim();
    } else text = value.join(' ').trim();
  } else text = String(value);
  return `${info.attribute}="${escapeAttribute(text)}"`;
}

function element(node: Element): string {
  const tag = node.tagName;
  if (tag === 'svg' || tag === 'template' || tag === 'math') throw new Unusual();
  const values: string[] = [];
  for (const key in node.properties) {
    const v = node.properties[key];
    if (v === null || v === undefined) continue;
    const a = attribute(key, v);
    if (a) values.push(a);
  }
  const content = children(node);
  const selfClosing = VOIDS.has(tag.toLowerCase()) && !content;
  return `<${tag}${values.length ? ' ' + values.join(' ') : ''}>${content}${selfClosing ? '' : `</${tag}>`}`;
}

function children(parent: Root | Element): string {
  let out = '';
  const raw = parent.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style');
  for (const child of parent.children) {
    if (child.type === 'text') out += raw ? child.value : escapeText(child.value);
    else if (child.type === 'element') out += element(child);
    else throw new Unusual();
  }
  return out;
}

/** The tree as rehype-stringify writes it. */
export function toHtml(tree: Root): string {
  try {
    return children(tree);
  } catch (e) {
    if (e instanceof Unusual) return hastToHtml(tree as Nodes);
    throw e;
  }
}
