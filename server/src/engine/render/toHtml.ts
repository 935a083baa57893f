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
export const escapeText = (s: string) => (/[<&]/.test(s) ? s.replace(/[<&]/g, (c) => TEXT_ESCAPES[c]) : s);
const escapeAttribute = (s: string) => (/[\0"&'`]/.test(s) ? s.replace(/[\0"&'`]/g, (c) => ATTRIBUTE_ESCAPES[c]) : s);

/** Thrown for a node this writer leaves to hast-util-to-html. */
export class Unusual extends Error {}

type Info = ReturnType<typeof find> & { unusualName: boolean; /** ` name="` */ open: string; /** ` name` */ bare: string };
const infos = new Map<string, Info>();
/** Each property's schema entry, looked up once per process (with whether its name needs escaping). */
const infoOf = (key: string): Info => {
  let info = infos.get(key);
  if (!info) {
    const found = find(htmlSchema, key);
    // Attribute names the schema spells with characters that need escaping do not occur in the HTML space's names.
    info = Object.assign(Object.create(Object.getPrototypeOf(found) as object) as Info, found, { unusualName: /[\0\t\n\f\r "&'/<=>`]/.test(found.attribute), open: ` ${found.attribute}="`, bare: ` ${found.attribute}` });
    infos.set(key, info);
  }
  return info;
};

/** One attribute, after a space, onto `out` (nothing for a null, false or NaN value). */
function attribute(key: string, raw: Properties[string], out: string[]): void {
  const info = infoOf(key);
  let value: unknown = raw;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return;
  if (info.unusualName) throw new Unusual();
  if (value === true) {
    out.push(info.bare);
    return;
  }
  let text: string;
  if (Array.isArray(value)) {
    if (info.commaSeparated) {
      const items = value[value.length - 1] === '' ? [...value, ''] : value;
      text = items.join(', ').trim();
    } else text = value.join(' ').trim();
  } else text = String(value);
  out.push(info.open, escapeAttribute(text), '"');
}

/** Where each clickable element's `data-isms-target` leads, when the HTML is written as static links. */
export type StaticTargets = Record<string, { uri: string }>;

/** Whether a tag name is a void element's, in any case (looked up once per name). */
const voids = new Map<string, boolean>();
const isVoid = (tag: string) => {
  let v = voids.get(tag);
  if (v === undefined) voids.set(tag, (v = VOIDS.has(tag.toLowerCase())));
  return v;
};

/**
 * An element's start tag onto `out`. The pieces go into one array per document, joined once: built as nested
 * strings (a template per element and attribute), the intermediate strings were most of the export's garbage.
 */
export function startTag(tag: string, properties: Properties, links: StaticTargets | undefined, out: string[]): void {
  if (tag === 'svg' || tag === 'template' || tag === 'math') throw new Unusual();
  out.push(tagsOf(tag).open);
  const target = links && properties.dataIsmsTarget !== undefined && properties.dataIsmsTarget !== null ? String(properties.dataIsmsTarget) : undefined;
  // A static link: its target's URI as the first attribute (escaped as staticLinks escapes it), no target id.
  if (links && target !== undefined && tag === 'a') out.push(' href="', escape(links[target]?.uri ?? '#'), '"');
  for (const key in properties) {
    if (target !== undefined && (key === 'dataIsmsTarget' || (key === 'href' && tag === 'a'))) continue;
    const v = properties[key];
    if (v === null || v === undefined) continue;
    attribute(key, v, out);
  }
  out.push('>');
}

/** The end tag after content written from `out[from]` on: none for a void element without content. */
export function endTag(tag: string, out: string[], from: number): void {
  if (isVoid(tag)) {
    let empty = true;
    for (let i = from; i < out.length && empty; i++) empty = out[i].length === 0;
    if (empty) return;
  }
  out.push(tagsOf(tag).close);
}

/** `<tag` and `</tag>`, made once per tag name (bounded: a hostile tree may name many). */
const tags = new Map<string, { open: string; close: string }>();
function tagsOf(tag: string): { open: string; close: string } {
  let t = tags.get(tag);
  if (!t) {
    t = { open: `<${tag}`, close: `</${tag}>` };
    if (tags.size < 500) tags.set(tag, t);
  }
  return t;
}

function element(node: Element, links: StaticTargets | undefined, out: string[]): void {
  startTag(node.tagName, node.properties, links, out);
  const from = out.length;
  children(node, links, out);
  endTag(node.tagName, out, from);
}

function children(parent: Root | Element, links: StaticTargets | undefined, out: string[]): void {
  const raw = parent.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style');
  for (const child of parent.children) {
    if (child.type === 'text') out.push(raw ? child.value : escapeText(child.value));
    else if (child.type === 'element') element(child, links, out);
    else throw new Unusual();
  }
}

/**
 * The tree as rehype-stringify writes it; with `links` (the audit pack, which has no script), as `staticLinks`
 * then makes it: clickable elements become plain links to their targets, written in the same pass.
 */
export function toHtml(tree: Root, links?: StaticTargets): string {
  const out: string[] = [];
  try {
    children(tree, links, out);
  } catch (e) {
    if (e instanceof Unusual) return links ? staticLinks(hastToHtml(tree as Nodes), links) : hastToHtml(tree as Nodes);
    throw e;
  }
  return out.join('');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escape = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s);

/** The preview's clickable references (`data-isms-target`) as plain links in written HTML, so the pack needs no script. */
export function staticLinks(html: string, targets: StaticTargets): string {
  return html.replace(/<a\b([^>]*?)\sdata-isms-target="(t\d+)"([^>]*)>/g, (_, before: string, id: string, after: string) => {
    const href = targets[id]?.uri ?? '#';
    const attributes = `${before}${after}`.replace(/\shref="[^"]*"/, '');
    return `<a href="${escape(href)}"${attributes}>`;
  }).replace(/\sdata-isms-target="t\d+"/g, '');
}
