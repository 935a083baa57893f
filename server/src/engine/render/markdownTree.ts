// The Markdown syntax tree (mdast) the preview and the audit pack render, built with markdown-it.
//
// Why: remark-parse (micromark) reads about 0.4 MB/s with GFM on these machines, so exporting a 5,000-document
// ISMS spent most of its time parsing (issue 16); markdown-it parses the same CommonMark + GFM tables and
// strikethrough 20 times faster. Its tokens become the tree remark-parse would build (same nodes, same merged
// text, same list looseness, task list items, literal autolinks through remark-gfm's own transform), so what
// follows (remark-rehype, the preview's transform, sanitising) is unchanged and the HTML is identical; a
// differential test holds the two parsers to that (test/server/markdownTree.test.ts).
//
// What markdown-it does not parse the GFM way (footnotes, single-tilde strikethrough, CR line endings, literal
// `mailto:` addresses) is left
// to remark: `fastMarkdownTree` returns undefined for such a text and the caller parses it with remark.
import MarkdownIt from 'markdown-it';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { AlignType, Blockquote, Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';

type Token = ReturnType<MarkdownIt['parse']>[number];

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Destinations stay as written (unescaped), like mdast's `url`; remark-rehype normalises them, and the sanitiser,
// not the parser, decides which survive (so `javascript:` is a link whose href is then dropped, as with remark).
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;
md.validateLink = () => true;

const autolinkLiterals = gfmAutolinkLiteralFromMarkdown().transforms?.[0];

/** YAML (`---`) or TOML (`+++`) frontmatter as remark-frontmatter recognises it: fences alone on their lines. */
const FRONTMATTER = /^(---|\+\+\+)[ \t]*\n(?:[^\n]*\n)*?\1[ \t]*(?:\n|$)/;

/** Why remark must parse this text (a construct markdown-it reads differently), else undefined. */
export function needsRemark(text: string): string | undefined {
  if (/[\r\f\v]/.test(text)) return 'CR, form feed or vertical tab characters';
  if (text.includes('[^')) return 'footnotes';
  // remark's tokenizer links the address in a literal `mailto:a@b.c` and leaves the scheme as text.
  if (/mailto:|xmpp:/i.test(text)) return 'mailto: or xmpp: addresses';
  // GFM strikethrough takes one or two tildes; markdown-it only two. Runs of three or more start code fences.
  if (!text.includes('~')) return undefined;
  for (const m of text.matchAll(/~+/g)) {
    if (m[0].length === 2) continue;
    if (m[0].length >= 3 && /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*$/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue;
    return 'tildes';
  }
  return undefined;
}

/** The mdast remark-parse (with remark-frontmatter and remark-gfm) builds for `text`, or undefined: use remark. */
export function fastMarkdownTree(text: string): Root | undefined {
  if (needsRemark(text)) return undefined;
  const front = FRONTMATTER.exec(text);
  const body = front ? text.slice(front[0].length) : text;
  const tokens = md.parse(body, {});
  let root: Root;
  try {
    root = { type: 'root', children: blocks(tokens, { at: 0, lines: body.split('\n'), quoted: 0 }, undefined) as RootContent[] };
  } catch (e) {
    if (e instanceof LeftToRemark) return undefined;
    throw e;
  }
  // remark-gfm's literal autolink transform walks every text node with four regular expressions (a tenth of the
  // pack's render); it changes only the blocks holding a candidate, and each block on its own, so only those go.
  const linkable: RootContent[] = [];
  for (const block of root.children) {
    const found = { candidate: false };
    if (!plainLiterals(block, found)) return undefined;
    if (found.candidate) linkable.push(block);
  }
  if (linkable.length) autolinkLiterals?.call(undefined as never, { type: 'root', children: linkable });
  return root;
}

const URL_START = /https?:\/\/|www\.|@/gi;
const URL_CANDIDATE = /https?:\/\/|www\.|@/i;
/** A URL or address run remark-gfm's tokenizer and its transform agree on: URI characters only. */
const PLAIN_RUN = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/**
 * Whether every literal URL and e-mail address candidate in the text stands where remark's literal autolink
 * tokenizer and its transform (which this tree goes through) read it alike: after a space, the start or `(`,
 * made of URI characters only, not touching other inline nodes. `found.candidate` says whether there was one.
 */
function plainLiterals(node: Root | RootContent, found: { candidate: boolean }): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  if (!('children' in node)) return true;
  const children = node.children as RootContent[];
  for (let k = 0; k < children.length; k++) {
    const child = children[k];
    if (child.type !== 'text') {
      if (!plainLiterals(child, found)) return false;
      continue;
    }
    const value = child.value;
    // One search first: matchAll copies the pattern for every text node, and most hold no candidate.
    if (!URL_CANDIDATE.test(value)) continue;
    for (const m of value.matchAll(URL_START)) {
      found.candidate = true;
      let start = m.index;
      if (m[0] === '@') while (start > 0 && !/\s/.test(value[start - 1])) start--;
      let end = m.index + m[0].length;
      while (end < value.length && !/\s/.test(value[end])) end++;
      if ((start === 0 && k > 0) || (end === value.length && k < children.length - 1)) return false;
      if (start > 0 && !/[\s(]/.test(value[start - 1])) return false;
      if (!PLAIN_RUN.test(value.slice(start, end))) return false;
    }
  }
  return true;
}

/** Thrown where the tokens show a shape whose reading the two parsers may not agree on. */
class LeftToRemark extends Error {}

interface Cursor {
  at: number;
  /** The parsed text's lines (token maps count them). */
  lines: string[];
  /** How many block quotes are open around the current token. */
  quoted: number;
}

const blank = (line: string | undefined) => line !== undefined && /^[ \t>]*$/.test(line);

/** Block tokens from `c.at` up to the closing token `until` (consumed), as mdast nodes. */
function blocks(tokens: Token[], c: Cursor, until: string | undefined): RootContent[] {
  const out: RootContent[] = [];
  while (c.at < tokens.length) {
    const t = tokens[c.at++];
    if (t.type === until) return out;
    switch (t.type) {
      case 'paragraph_open': {
        const inline = tokens[c.at++];
        c.at++; // paragraph_close
        out.push({ type: 'paragraph', children: inlines(inline.children ?? []) } satisfies Paragraph);
        break;
      }
      case 'heading_open': {
        const inline = tokens[c.at++];
        c.at++;
        out.push({ type: 'heading', depth: Number(t.tag.slice(1)) as Heading['depth'], children: inlines(inline.children ?? []) });
        break;
      }
      case 'blockquote_open':
        c.quoted++;
        out.push({ type: 'blockquote', children: blocks(tokens, c, 'blockquote_close') as Blockquote['children'] });
        c.quoted--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        out.push(list(tokens, c, t));
        break;
      case 'fence': {
        // An unclosed fence: remark drops its trailing blank lines when the container closes, markdown-it keeps them.
        if (!t.map || !c.lines[t.map[1] - 1]?.trimStart().replace(/^(?:>\s?)*/, '').replace(/^\s*/, '').startsWith(t.markup)) throw new LeftToRemark();
        const info = t.info.trim();
        const space = info.search(/\s/);
        const lang = space < 0 ? info : info.slice(0, space);
        const meta = space < 0 ? '' : info.slice(space).trim();
        out.push({ type: 'code', lang: lang || null, meta: meta || null, value: t.content.replace(/\n$/, '') } satisfies Code);
        break;
      }
      case 'code_block':
        out.push({ type: 'code', lang: null, meta: null, value: t.content.replace(/\n$/, '') });
        break;
      case 'hr':
        out.push({ type: 'thematicBreak' });
        break;
      case 'html_block':
        // remark-rehype drops raw HTML; the node is kept so that nothing else changes around it.
        out.push({ type: 'html', value: t.content });
        break;
      case 'table_open':
        out.push(table(tokens, c));
        break;
      default:
        break;
    }
  }
  return out;
}

function list(tokens: Token[], c: Cursor, open: Token): List {
  const close = open.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
  const level = open.level;
  let loose = false;
  // markdown-it hides the paragraphs of a tight list's items (its own items only, not nested lists').
  for (let i = c.at; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === close && t.level === level) break;
    if (t.type === 'paragraph_open' && t.level === level + 2 && !t.hidden) loose = true;
  }
  if (!loose && open.map) {
    // A tight list with a blank line inside it (or, in a block quote, right after it): remark may call it loose.
    const [first, end] = open.map;
    let last = end - 1;
    while (last > first && blank(c.lines[last])) last--;
    for (let line = first; line < last; line++) if (blank(c.lines[line])) throw new LeftToRemark();
    if (c.quoted > 0 && (last < end - 1 || blank(c.lines[end]))) throw new LeftToRemark();
  }
  const start = open.type === 'ordered_list_open' ? Number(open.attrGet('start') ?? 1) : null;
  const items: ListItem[] = [];
  while (c.at < tokens.length) {
    const t = tokens[c.at++];
    if (t.type === close) break;
    if (t.type !== 'list_item_open') continue;
    const children = blocks(tokens, c, 'list_item_close') as ListItem['children'];
    items.push(taskItem({ type: 'listItem', spread: false, checked: null, children }));
  }
  return { type: 'list', ordered: start !== null, start, spread: loose, children: items };
}

/** GFM task list items: `[ ]`, `[x]` at the start of the item's first paragraph, then whitespace and more. */
function taskItem(item: ListItem): ListItem {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return item;
  const head = first.children[0];
  if (head?.type !== 'text') return item;
  const m = /^\[([ \t\nxX])\]/.exec(head.value);
  if (!m) return item;
  // After the check: a line break, or whitespace and then something (here or in the next node).
  const rest = head.value.slice(3);
  if (!/^[ \t]*\n/.test(rest) && !(/^[ \t]+/.test(rest) && (rest.trim() !== '' || first.children.length > 1))) return item;
  item.checked = m[1] === 'x' || m[1] === 'X';
  // remark keeps the text after the check less its first character (the space or line break).
  head.value = rest.slice(1);
  if (head.value === '') first.children.shift();
  return item;
}

function table(tokens: Token[], c: Cursor): Table {
  const rows: TableRow[] = [];
  const align: AlignType[] = [];
  let row: TableCell[] | undefined;
  while (c.at < tokens.length) {
    const t = tokens[c.at++];
    if (t.type === 'table_close') break;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) rows.push({ type: 'tableRow', children: row });
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
      const style = t.attrGet('style') ?? '';
      const a = /text-align:(left|right|center)/.exec(style)?.[1] as AlignType | undefined;
      if (t.type === 'th_open') align.push(a ?? null);
      const inline = tokens[c.at];
      const children = inline?.type === 'inline' ? inlines(inline.children ?? []) : [];
      if (inline?.type === 'inline') c.at++;
      row.push({ type: 'tableCell', children });
    }
  }
  return { type: 'table', align, children: rows };
}

