// A fast path for the frontmatter most ISMS documents have: `key: value` lines at the left margin whose values are
// plain or simply quoted scalars, flow lists (`[A.5.1, A.8.28]`) or block lists (`- item` lines). It returns the
// same values and source ranges the `yaml` library gives, or undefined for anything else (comments, multi-line
// scalars, escapes, anchors, tags, nested mappings, tabs, odd numbers...), which then goes through `yaml`.
// Parsing frontmatter with `yaml` was the largest single cost of indexing a big workspace; a differential test
// (fastYaml.test.ts) keeps the two equal.
import { intern } from './detach';

/** A scalar: its JavaScript value and [start, end) of its text (quotes included) in the YAML content. */
export interface FastScalar {
  value: string | number | boolean | null;
  start: number;
  end: number;
}

export interface FastPair {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** A scalar (a null one for `key:` with nothing after it) or a list. */
  value: FastScalar | { items: FastScalar[]; start: number; end: number };
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Starts of plain scalars that may resolve to something other than a string, or need the full parser. */
const NUMERIC_START = /^[-+.0-9]/;
const OTHER_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;

/** Parses `content` (the YAML between the frontmatter fences) or returns undefined when it needs the full parser. */
export function fastFrontmatter(content: string): FastPair[] | undefined {
  if (content.includes('\t') || content.includes('#') || content.includes('\\')) return undefined;
  const pairs: FastPair[] = [];
  const seen = new Set<string>();
  let pos = 0;
  const n = content.length;
  /** The pair whose value is still open (`key:` with nothing after it, maybe followed by `- item` lines). */
  let open: FastPair | undefined;
  let listIndent = -1;
  while (pos < n) {
    let eol = content.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let end = eol;
    if (end > pos && content.charCodeAt(end - 1) === 13) end--;
    if (content.lastIndexOf('\r', end - 1) >= pos) return undefined; // a lone CR
    const lineStart = pos;
    pos = eol + 1;
    let indent = lineStart;
    while (indent < end && content.charCodeAt(indent) === 32) indent++;
    if (indent === end) continue; // blank line
    const first = content.charCodeAt(indent);
    if (first === 45 /* - */ && (indent + 1 === end || content.charCodeAt(indent + 1) === 32)) {
      // A block list item: only right after `key:` (or another item at the same indentation).
      if (!open) return undefined;
      const column = indent - lineStart;
      if (listIndent < 0) listIndent = column;
      else if (column !== listIndent) return undefined;
      let s = indent + 1;
      while (s < end && content.charCodeAt(s) === 32) s++;
      if (s === end) return undefined; // a null item
      const item = scalar(content, s, trimEnd(content, s, end), false);
      if (!item) return undefined;
      let list = open.value as { items: FastScalar[]; start: number; end: number };
      if (!('items' in open.value)) {
        list = { items: [], start: indent, end: 0 };
        open.value = list;
      }
      list.items.push(item);
      list.end = item.end;
      continue;
    }
    if (indent !== lineStart) return undefined; // continuation lines, nested mappings
    open = undefined;
    listIndent = -1;
    const colon = content.indexOf(':', lineStart);
    if (colon < 0 || colon >= end) return undefined;
    const key = content.slice(lineStart, colon);
    if (!KEY.test(key) || key === '__proto__' || seen.has(key)) return undefined;
    seen.add(key);
    let s = colon + 1;
    if (s < end && content.charCodeAt(s) !== 32) return undefined;
    while (s < end && content.charCodeAt(s) === 32) s++;
    const pair: FastPair = { key, keyStart: lineStart, keyEnd: colon, value: { value: null, start: colon + 1, end: colon + 1 } };
    pairs.push(pair);
    if (s === end) {
      if (s !== colon + 1) return undefined; // `key:   ` (trailing spaces): positions differ, leave it to yaml
      open = pair;
      continue;
    }
    const valueEnd = trimEnd(content, s, end);
    if (content.charCodeAt(s) === 91 /* [ */) {
      const list = flowList(content, s, valueEnd);
      if (!list) return undefined;
      pair.value = list;
    } else {
      const value = scalar(content, s, valueEnd, false);
      if (!value) return undefined;
      pair.value = value;
    }
  }
  // A key with nothing after it at the very end, or a list that was never filled: yaml's positions vary.
  if (pairs.length === 0 || (open && !('items' in open.value))) return undefined;
  return pairs;
}

function trimEnd(content: string, start: number, end: number): number {
  while (end > start && content.charCodeAt(end - 1) === 32) end--;
  return end;
}

/** `[a, b, 'c']` on one line: plain or quoted scalars separated by commas. */
function flowList(content: string, start: number, end: number): { items: FastScalar[]; start: number; end: number } | undefined {
  if (content.charCodeAt(end - 1) !== 93 /* ] */) return undefined;
  const items: FastScalar[] = [];
  const inner = content.slice(start + 1, end - 1);
  if (inner.trim() === '') return inner.includes(' ') || inner === '' ? { items, start, end } : undefined;
  let s = start + 1;
  const close = end - 1;
  for (;;) {
    while (s < close && content.charCodeAt(s) === 32) s++;
    let e = s;
    const q = content.charCodeAt(s);
    if (q === 39 || q === 34) {
      e = content.indexOf(String.fromCharCode(q), s + 1);
      if (e < 0 || e >= close) return undefined;
      e++;
    } else {
      while (e < close && content.charCodeAt(e) !== 44) e++;
    }
    const itemEnd = trimEnd(content, s, e);
    if (itemEnd === s) return undefined; // empty item, trailing comma
    const item = scalar(content, s, itemEnd, true);
    if (!item) return undefined;
    items.push(item);
    let after = e;
    while (after < close && content.charCodeAt(after) === 32) after++;
    if (after === close) break;
    if (content.charCodeAt(after) !== 44) return undefined;
    s = after + 1;
  }
  return { items, start, end };
}

/** A plain or quoted scalar occupying exactly [start, end), or undefined when it needs the full parser. */
function scalar(content: string, start: number, end: number, inFlow: boolean): FastScalar | undefined {
  const text = content.slice(start, end);
  const q = text.charCodeAt(0);
  if (q === 39 /* ' */ || q === 34 /* " */) {
    if (text.length < 2 || text.charCodeAt(text.length - 1) !== q) return undefined;
    const inner = text.slice(1, -1);
    if (inner.includes(String.fromCharCode(q))) return undefined;
    return { value: intern(inner), start, end };
  }
  // Indicators that start anything but a plain scalar; `: `, ` #` and flow characters inside lists.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^-[0-9.]/.test(text)) return undefined;
  if (text.includes(': ') || text.endsWith(':') || (inFlow && /[[\]{},]/.test(text))) return undefined;
  if (inFlow && text.includes(':')) return undefined;
  let value: FastScalar['value'] = intern(text);
  if (NUMERIC_START.test(text)) {
    if (INT.test(text)) value = parseInt(text, 10);
    else if (FLOAT.test(text)) value = parseFloat(text);
    else if (OTHER_NUMBER.test(text)) return undefined;
  } else if (NULL.test(text)) value = null;
  else if (BOOL.test(text)) value = text[0] === 't' || text[0] === 'T';
  return { value, start, end };
}
