// One ISMS document as a PDF, laid out by pdfmake from the preview's sanitised HTML tree (so the PDF says what the
// preview shows): header card, headings, paragraphs, lists, GFM tables (split across pages, header row repeated),
// code, links kept as links, workspace images embedded; a footer with the ID, version and "page N of M" on every
// page, and the PDF's own title, author and subject. The fonts (Roboto, shipped with pdfmake, Apache-2.0) are
// embedded, so the PDF reads the same everywhere.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import pdfmake from 'pdfmake';
import PdfMakeDocument from 'pdfmake/js/PDFDocument';
import robotoRegular from 'pdfmake/fonts/Roboto/Roboto-Regular.ttf';
import robotoMedium from 'pdfmake/fonts/Roboto/Roboto-Medium.ttf';
import robotoItalic from 'pdfmake/fonts/Roboto/Roboto-Italic.ttf';
import robotoMediumItalic from 'pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf';
import type { PdfSpec } from '../engine/export/types';

type Inline = string | { text: Inline[] | string; bold?: boolean; italics?: boolean; decoration?: string; link?: string; color?: string; background?: string; fontSize?: number };
type Block = Record<string, unknown> | string;

const LINK = '#0550ae';
const MUTED = '#59636e';
const BORDER = '#d0d7de';

let fontsReady = false;
function setUpFonts(): void {
  if (fontsReady) return;
  const files = { 'Roboto-Regular.ttf': robotoRegular, 'Roboto-Medium.ttf': robotoMedium, 'Roboto-Italic.ttf': robotoItalic, 'Roboto-MediumItalic.ttf': robotoMediumItalic };
  for (const [name, bytes] of Object.entries(files)) pdfmake.virtualfs.writeFileSync(name, Buffer.from(bytes));
  pdfmake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } });
  // Everything the PDF holds is handed in: it never fetches a URL or reads a file by itself.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  shareFonts();
  fontsReady = true;
}

/** pdfkit's embedded font (the fields this module touches). */
interface EmbeddedFont {
  font: { createSubset(): unknown };
  subset: unknown;
  layoutCache?: Record<string, unknown>;
}

/** Each font's parsed tables and the words laid out so far, shared by the PDFs of one process. */
const sharedFonts = new Map<string, { font: EmbeddedFont['font']; layoutCache?: Record<string, unknown>; documents: number }>();

/**
 * pdfmake parses each font anew for every PDF (pdfkit opens it per document), and fontkit then decodes the
 * substitution and positioning tables again the first time a word is laid out: on an audit pack of a few hundred
 * documents that was most of the PDF time (issue 16). Every document still gets its own subset (the glyphs it
 * embeds); the parsed font and the words already laid out are shared. The cache of laid-out words starts afresh
 * every 500 documents, so a large pack's vocabulary does not pile up.
 */
function shareFonts(): void {
  const proto = PdfMakeDocument.prototype as { provideFont(this: PdfMakeDoc, family: string, bold: boolean, italics: boolean): EmbeddedFont; getFontType(bold: boolean, italics: boolean): string };
  type PdfMakeDoc = { fontCache?: Record<string, Record<string, unknown>>; getFontType(bold: boolean, italics: boolean): string };
  const provide = proto.provideFont;
  proto.provideFont = function (family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const fresh = !this.fontCache?.[family]?.[type];
    const embedded = provide.call(this, family, bold, italics);
    if (!fresh) return embedded;
    const key = `${family}/${type}`;
    const shared = sharedFonts.get(key);
    if (!shared) {
      sharedFonts.set(key, { font: embedded.font, layoutCache: embedded.layoutCache, documents: 1 });
      return embedded;
    }
    if (++shared.documents % 500 === 0 && shared.layoutCache) shared.layoutCache = Object.create(null) as Record<string, unknown>;
    embedded.font = shared.font;
    embedded.subset = shared.font.createSubset();
    if (embedded.layoutCache) embedded.layoutCache = shared.layoutCache;
    return embedded;
  };
}

const classes = (el: Element): string[] => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Styles and links set on every leaf: pdfmake does not pass a link (nor every style) down to nested text. */
function styled(children: Inline[], props: { bold?: boolean; italics?: boolean; decoration?: string; link?: string; color?: string }): Inline[] {
  return children.map((c) => (typeof c === 'string' ? { ...props, text: c } : Array.isArray(c.text) ? { ...c, text: styled(c.text, props) } : { ...props, ...c }));
}

class Converter {
  constructor(private readonly spec: PdfSpec) {}

  private href(el: Element): string | undefined {
    const target = el.properties.dataIsmsTarget;
    if (typeof target === 'string') {
      const uri = this.spec.targets[target]?.uri;
      return uri && uri !== '#' ? uri : undefined;
    }
    const href = el.properties.href;
    return typeof href === 'string' && /^(https?:|mailto:)/i.test(href) ? href : undefined;
  }

