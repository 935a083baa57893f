// A single-pass Markdown scanner that extracts what the ISMS index needs: headings, links, GFM tables and the
// "prose" of the document (text outside code, HTML, link destinations and markup) where IDs are looked for.
//
// Why not the remark syntax tree: on these machines micromark parses about 0.4 MB/s with GFM, so a
// 5,000-document handbook would take over a minute to index. This scanner follows the CommonMark/GFM block
// rules that decide what is code, HTML, a heading or a table, and is checked against remark (the reference
// parser) by a differential test on real and generated documents (test/engine/scanner.test.ts). remark stays
// the renderer for previews, where full fidelity matters.

export interface ScannedLink {
  target: string;
  start: number;
  end: number;
  image: boolean;
}

export interface ScannedCell {
  text: string;
  start: number;
  end: number;
  links: ScannedLink[];
}

export interface ScannedRow {
  cells: ScannedCell[];
  start: number;
  end: number;
}

export interface ScannedTable {
  header: ScannedCell[];
  rows: ScannedRow[];
  start: number;
  end: number;
}

export interface ScannedHeading {
  depth: number;
  text: string;
  start: number;
  end: number;
}

export interface ScanOutput {
  headings: ScannedHeading[];
  links: ScannedLink[];
  tables: ScannedTable[];
  /** The text with everything that is not prose replaced by spaces: offsets equal the source's. */
  prose: string;
  /** [start, end) of HTML blocks and inline HTML comments, where suppression comments live. */
  html: [number, number][];
}

interface Line {
  /** Offset of the line's first character and of its end (before the line break). */
  start: number;
  end: number;
  /** Offset where the content starts once blockquote markers, list markers and indentation are removed. */
  content: number;
  /** Columns of indentation before `content` (relative to the innermost container). */
  indent: number;
  quoteDepth: number;
  /** The line opens a list item. */
  listItem: boolean;
  blank: boolean;
}

