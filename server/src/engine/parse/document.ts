// Parses one Markdown file into the compact document model. The syntax tree is walked once and dropped:
// only what rules and editor features need (frontmatter, headings, links, tables, references) is kept.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, Table as MdTable } from 'mdast';
import {
  DOCUMENT_TYPES,
  type DocumentType,
  type Heading,
  type IsmsDocument,
  type Link,
  type Reference,
  type Table,
  type TableCell,
} from '../model';
import { LineIndex } from '../util/lineIndex';
import { SlugCounter } from './slug';
import { looksLikeUnclosedFrontmatter, parseFrontmatter } from './frontmatter';
import { DOCUMENT_ID_SHAPE, parseControlId, riskIdMatcher, scanControls, scanPattern } from './references';
import { findColumn } from './tables';

export interface ParseOptions {
  riskIdPattern: string;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Frontmatter keys whose entries are references, and what they refer to. */
export const REFERENCE_KEYS: Record<string, Reference['kind']> = { controls: 'control', risks: 'risk', related: 'document' };

export function parseDocument(path: string, rawText: string, options: ParseOptions): IsmsDocument {
  // Editors never show a byte-order mark, so positions are computed without it.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const doc: IsmsDocument = {
    path,
    headings: [],
    links: [],
    tables: [],
    references: [],
    parseDiagnostics: [],
    lineCount: lines.lineCount,
  };
  const tree = processor.parse(text) as Root;
  const riskMatcher = riskIdMatcher(options.riskIdPattern);

  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    const start = 0;
    const end = first.position.end.offset ?? 0;
    const firstBreak = text.search(/\r?\n|\r/);
    const contentStart = firstBreak < 0 ? end : firstBreak + (text.startsWith('\r\n', firstBreak) ? 2 : 1);
    const { frontmatter, diagnostics } = parseFrontmatter(path, { start, end, content: first.value, contentStart }, lines);
    doc.frontmatter = frontmatter;
    doc.parseDiagnostics.push(...diagnostics);
    readDeclaredFields(doc);
    collectFrontmatterReferences(doc);
  } else if (looksLikeUnclosedFrontmatter(text)) {
    doc.parseDiagnostics.push({
      path,
      range: lines.lineRange(0),
      severity: 'error',
      code: 'frontmatter-syntax',
      message: 'Frontmatter opened with --- on line 1 is never closed. Add a line with --- after the last field.',
    });
  }

  walkBody(tree, doc, lines, riskMatcher);
  return doc;
}

function readDeclaredFields(doc: IsmsDocument): void {
  const data = doc.frontmatter!.data;
  if (data.type !== undefined && data.type !== null) {
    doc.declaredType = String(data.type);
    const normalised = doc.declaredType.trim().toLowerCase();
    if ((DOCUMENT_TYPES as readonly string[]).includes(normalised)) doc.type = normalised as DocumentType;
  }
  if (typeof data.id === 'string' || typeof data.id === 'number') doc.id = String(data.id).trim();
  if (typeof data.title === 'string') doc.title = data.title.trim();
}

function collectFrontmatterReferences(doc: IsmsDocument): void {
  for (const [key, kind] of Object.entries(REFERENCE_KEYS)) {
    for (const item of doc.frontmatter!.items.get(key) ?? []) {
      if (typeof item.value !== 'string' && typeof item.value !== 'number') continue;
      // A single string may list several IDs: `controls: A.5.1, A.8.28`.
      const raw = String(item.value);
      const parts = key === 'controls' || raw.includes(',') ? raw.split(',') : [raw];
      let offset = 0;
      for (const part of parts) {
        const trimmed = part.trim();
        const lead = part.length - part.trimStart().length;
        const range = parts.length === 1 ? item.range : shiftRange(item.range, offset + lead, trimmed.length);
        offset += part.length + 1;
        if (!trimmed) continue;
        const id = kind === 'control' ? (parseControlId(trimmed) ?? trimmed) : trimmed;
        doc.references.push({ kind, id, raw: trimmed, range, source: key });
      }
    }
  }
}

/** Narrows a single-line range to a part of it (for comma-separated lists in one scalar). */
function shiftRange(range: Reference['range'], from: number, length: number): Reference['range'] {
  if (range.start.line !== range.end.line) return range;
  const start = range.start.character + from;
  return { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + length } };
}

interface Frame {
  node: Nodes;
  inTable: boolean;
  /** The URL of an enclosing autolink, whose text is the URL itself and holds no references. */
  linkUrl?: string;
}