/** Inline tokens as phrasing content, adjacent text merged as remark merges it (escapes, entities, line breaks). */
function inlines(tokens: Token[]): PhrasingContent[] {
  return phrasing(tokens, { at: 0 }, undefined);
}

function phrasing(tokens: Token[], c: { at: number }, until: string | undefined): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const text = (value: string) => {
    const last = out[out.length - 1];
    if (last?.type === 'text') (last as Text).value += value;
    else out.push({ type: 'text', value });
  };
  while (c.at < tokens.length) {
    const t = tokens[c.at++];
    if (t.type === until) return out;
    switch (t.type) {
      case 'text':
      case 'text_special':
        text(t.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        out.push({ type: 'break' });
        break;
      case 'code_inline':
        out.push({ type: 'inlineCode', value: t.content });
        break;
      case 'html_inline':
        // Inline HTML opening a line after text (`<br>` under a list item): remark may end the paragraph there.
        if (out[out.length - 1]?.type === 'text' && (out[out.length - 1] as Text).value.endsWith('\n')) throw new LeftToRemark();
        out.push({ type: 'html', value: t.content });
        break;
      case 'em_open':
        out.push({ type: 'emphasis', children: phrasing(tokens, c, 'em_close') });
        break;
      case 'strong_open':
        out.push({ type: 'strong', children: phrasing(tokens, c, 'strong_close') });
        break;
      case 's_open':
        out.push({ type: 'delete', children: phrasing(tokens, c, 's_close') });
        break;
      case 'link_open':
        out.push({ type: 'link', url: t.attrGet('href') ?? '', title: t.attrGet('title'), children: phrasing(tokens, c, 'link_close') });
        break;
      case 'image':
        out.push({ type: 'image', url: t.attrGet('src') ?? '', title: t.attrGet('title'), alt: altText(t.children ?? []) });
        break;
      default:
        break;
    }
  }
  return out;
}

/** An image's alt text as remark takes it: the label's text, without markup. */
function altText(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline' || t.type === 'html_inline') out += t.content;
    else if (t.type === 'softbreak') out += '\n';
    else if (t.type === 'image') out += altText(t.children ?? []);
  }
  return out;
}