const ATX = /^(#{1,6})(?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const DELIMITER_CELL = /^:?-+:?$/;
const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_START: [RegExp, RegExp | 'blank', boolean][] = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(?:${HTML_BLOCK_TAGS})(?:[ \\t/>]|$)`, 'i'), 'blank', true],
  [/^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/, 'blank', false],
];
const INLINE_HTML = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)/;
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
// CommonMark: a label, a destination (`<...>` or no spaces), an optional quoted title after a space, nothing else;
// `- [Date]: some words` is prose, not a definition.
const DEFINITION = /^\[((?:[^[\]\\]|\\.){1,999})\]:[ \t]*(<(?:[^<>\n\\]|\\.)*>|[^\s<][^\s]*)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/;
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

export function scanMarkdown(text: string, bodyStart = 0): ScanOutput {
  return new Scanner(text, bodyStart).run();
}

class Scanner {
  private readonly mask: Uint8Array;
  private readonly out: ScanOutput = { headings: [], links: [], tables: [], prose: '', html: [] };
  /** [start, end) of every line, end before the line break. */
  private readonly raw: [number, number][] = [];
  /** Content columns of the open list items, innermost last, and the current blockquote depth. */
  private listIndents: number[] = [];
  private quoteDepth = 0;
  /** Labels of `[label]: destination` definitions: only these make `[text][label]` and `[label]` links. */
  private readonly labels = new Set<string>();
  /** Matched brackets of the run of text being scanned (see matchingBracket). */
  private brackets: { start: number; end: number; match: Map<number, number> } | undefined;
  /** [start, end) of reference-style links found, which leave no entry in `links`. */
  private readonly references: [number, number][] = [];

  constructor(
    private readonly text: string,
    private readonly bodyStart: number,
  ) {
    this.mask = new Uint8Array(text.length);
  }

  run(): ScanOutput {
    this.splitLines();
    for (const [start, end] of this.raw) {
      const first = this.indentation(start, end).at;
      if (this.text.charCodeAt(first) !== 91 /* [ */) continue;
      const m = DEFINITION.exec(this.text.slice(first, end));
      if (m && m[1].trim()) this.labels.add(normaliseLabel(m[1]));
    }
    this.blocks();
    this.out.prose = this.buildProse();
    return this.out;
  }

  // ---- lines and containers -------------------------------------------------------------------------

  private splitLines(): void {
    const { text } = this;
    let pos = this.bodyStart;
    while (pos <= text.length) {
      let end = pos;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      this.raw.push([pos, end]);
      const next = end < text.length ? (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1) : end + 1;
      if (next > text.length) break;
      pos = next;
    }
  }

  /** Blockquote markers (up to three spaces, `>`, one optional space; repeated) and what follows them. */
  private quotes(i: number): { depth: number; after: number } {
    const { text } = this;
    const [start, end] = this.raw[i];
    let c = start;
    let depth = 0;
    for (;;) {
      let s = c;
      while (s < end && s - c < 3 && text.charCodeAt(s) === 32) s++;
      if (s < end && text.charCodeAt(s) === 62) {
        depth++;
        c = s + 1;
        if (c < end && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
      } else return { depth, after: c };
    }
  }

  /** Columns of indentation from `from`, and where the first non-blank character is. */
  private indentation(from: number, end: number): { columns: number; at: number } {
    let columns = 0;
    let at = from;
    for (; at < end; at++) {
      const ch = this.text.charCodeAt(at);
      if (ch === 32) columns++;
      else if (ch === 9) columns += 4 - (columns % 4);
      else break;
    }
    return { columns, at };
  }

  /**
   * Line `i` with its containers (blockquotes, list items) removed. Opening a list item updates the list
   * state; lines inside fenced code or HTML use `leafLine` instead, so their content never opens containers.
   */
  private line(i: number): Line {
    const { text } = this;
    const [start, end] = this.raw[i];
    const quote = this.quotes(i);
    if (quote.depth !== this.quoteDepth) this.listIndents = [];
    this.quoteDepth = quote.depth;
    const { columns: indent, at } = this.indentation(quote.after, end);
    let s = at;
    if (s >= end) return { start, end, content: s, indent: 0, quoteDepth: quote.depth, listItem: false, blank: true };
    // Indentation inside a list item counts from the item's content column.
    const lists = this.listIndents;
    while (lists.length && indent < lists[lists.length - 1]) lists.pop();
    let relative = indent - (lists.length ? lists[lists.length - 1] : 0);
    let listItem = false;
    const marker = relative < 4 ? LIST_MARKER.exec(text.slice(s, Math.min(end, s + 12))) : null;
    if (marker && !THEMATIC.test(text.slice(s, end).trim())) {
      // Content starts after the marker and its spaces; five or more spaces (or none) count as one.
      const markerEnd = s + marker[0].length;
      let after = markerEnd;
      while (after < end && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
      let spaces = after - markerEnd;
      if (after >= end || spaces >= 5) {
        spaces = 1;
        after = Math.min(end, markerEnd + 1);
      }
      lists.push(indent + marker[0].length + spaces);
      listItem = true;
      s = after;
      relative = 0;
    }
    // A blockquote inside a list item (`- > text`, or `  > text` under an item).
    let depth = quote.depth;
    while (s < end && text.charCodeAt(s) === 62 && relative < 4) {
      depth++;
      s++;
      if (s < end && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      relative = 0;
    }
    return { start, end, content: s, indent: relative, quoteDepth: depth, listItem, blank: s >= end };
  }

  /**
   * Line `i` as content of a fenced code or HTML block opened at `opener`, or undefined when the line leaves
   * the opener's container (a shallower blockquote, or less indentation than its list item's content).
   */
  private leafLine(i: number, opener: Line): { content: number; end: number; blank: boolean } | undefined {
    const end = this.raw[i][1];
    const quote = this.quotes(i);
    const { columns, at } = this.indentation(quote.after, end);
    const blank = at >= end;
    if (quote.depth < opener.quoteDepth && !blank) return undefined;
    const column = this.listIndents.length ? this.listIndents[this.listIndents.length - 1] : 0;
    if (column > 0 && !blank && columns < column) return undefined;
    return { content: at, end, blank };
  }

  private lineText(line: Line): string {
    return this.text.slice(line.content, line.end);
  }

  // ---- blocks --------------------------------------------------------------------------------------

  private blocks(): void {
    let para: Line[] = [];
    let table: ScannedTable | undefined;
    let tableQuote = 0;
    const flushPara = () => {
      if (para.length) this.paragraph(para);
      para = [];
    };
    let pending: Line | undefined;
    for (let i = 0; i < this.raw.length; i++) {
      const line = pending ?? this.line(i);
      pending = undefined;
      const content = this.lineText(line);
      if (line.blank) {
        flushPara();
        table = undefined;
        continue;
      }
      const trimmed = content.trimEnd();
      if (line.listItem) flushPara(); // a new list item ends the previous item's paragraph
      if (table && line.quoteDepth === tableQuote && !this.startsBlock(trimmed, line)) {
        table.rows.push(this.row(line));
        table.end = line.end;
        continue;
      }
      table = undefined;
      if (line.indent >= 4 && para.length === 0) continue; // indented code
      if (para.length && line.quoteDepth < para[para.length - 1].quoteDepth && !line.listItem && !this.startsBlock(trimmed, line)) {
        para.push(line); // lazy continuation
        continue;
      }
      const fence = line.indent < 4 ? FENCE.exec(trimmed) : null;
      if (fence && !(fence[1][0] === '`' && trimmed.slice(fence[1].length).includes('`'))) {
        flushPara();
        i = this.skipFence(i, fence[1], line);
        continue;
      }
      const atx = line.indent < 4 ? ATX.exec(trimmed) : null;
      if (atx) {
        flushPara();
        this.atxHeading(line, atx[1].length);
        continue;
      }
      if (para.length && line.indent < 4 && SETEXT.test(trimmed) && !line.listItem && line.quoteDepth === para[0].quoteDepth) {
        this.setextHeading(para, line, trimmed[0] === '=' ? 1 : 2);
        para = [];
        continue;
      }
      if (line.indent < 4 && THEMATIC.test(trimmed)) {
        flushPara();
        continue;
      }
      const html = line.indent < 4 ? HTML_START.find(([start, , interrupts]) => start.test(trimmed) && (interrupts || para.length === 0)) : undefined;
      if (html) {
        flushPara();
        const last = this.skipHtml(i, html[1], line);
        this.out.html.push([line.content, this.raw[Math.min(last, this.raw.length - 1)][1]]);
        i = last;
        continue;
      }
      if (i + 1 < this.raw.length && line.indent < 4) {
        // Look at the next line (committing its container state: it is processed next either way).
        const next = this.line(i + 1);
        const header = !next.blank && next.quoteDepth === line.quoteDepth ? this.delimiterMatch(line, next) : undefined;
        if (header) {
          flushPara();
          table = { header, rows: [], start: line.content, end: next.end };
          tableQuote = line.quoteDepth;
          this.out.tables.push(table);
          i++;
          continue;
        }
        pending = next;
      }
      if (para.length === 0 && this.definition(line)) continue;
      para.push(line);
    }
    flushPara();
  }

  /** Whether a line would start a block that ends a table (a table otherwise swallows it as a row). */
  private startsBlock(trimmed: string, line: Line): boolean {
    if (line.indent >= 4) return false;
    if (ATX.test(trimmed) || THEMATIC.test(trimmed) || line.listItem) return true;
    const fence = FENCE.exec(trimmed);
    if (fence) return true;
    return HTML_START.some(([start, , interrupts]) => interrupts && start.test(trimmed));
  }

  /** Skips a fenced code block; returns the index of its last line. */
  private skipFence(i: number, open: string, opener: Line): number {
    const close = new RegExp(`^${open[0] === '`' ? '`' : '~'}{${open.length},}[ \\t]*$`);
    for (let j = i + 1; j < this.raw.length; j++) {
      const line = this.leafLine(j, opener);
      if (!line) return j - 1;
      if (!line.blank && close.test(this.text.slice(line.content, line.end).trim()) && this.indentation(this.quotes(j).after, line.end).columns - (this.listIndents.at(-1) ?? 0) < 4) return j;
    }
    return this.raw.length;
  }

  /** Skips an HTML block; returns the index of its last line. */
  private skipHtml(i: number, end: RegExp | 'blank', opener: Line): number {
    if (end !== 'blank' && end.test(this.text.slice(opener.content, opener.end))) return i;
    for (let j = i + 1; j < this.raw.length; j++) {
      const line = this.leafLine(j, opener);
      if (!line || (end === 'blank' && line.blank)) return j - 1;
      if (end !== 'blank' && end.test(this.text.slice(line.content, line.end))) return j;
    }
    return this.raw.length;
  }

  private atxHeading(line: Line, depth: number): void {
    let start = line.content + depth;
    let end = line.end;
    const { text } = this;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    // A closing sequence of #s preceded by a space is not part of the text.
    let hashes = end;
    while (hashes > start && text[hashes - 1] === '#') hashes--;
    if (hashes < end && (hashes === start || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) end = hashes;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    this.inline(start, end);
    this.out.headings.push({ depth, text: this.plainText(start, end).trim(), start: line.content, end: line.end });
  }

  private setextHeading(para: Line[], underline: Line, depth: number): void {
    const segments = para.map((l) => this.trimSegment(l.content, l.end));
    this.inlineSegments(segments);
    const text = segments.map(([s, e]) => this.plainText(s, e).trim()).join('\n');
    this.out.headings.push({ depth, text, start: para[0].content, end: underline.end });
  }

  private paragraph(para: Line[]): void {
    this.inlineSegments(para.map((l) => this.trimSegment(l.content, l.end)));
  }

  /**
   * The lines of one paragraph: all prose first, then scanned in order, each resuming where a construct of the
   * line before ended (a link or comment running onto the next line keeps its destination out of the prose).
   */
  private inlineSegments(segments: [number, number][]): void {
    for (const [s, e] of segments) this.mask.fill(1, s, e);
    let resume = 0;
    for (const [s, e] of segments) resume = this.inline(Math.max(s, resume), e, segments, false);
  }

  private trimSegment(start: number, end: number): [number, number] {
    const { text } = this;
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    return [start, end];
  }

  /** `[label]: destination` at the start of a paragraph: a link, not prose. */
  private definition(line: Line): boolean {
    const m = DEFINITION.exec(this.text.slice(line.content, line.end));
    if (!m || !m[1].trim()) return false;
    const dest = m[2].startsWith('<') ? m[2].slice(1, -1) : m[2];
    this.out.links.push({ target: unescape(dest), start: line.content, end: line.end, image: false });
    return true;
  }

  // ---- tables --------------------------------------------------------------------------------------

  private delimiterMatch(headerLine: Line, delimiterLine: Line): ScannedCell[] | undefined {
    if (headerLine.indent >= 4 || delimiterLine.indent >= 4) return undefined;
    const header = this.text.slice(headerLine.content, headerLine.end);
    const delimiter = this.text.slice(delimiterLine.content, delimiterLine.end).trim();
    if (!delimiter.includes('-') || !/^[|:\-\s]+$/.test(delimiter)) return undefined;
    if (!header.includes('|') && !delimiter.includes('|')) return undefined;
    const delimiterCells = splitCells(delimiter, 0).map(([s, e]) => delimiter.slice(s, e).trim());
    if (!delimiterCells.every((c) => DELIMITER_CELL.test(c))) return undefined;
    const cells = splitCells(header, headerLine.content);
    if (cells.length !== delimiterCells.length) return undefined;
    return cells.map(([s, e]) => this.cell(s, e));
  }

  private row(line: Line): ScannedRow {
    const cells = splitCells(this.text.slice(line.content, line.end), line.content).map(([s, e]) => this.cell(s, e));
    return { cells, start: line.content, end: line.end };
  }

  private cell(start: number, end: number): ScannedCell {
    const [s, e] = this.trimSegment(start, end);
    const before = this.out.links.length;
    this.inline(s, e);
    const links = this.out.links.slice(before);
    const range = s < e ? [s, e] : [start, end];
    return { text: this.plainText(s, e).trim(), start: range[0], end: range[1], links };
  }

  // ---- inlines -------------------------------------------------------------------------------------

  /**
   * Marks [start, end) as prose, then unmarks code spans, HTML and link destinations, recording links.
   * `segments` are the other lines of the same paragraph, across which a link's text may run.
   */
  private inline(start: number, end: number, segments?: [number, number][], fill = true): number {
    const { text, mask } = this;
    if (fill) mask.fill(1, start, end);
    const limit = segments ? segments[segments.length - 1][1] : end;
    let i = start;
    while (i < end) {
      const ch = text.charCodeAt(i);
      if (ch === 92 /* \ */ && i + 1 < end && PUNCTUATION.test(text[i + 1])) {
        i += 2;
      } else if (ch === 96 /* ` */) {
        i = this.codeSpan(i, limit); // a code span may run onto the next line of the paragraph
      } else if (ch === 60 /* < */) {
        const rest = text.slice(i, Math.min(limit, i + 2000));
        const auto = AUTOLINK.exec(rest);
        const html = auto ? null : INLINE_HTML.exec(rest);
        if (auto) {
          this.out.links.push({ target: auto[1].includes(':') ? auto[1] : `mailto:${auto[1]}`, start: i, end: i + auto[0].length, image: false });
          mask.fill(0, i, i + auto[0].length);
          i += auto[0].length;
        } else if (html) {
          mask.fill(0, i, i + html[0].length);
          if (html[0].startsWith('<!--')) this.out.html.push([i, i + html[0].length]);
          i += html[0].length;
        } else i++;
      } else if (ch === 91 /* [ */ || (ch === 33 /* ! */ && text.charCodeAt(i + 1) === 91)) {
        i = this.link(i, ch === 33, limit);
      } else i++;
    }
    return i;
  }

  private codeSpan(i: number, end: number): number {
    const { text } = this;
    let run = i;
    while (run < end && text.charCodeAt(run) === 96) run++;
    const length = run - i;
    let j = run;
    while (j < end) {
      if (text.charCodeAt(j) !== 96) {
        j++;
        continue;
      }
      let k = j;
      while (k < end && text.charCodeAt(k) === 96) k++;
      if (k - j === length) {
        this.mask.fill(0, i, k);
        return k;
      }
      j = k;
    }
    return run; // no closing run: the backticks are literal
  }

  /** `[text](dest)`, `![alt](dest)`, `[text][ref]`; returns where scanning continues. */
  private link(i: number, image: boolean, limit: number): number {
    const { text, mask } = this;
    const open = image ? i + 1 : i;
    const close = this.matchingBracket(open, limit);
    if (close < 0) return open + 1;
    if (text.charCodeAt(close + 1) === 40 /* ( */) {
      const dest = parseDestination(text, close + 2, limit);
      if (dest) {
        this.out.links.push({ target: unescape(dest.target), start: i, end: dest.end, image });
        if (image) mask.fill(0, i, dest.end);
        else {
          mask.fill(0, close, dest.end);
          mask[open] = 0;
          this.inlineNested(open + 1, close);
        }
        return dest.end;
      }
    }
    // Reference links: `[text][label]`, `[label][]` and `[label]`, when the label is defined.
    let refEnd = -1;
    if (text.charCodeAt(close + 1) === 91 /* [ */) {
      const end = text.indexOf(']', close + 2);
      if (end > 0 && end < limit) {
        const label = end === close + 2 ? text.slice(open + 1, close) : text.slice(close + 2, end);
        if (this.labels.has(normaliseLabel(label))) refEnd = end + 1;
      }
    } else if (this.labels.has(normaliseLabel(text.slice(open + 1, close)))) refEnd = close + 1;
    if (refEnd > 0) {
      mask.fill(0, close, refEnd);
      if (image) mask.fill(0, i, close);
      else {
        mask[open] = 0;
        this.inlineNested(open + 1, close);
      }
      this.references.push([i, refEnd]);
      return refEnd;
    }
    return open + 1;
  }

  /**
   * The `]` matching the `[` at `open`, or -1. Brackets of a whole run of text are matched once with a stack
   * (escapes and code spans skipped), so thousands of unmatched `[` cost linear time, not quadratic.
   */
  private matchingBracket(open: number, limit: number): number {
    if (!this.brackets || open < this.brackets.start || limit > this.brackets.end) {
      const match = new Map<number, number>();
      const stack: number[] = [];
      const { text } = this;
      const start = open;
      for (let j = start; j < limit; j++) {
        const c = text.charCodeAt(j);
        if (c === 92) j++;
        else if (c === 96) j = this.skipCode(j, limit) - 1;
        else if (c === 91) stack.push(j);
        else if (c === 93 && stack.length) match.set(stack.pop()!, j);
      }
      this.brackets = { start, end: limit, match };
    }
    return this.brackets.match.get(open) ?? -1;
  }

  /** Code spans and HTML inside a link's text still hide their content. */
  private inlineNested(start: number, end: number): void {
    let i = start;
    while (i < end) {
      const ch = this.text.charCodeAt(i);
      if (ch === 33 && this.text.charCodeAt(i + 1) === 91) i = this.link(i, true, end);
      else if (ch === 96) i = this.codeSpan(i, end);
      else if (ch === 92) i += 2;
      else if (ch === 60) {
        const html = INLINE_HTML.exec(this.text.slice(i, end));
        if (html) {
          this.mask.fill(0, i, i + html[0].length);
          i += html[0].length;
        } else i++;
      } else i++;
    }
  }

  private skipCode(i: number, end: number): number {
    const { text } = this;
    let run = i;
    while (run < end && text.charCodeAt(run) === 96) run++;
    const close = text.indexOf(text.slice(i, run), run);
    return close > 0 && close < end ? close + (run - i) : run;
  }

  /** Text as mdast's toString would give it: markup removed; code span content, link text and inline HTML kept. */
  private plainText(start: number, end: number): string {
    const { text } = this;
    let out = '';
    let i = start;
    while (i < end) {
      const c = text[i];
      if (c === '\\' && i + 1 < end && PUNCTUATION.test(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (c === '`') {
        const close = this.skipCode(i, end);
        let run = i;
        while (run < end && text[run] === '`') run++;
        if (close === run) {
          out += text.slice(i, run);
          i = run;
          continue;
        }
        let inner = text.slice(run, close - (run - i)).replace(/\r?\n/g, ' ');
        if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim()) inner = inner.slice(1, -1);
        out += inner;
        i = close;
      } else if (c === '<') {
        const rest = text.slice(i, Math.min(end, i + 2000));
        const auto = AUTOLINK.exec(rest);
        const html = auto ? null : INLINE_HTML.exec(rest);
        if (auto) {
          out += auto[1];
          i += auto[0].length;
        } else if (html) {
          out += html[0]; // mdast's toString keeps inline HTML as written
          i += html[0].length;
        } else {
          out += c;
          i++;
        }
      } else if ((c === '[' || (c === '!' && text[i + 1] === '[')) && this.mask[c === '!' ? i + 1 : i] === 0 && this.linkEnd(i, end) > i) {
        const linkEnd = this.linkEnd(i, end);
        const open = c === '!' ? i + 1 : i;
        let close = open;
        let depth = 0;
        for (; close < linkEnd; close++) {
          if (text[close] === '\\') close++;
          else if (text[close] === '[') depth++;
          else if (text[close] === ']' && --depth === 0) break;
        }
        out += this.plainText(open + 1, close);
        i = linkEnd;
      } else if (c === '&' && ENTITY.test(text.slice(i, i + 12))) {
        const m = ENTITY.exec(text.slice(i, i + 12))!;
        out += decodeEntity(m[0]);
        i += m[0].length;
      } else if (c === '*' || c === '~' || (c === '_' && isFlankingUnderscore(text, i, start, end))) {
        i++;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  /** End of the link starting at `i` that `link()` recorded, or -1. */
  private linkEnd(i: number, end: number): number {
    const found = this.out.links.find((l) => l.start === i && l.end <= end);
    if (found) return found.end;
    return this.references.find(([s, e]) => s === i && e <= end)?.[1] ?? -1;
  }

  private buildProse(): string {
    const { text, mask } = this;
    const parts: string[] = [];
    let i = 0;
    while (i < text.length) {
      let j = i;
      const on = mask[i];
      while (j < text.length && mask[j] === on) j++;
      parts.push(on ? text.slice(i, j) : ' '.repeat(j - i));
      i = j;
    }
    return parts.join('');
  }
}

/** Cell boundaries of a table row: split on unescaped pipes, without the optional outer pipes. */
function splitCells(row: string, offset: number): [number, number][] {
  const cells: [number, number][] = [];
  let start = 0;
  let end = row.length;
  while (start < end && /\s/.test(row[start])) start++;
  while (end > start && /\s/.test(row[end - 1])) end--;
  if (row[start] === '|') start++;
  if (end > start && row[end - 1] === '|' && row[end - 2] !== '\\') end--;
  let cellStart = start;
  for (let i = start; i < end; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') {
      cells.push([offset + cellStart, offset + i]);
      cellStart = i + 1;
    }
  }
  cells.push([offset + cellStart, offset + end]);
  return cells;
}

/** A link destination and optional title after `(`, up to the closing `)`. */
function parseDestination(text: string, i: number, limit: number): { target: string; end: number } | undefined {
  while (i < limit && /[ \t\n\r]/.test(text[i])) i++;
  let target: string;
  if (text[i] === '<') {
    const close = text.indexOf('>', i + 1);
    if (close < 0 || close >= limit || text.slice(i + 1, close).includes('\n')) return undefined;
    target = text.slice(i + 1, close);
    i = close + 1;
  } else {
    let depth = 0;
    const start = i;
    for (; i < limit; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (/[\s\x00-\x1f]/.test(c)) break;
    }
    target = text.slice(start, i);
  }
  while (i < limit && /[ \t\n\r]/.test(text[i])) i++;
  if (text[i] === '"' || text[i] === "'" || text[i] === '(') {
    const closer = text[i] === '(' ? ')' : text[i];
    let j = i + 1;
    for (; j < limit && text[j] !== closer; j++) if (text[j] === '\\') j++;
    if (j >= limit) return undefined;
    i = j + 1;
    while (i < limit && /[ \t\n\r]/.test(text[i])) i++;
  }
  if (text[i] !== ')') return undefined;
  return { target, end: i + 1 };
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp|copy|reg|trade|mdash|ndash|hellip|lsquo|rsquo|ldquo|rdquo|times|middot|bull|euro|pound|sect|deg|plusmn|rarr|larr|check);/;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', times: '×', middot: '·', bull: '•', euro: '€', pound: '£',
  sect: '§', deg: '°', plusmn: '±', rarr: '→', larr: '←', check: '✓',
};

/** The common HTML character references; others stay as written. */
function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body[0] !== '#') return NAMED_ENTITIES[body] ?? entity;
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function unescape(s: string): string {
  return s.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}

/** An underscore that opens or closes emphasis (not one inside a word such as snake_case). */
function isFlankingUnderscore(text: string, i: number, start: number, end: number): boolean {
  let a = i;
  while (a > start && text[a - 1] === '_') a--;
  let b = i;
  while (b < end && text[b] === '_') b++;
  const before = a > start ? text[a - 1] : ' ';
  const after = b < end ? text[b] : ' ';
  const word = /[\p{L}\p{N}]/u;
  return !(word.test(before) && word.test(after));
}