  inlines(nodes: readonly ElementContent[]): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      // A soft line break in Markdown is a space, as in the preview.
      if (node.type === 'text') out.push(node.value.replace(/\n/g, ' '));
      else if (node.type === 'element') out.push(...this.inline(node));
    }
    return out;
  }

  private inline(el: Element): Inline[] {
    const children = this.inlines(el.children);
    switch (el.tagName) {
      case 'strong':
      case 'b':
        return styled(children, { bold: true });
      case 'em':
      case 'i':
        return styled(children, { italics: true });
      case 'del':
      case 's':
        return styled(children, { decoration: 'lineThrough' });
      case 'code':
        return [{ text: textOf(el), background: '#eff1f3', fontSize: 9 }];
      case 'br':
        return ['\n'];
      case 'a': {
        const link = this.href(el);
        return link ? styled(children, { link, color: LINK, decoration: 'underline' }) : children;
      }
      case 'img':
        return [`[${typeof el.properties.alt === 'string' ? el.properties.alt : 'image'}]`];
      case 'input':
        return [el.properties.checked ? '☑ ' : '☐ '];
      default:
        // "A.5.34 Privacy and protection…": the preview's stylesheet spaces a reference's title from its ID.
        return classes(el).includes('isms-ref-title') ? [' ', ...children] : children;
    }
  }

  blocks(nodes: readonly ElementContent[]): Block[] {
    const out: Block[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      const inl = this.inlines(run);
      if (inl.some((i) => typeof i !== 'string' || i.trim())) out.push({ text: inl, margin: [0, 0, 0, 4] });
      run = [];
    };
    for (const node of nodes) {
      if (node.type === 'element' && this.isBlock(node)) {
        flush();
        out.push(...this.block(node));
      } else if (node.type === 'text' || node.type === 'element') {
        run.push(node);
      }
    }
    flush();
    return out;
  }

  private isBlock(el: Element): boolean {
    return /^(p|h[1-6]|ul|ol|li|table|pre|blockquote|hr|div|section|details|summary|dl|dt|dd)$/.test(el.tagName) || (el.tagName === 'img' && typeof el.properties.src === 'string' && !!this.spec.images[el.properties.src]);
  }

  private block(el: Element): Block[] {
    const tag = el.tagName;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const depth = Number(heading[1]);
      return [{ text: this.inlines(el.children), fontSize: [18, 15, 13, 11.5, 10.5, 10][depth - 1], bold: true, margin: [0, depth <= 2 ? 12 : 8, 0, 4], headlineLevel: depth }];
    }
    switch (tag) {
      case 'p':
        return this.paragraph(el);
      case 'ul':
      case 'ol': {
        const items = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li').map((li) => {
          const content = this.blocks(li.children);
          return content.length === 1 ? content[0] : { stack: content };
        });
        if (items.length === 0) return [];
        return [{ [tag]: items, margin: [0, 0, 0, 6] }];
      }
      case 'table':
        return this.table(el);
      case 'pre':
        return [{ table: { widths: ['*'], body: [[{ text: textOf(el).replace(/\n$/, ''), fontSize: 8.5, preserveLeadingSpaces: true, fillColor: '#f6f8fa' }]] }, layout: 'noBorders', margin: [0, 2, 0, 8] }];
      case 'blockquote':
        return [{ table: { widths: ['*'], body: [[{ stack: this.blocks(el.children), color: MUTED }]] }, layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2 : 0), vLineColor: () => BORDER, paddingLeft: () => 8 }, margin: [0, 2, 0, 8] }];
      case 'hr':
        return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5, lineColor: BORDER }], margin: [0, 6, 0, 6] }];
      case 'img':
        return [{ image: `data:image/${this.spec.images[String(el.properties.src)][0] === 0x89 ? 'png' : 'jpeg'};base64,${Buffer.from(this.spec.images[String(el.properties.src)]).toString('base64')}`, fit: [480, 360], margin: [0, 4, 0, 8] }];
      case 'summary':
        return [{ text: this.inlines(el.children), bold: true, margin: [0, 10, 0, 4] }];
      default: {
        // div, section, details, dl: their content in order; the SoA summary and heat map have a title line.
        if (classes(el).includes('isms-summary-title') || classes(el).includes('isms-fact-label')) return [{ text: this.inlines(el.children), bold: true, margin: [0, 8, 0, 4] }];
        return this.blocks(el.children);
      }
    }
  }

  private paragraph(el: Element): Block[] {
    // An image alone in a paragraph is a figure of its own.
    const out: Block[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.length) out.push({ text: this.inlines(run), margin: [0, 0, 0, 6] });
      run = [];
    };
    for (const c of el.children) {
      if (c.type === 'element' && c.tagName === 'img' && this.isBlock(c)) {
        flush();
        out.push(...this.block(c));
      } else run.push(c);
    }
    flush();
    return out;
  }

  private table(el: Element): Block[] {
    const rows: { cells: Element[]; header: boolean }[] = [];
    const collect = (node: Element, header: boolean) => {
      for (const c of node.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'tr') rows.push({ cells: c.children.filter((x): x is Element => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th')), header });
        else collect(c, header || c.tagName === 'thead');
      }
    };
    collect(el, false);
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    if (width === 0) return [];
    const headerRows = rows.findIndex((r) => !r.header);
    const heat = classes(el).includes('isms-heatmap');
    // Columns as wide as their text asks, sharing the page's 515 points, none narrower than its longest word.
    const fontSize = width > 6 ? 7.5 : 9;
    const texts = (j: number) => rows.map((r) => (r.cells[j] ? textOf(r.cells[j]) : ''));
    const minimum = Array.from({ length: width }, (_, j) => Math.min(110, 8 + fontSize * 0.58 * Math.max(2, ...texts(j).flatMap((t) => t.split(/\s+/).map((w) => w.length)))));
    const weights = Array.from({ length: width }, (_, j) => Math.min(40, Math.max(4, ...texts(j).map((t) => t.length))));
    // 8.5 points a column go to cell padding and rules.
    const room = 515 - width * 8.5;
    const spare = Math.max(0, room - minimum.reduce((a, b) => a + b, 0));
    const sum = weights.reduce((a, b) => a + b, 0);
    const wanted = weights.map((w, j) => minimum[j] + (w / sum) * spare);
    const scale = Math.min(1, room / wanted.reduce((a, b) => a + b, 0));
    const widths = wanted.map((w) => Math.floor(w * scale));
    const body = rows.map((r) => {
      const cells = r.cells.map((cell) => {
        const fill = heat ? heatFill(classes(cell)) : classes(cell).includes('isms-cell-bad') ? '#ffebe9' : undefined;
        return { stack: this.blocks(cell.children).map((b) => (typeof b === 'string' ? b : { ...b, margin: [0, 0, 0, 0] })), bold: r.header || cell.tagName === 'th', fillColor: fill ?? (r.header ? '#f6f8fa' : undefined) };
      });
      while (cells.length < width) cells.push({ stack: [], bold: false, fillColor: undefined });
      return cells;
    });
    return [
      {
        table: { headerRows: headerRows === -1 ? 0 : headerRows, dontBreakRows: false, widths, body },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => BORDER, vLineColor: () => BORDER },
        fontSize,
        margin: [0, 2, 0, 8],
      },
    ];
  }
}