function walkBody(tree: Root, doc: IsmsDocument, lines: LineIndex, riskMatcher: RegExp): void {
  const slugs = new SlugCounter();
  const isSoa = doc.type === 'soa';
  // An explicit stack: thousands of nested blockquotes or lists must not overflow the call stack.
  const stack: Frame[] = [{ node: tree, inTable: false }];
  while (stack.length > 0) {
    const { node, inTable, linkUrl } = stack.pop()!;
    const pos = node.position;
    const start = pos?.start.offset ?? 0;
    const end = pos?.end.offset ?? start;
    switch (node.type) {
      case 'yaml':
      case 'code':
      case 'inlineCode':
      case 'html':
        continue;
      case 'heading': {
        const text = toString(node).trim();
        doc.headings.push({ depth: node.depth, text, slug: slugs.next(text), range: lines.range(start, end) } satisfies Heading);
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        doc.links.push({ target: safeDecode(node.url), range: lines.range(start, end), image: node.type === 'image' } satisfies Link);
        break;
      case 'table':
        doc.tables.push(readTable(node, lines, doc, isSoa));
        break;
      case 'text': {
        if (linkUrl !== undefined && (node.value === linkUrl || linkUrl.endsWith(node.value))) continue;
        scanText(node.value, start, inTable ? 'table' : 'body', doc, lines, riskMatcher);
        continue;
      }
    }
    if ('children' in node) {
      const childLink = node.type === 'link' ? node.url : linkUrl;
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({ node: node.children[i] as Nodes, inTable: inTable || node.type === 'table', linkUrl: childLink });
      }
    }
  }
  // Document order for the model's consumers (outline, references) regardless of walk order.
  doc.headings.sort(byStart);
  doc.links.sort(byStart);
  doc.references.sort(byStart);
  doc.tables.sort(byStart);
}

const byStart = (a: { range: Reference['range'] }, b: { range: Reference['range'] }) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

function scanText(value: string, offset: number, source: string, doc: IsmsDocument, lines: LineIndex, riskMatcher: RegExp): void {
  const push = (kind: Reference['kind'], m: { id: string; raw: string; start: number; end: number }) =>
    doc.references.push({ kind, id: m.id, raw: m.raw, range: lines.range(offset + m.start, offset + m.end), source });
  for (const m of scanControls(value)) push('control', m);
  const risks = scanPattern(value, riskMatcher);
  for (const m of risks) push('risk', m);
  if (/[A-Z]-\d/.test(value)) {
    for (const m of scanPattern(value, DOCUMENT_ID_SHAPE)) {
      if (!risks.some((r) => r.start === m.start)) push('document', m);
    }
  }
}

function readTable(node: MdTable, lines: LineIndex, doc: IsmsDocument, isSoa: boolean): Table {
  const cellsOf = (row: MdTable['children'][number]): TableCell[] =>
    row.children.map((cell) => {
      const s = cell.position?.start.offset ?? 0;
      const e = cell.position?.end.offset ?? s;
      const links: Link[] = [];
      const stack: Nodes[] = [...cell.children];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'link' || n.type === 'image') links.push({ target: safeDecode(n.url), range: lines.range(n.position?.start.offset ?? s, n.position?.end.offset ?? e), image: n.type === 'image' });
        if ('children' in n) stack.push(...(n.children as Nodes[]));
      }
      return { text: toString(cell).trim(), range: lines.range(s, e), links };
    });
  const [headerRow, ...bodyRows] = node.children;
  const table: Table = {
    header: headerRow ? cellsOf(headerRow) : [],
    rows: bodyRows.map((row) => ({ cells: cellsOf(row), range: lines.range(row.position?.start.offset ?? 0, row.position?.end.offset ?? 0) })),
    range: lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
  };
  // In an SoA the control column may hold bare numbers (`8.28`): those are control references too.
  if (isSoa) {
    const column = findColumn(table, CONTROL_COLUMN);
    if (column >= 0) {
      for (const row of table.rows) {
        const cell = row.cells[column];
        if (!cell || scanControls(cell.text).length > 0) continue;
        const id = parseControlId(cell.text);
        if (id) doc.references.push({ kind: 'control', id, raw: cell.text, range: cell.range, source: 'table' });
      }
    }
  }
  return table;
}

export const CONTROL_COLUMN = ['control', 'control id', 'annex a control', 'id', 'ref', 'reference', 'clause'];

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
