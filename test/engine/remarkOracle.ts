// The reference parser for the scanner's differential test: remark (unified + remark-parse + remark-gfm +
// remark-frontmatter) reduced to the same fingerprint the scanner produces.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { scanControls, scanPattern } from '../../server/src/engine/parse/references';
import { scanMarkdown } from '../../server/src/engine/parse/scanner';
import { findFrontmatter } from '../../server/src/engine/parse/document';

export interface Fingerprint {
  headings: string[];
  links: string[];
  tables: string[];
  refs: string[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const RISK = /(?<![\w-])(?:R-\d+)(?![\w-])/g;

/** IDs found in a run of text. Offsets are left out: remark's text values decode entities and escapes, so
 * offsets inside them do not map back to the source (the scanner's do; scannerFingerprint checks them). */
function refsIn(text: string, into: string[]): void {
  for (const m of scanControls(text)) into.push(`control ${m.id}`);
  for (const m of scanPattern(text, RISK)) into.push(`risk ${m.id}`);
}

export function remarkFingerprint(text: string): Fingerprint {
  const fp: Fingerprint = { headings: [], links: [], tables: [], refs: [] };
  const tree = processor.parse(text) as Root;
  const stack: { node: Nodes; linkUrl?: string }[] = [{ node: tree }];
  while (stack.length) {
    const { node, linkUrl } = stack.pop()!;
    switch (node.type) {
      case 'yaml':
      case 'code':
      case 'inlineCode':
      case 'html':
        continue;
      case 'heading':
        fp.headings.push(`${node.depth} ${toString(node).trim()}`);
        break;
      case 'link':
      case 'image':
      case 'definition':
        // GFM autolink literals (bare URLs in prose) are not links the index records.
        if (node.type === 'link' && text[node.position!.start.offset!] !== '<' && text[node.position!.start.offset!] !== '[') break;
        fp.links.push(`${node.type === 'image' ? '!' : ''}${node.url}`);
        break;
      case 'table':
        fp.tables.push(node.children.map((row) => row.children.map((cell) => toString(cell).trim()).join(' | ')).join('\n'));
        break;
      case 'text':
        if (linkUrl !== undefined && (node.value === linkUrl || linkUrl.endsWith(node.value))) continue;
        refsIn(node.value, fp.refs);
        continue;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, linkUrl: node.type === 'link' ? node.url : linkUrl });
    }
  }
  fp.links.sort();
  fp.refs.sort();
  return fp;
}

export function scannerFingerprint(text: string): Fingerprint {
  const scan = scanMarkdown(text, findFrontmatter(text)?.bodyStart ?? 0);
  const fp: Fingerprint = {
    headings: scan.headings.map((h) => `${h.depth} ${h.text}`),
    links: scan.links.map((l) => `${l.image ? '!' : ''}${l.target}`).sort(),
    tables: scan.tables.map((t) => [t.header, ...t.rows.map((r) => r.cells)].map((cells) => cells.map((c) => c.text).join(' | ')).join('\n')),
    refs: [],
  };
  refsIn(scan.prose, fp.refs);
  // The scanner's offsets point at the ID as written in the source.
  for (const m of scanControls(scan.prose)) if (text.slice(m.start, m.end) !== m.raw) throw new Error(`offset of ${m.raw} is off`);
  fp.refs.sort();
  return fp;
}
