// The HTML tree (hast) remark-rehype (mdast-util-to-hast 13, default options) makes from the Markdown tree that
// render/markdownTree.ts builds, node for node: the same elements, properties, `\n` text between blocks, trimmed
// line ends, task list checkboxes, table head and body, normalised link and image destinations, raw HTML dropped.
//
// Why: in the audit pack's render remark-rehype was a sixth of the time (issue 16), half of it a walk of every
// node that builds an ancestor list per node, only to find link definitions, which the fast tree never holds
// (markdown-it resolves references itself). This handles exactly the node types the fast tree has; any other
// (a tree from remark-parse, with definitions, footnotes, positions) returns undefined and goes to remark-rehype.
// test/server/markdownTree.test.ts holds the two equal on every tree it renders.
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';
import type { Element, ElementContent, Properties, Root as HastRoot, Text as HastText } from 'hast';
import type { List, ListItem, Nodes, Parents, Root, RootContent, Table, TableRow } from 'mdast';

/** Thrown for a node this converter leaves to remark-rehype. */
class Unsupported extends Error {}

const el = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const newline = (): HastText => ({ type: 'text', value: '\n' });

/** remark-rehype's tree for a tree of render/markdownTree.ts, or undefined when it holds a node this does not handle. */
export function mdastToHast(tree: Root): HastRoot | undefined {
  try {
    return { type: 'root', children: wrap(all(tree), false) };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Line endings between nodes, and around them for the loose containers (lists, quotes, tables, rows). */
function wrap(nodes: ElementContent[], loose: boolean): ElementContent[] {
  const out: ElementContent[] = [];
  if (loose) out.push(newline());
  for (let i = 0; i < nodes.length; i++) {
    if (i) out.push(newline());
    out.push(nodes[i]);
  }
  if (loose && nodes.length > 0) out.push(newline());
  return out;
}

/** Spaces and tabs at the start of what follows a hard break go (mdast-util-to-hast's `all`). */
function trimStart(value: string): string {
  let i = 0;
  while (value.charCodeAt(i) === 9 || value.charCodeAt(i) === 32) i++;
  return value.slice(i);
}

function all(parent: Parents): ElementContent[] {
  const out: ElementContent[] = [];
  const nodes = parent.children as RootContent[];
  for (let i = 0; i < nodes.length; i++) {
    const result = one(nodes[i], parent);
    if (!result) continue;
    if (i && nodes[i - 1].type === 'break') {
      const first = Array.isArray(result) ? undefined : result;
      if (first?.type === 'text') first.value = trimStart(first.value);
      else if (first?.type === 'element' && first.children[0]?.type === 'text') first.children[0].value = trimStart(first.children[0].value);
    }
    if (Array.isArray(result)) out.push(...result);
    else out.push(result);
  }
  return out;
}

function one(node: Nodes, parent: Parents | undefined): ElementContent | ElementContent[] | undefined {
  switch (node.type) {
    case 'text':
      // A value without line breaks is its own trimLines (which splits with a regular expression and joins).
      return { type: 'text', value: node.value.includes('\n') || node.value.includes('\r') ? trimLines(node.value) : node.value };
    case 'paragraph':
      return el('p', {}, all(node));
    case 'heading':
      return el(`h${node.depth}`, {}, all(node));
    case 'emphasis':
      return el('em', {}, all(node));
    case 'strong':
      return el('strong', {}, all(node));
    case 'delete':
      return el('del', {}, all(node));
    case 'blockquote':
      return el('blockquote', {}, wrap(all(node), true));
    case 'break':
      return [el('br', {}, []), newline()];
    case 'inlineCode':
      return el('code', {}, [{ type: 'text', value: node.value.replace(/\r?\n|\r/g, ' ') }]);
    case 'thematicBreak':
      return el('hr', {}, []);
    case 'html':
      return undefined; // raw HTML is not rendered (no allowDangerousHtml)
    case 'code': {
      const properties: Properties = {};
      const language = node.lang ? node.lang.split(/\s+/) : [];
      if (language.length > 0) properties.className = ['language-' + language[0]];
      const code = el('code', properties, [{ type: 'text', value: node.value ? node.value + '\n' : '' }]);
      if (node.meta) code.data = { meta: node.meta };
      return el('pre', {}, [code]);
    }
    case 'link': {
      const properties: Properties = { href: normalizeUri(node.url) };
      if (node.title !== null && node.title !== undefined) properties.title = node.title;
      return el('a', properties, all(node));
    }
    case 'image': {
      const properties: Properties = { src: normalizeUri(node.url) };
      if (node.alt !== null && node.alt !== undefined) properties.alt = node.alt;
      if (node.title !== null && node.title !== undefined) properties.title = node.title;
      return el('img', properties, []);
    }
    case 'list':
      return list(node);
    case 'listItem':
      return listItem(node, parent?.type === 'list' ? listLoose(parent) : itemLoose(node));
    case 'table':
      return table(node);
    default:
      throw new Unsupported();
  }
}

function itemLoose(node: ListItem): boolean {
  return node.spread === null || node.spread === undefined ? node.children.length > 1 : node.spread;
}

function listLoose(node: List): boolean {
  if (node.spread) return true;
  for (const item of node.children) if (itemLoose(item)) return true;
  return false;
}

function list(node: List): Element {
  const properties: Properties = {};
  // Whether the items are loose is the list's, worked out once (not once per item).
  const loose = listLoose(node);
  const results = node.children.map((item) => listItem(item, loose));
  if (typeof node.start === 'number' && node.start !== 1) properties.start = node.start;
  if (results.some((li) => Array.isArray(li.properties.className) && li.properties.className.includes('task-list-item'))) properties.className = ['contains-task-list'];
  return el(node.ordered ? 'ol' : 'ul', properties, wrap(results, true));
}

function listItem(node: ListItem, loose: boolean): Element {
  const results = all(node);
  const properties: Properties = {};
  const children: ElementContent[] = [];
  if (typeof node.checked === 'boolean') {
    const head = results[0];
    let paragraph: Element;
    if (head && head.type === 'element' && head.tagName === 'p') paragraph = head;
    else {
      paragraph = el('p', {}, []);
      results.unshift(paragraph);
    }
    if (paragraph.children.length > 0) paragraph.children.unshift({ type: 'text', value: ' ' });
    paragraph.children.unshift(el('input', { type: 'checkbox', checked: node.checked, disabled: true }, []));
    properties.className = ['task-list-item'];
  }
  for (let i = 0; i < results.length; i++) {
    const child = results[i];
    const paragraph = child.type === 'element' && child.tagName === 'p';
    if (loose || i !== 0 || !paragraph) children.push(newline());
    if (paragraph && !loose) children.push(...child.children);
    else children.push(child);
  }
  const tail = results[results.length - 1];
  if (tail && (loose || tail.type !== 'element' || tail.tagName !== 'p')) children.push(newline());
  return el('li', properties, children);
}

function table(node: Table): Element {
  const rows = node.children.map((row, i) => tableRow(row, i, node));
  const first = rows.shift();
  const content: ElementContent[] = [];
  if (first) content.push(el('thead', {}, wrap([first], true)));
  if (rows.length > 0) content.push(el('tbody', {}, wrap(rows, true)));
  return el('table', {}, wrap(content, true));
}

function tableRow(node: TableRow, index: number, parent: Table): Element {
  const tagName = index === 0 ? 'th' : 'td';
  const align = parent.align;
  const length = align ? align.length : node.children.length;
  const cells: Element[] = [];
  for (let i = 0; i < length; i++) {
    const cell = node.children[i];
    const properties: Properties = {};
    const alignValue = align ? align[i] : undefined;
    if (alignValue) properties.align = alignValue;
    cells.push(el(tagName, properties, cell ? all(cell) : []));
  }
  return el('tr', {}, wrap(cells, true));
}