const heatFill = (c: string[]) => (c.includes('isms-heat-high') ? '#f4b6b6' : c.includes('isms-heat-medium') ? '#fce8a6' : c.includes('isms-heat-low') ? '#c8e6c9' : undefined);

function headerCard(spec: PdfSpec): Block {
  const { card } = spec;
  const rows: Block[][] = [];
  for (let i = 0; i < card.facts.length; i += 2) {
    const pair = card.facts.slice(i, i + 2);
    const cells: Block[] = pair.flatMap(([label, value]) => [{ text: label, color: MUTED, fontSize: 8.5 }, { text: value, fontSize: 9.5 }]);
    rows.push(pair.length === 1 ? [...cells, '', ''] : cells);
  }
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: [card.kind ?? 'Document', card.id ? `  ·  ${card.id}` : ''].join(''), color: MUTED, fontSize: 9 },
              { text: card.title, fontSize: 17, bold: true, margin: [0, 2, 0, 6] },
              { table: { widths: [70, '*', 70, '*'], body: rows }, layout: 'noBorders' },
            ],
            fillColor: '#f6f8fa',
            margin: [8, 8, 8, 8],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.75, vLineWidth: () => 0.75, hLineColor: () => BORDER, vLineColor: () => BORDER },
    margin: [0, 0, 0, 12],
  };
}

export async function renderPdf(spec: PdfSpec): Promise<Uint8Array> {
  setUpFonts();
  const converter = new Converter(spec);
  const content = [headerCard(spec), ...converter.blocks((spec.tree as HastRoot).children.filter((c): c is ElementContent => c.type === 'element' || c.type === 'text'))];
  const definition = {
    info: { ...spec.info, creator: 'ISMS Markdown', producer: 'ISMS Markdown (pdfmake)' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    content,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: spec.footer, color: MUTED, fontSize: 8 },
        { text: `page ${currentPage} of ${pageCount}`, alignment: 'right', color: MUTED, fontSize: 8 },
      ],
      margin: [40, 16, 40, 0],
    }),
  };
  const buffer: Buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
