// Writes the auditor's evidence pack, one document at a time (nothing holds the whole pack in memory):
//
//   index.html                          every document in reading order, the findings (as before)
//   1-scope-and-context/ … 6-improvement/  one PDF per ISMS document, in its clause area's folder
//   3-risk-assessment-and-treatment/statement-of-applicability.xlsx, risk-register.xlsx
//   findings.xlsx                       the checker's findings and suppressions
//   files/                              copies of the evidence files the documents link to
//   manifest.json                       SHA-256 of every file, commit, export date, findings count
//
// `isms export` and "ISMS: Export Audit Pack" both call writeAuditPack; each passes its own way of reading the
// ISMS and of writing the pack (PackSink), and the PDF/Excel renderers when it has them (a separate bundle).
import type { IsmsDocument } from '../model';
import { checkWorkspaceDetailed } from '../check';
import type { TextSource } from '../query/types';
import { reviewInfo, text as fieldText, type Linker } from '../query/ismsViews';
import { isMarkdownPath } from '../workspace/workspace';
import { findLinkTarget } from '../workspace/linkTarget';
import { slugify } from '../parse/slug';
import { referenceCache, renderPreviewTree, TYPE_LABELS, type ReferenceCache } from '../render/preview';
import { HtmlPack, docAnchor, packSections, type PackInput } from '../render/auditPack';
import { findingsWorkbook, riskWorkbook, soaWorkbook } from './workbooks';
import { WORKBOOKS, type Area, type ExportFormat, type FormatRenderers, type PackManifest, type PackSink, type PdfSpec } from './types';
import type { Element, Root as HastRoot, RootContent } from 'hast';

export interface WritePackInput extends Omit<PackInput, 'diagnostics' | 'suppressed'> {
  textOf: TextSource;
  /** Bytes of a workspace file (evidence copies, images in PDFs). */
  bytesOf(path: string): Promise<Uint8Array | undefined>;
  sink: PackSink;
  formats: ReadonlySet<ExportFormat>;
  /** The PDF and Excel renderers (loaded only now); required when `formats` has pdf or xlsx. */
  loadRenderers?(): Promise<FormatRenderers>;
  /** Called before each step; `done` of `total` steps. */
  progress?(message: string, done: number, total: number): void;
  /** Checked between documents: when true, writing stops with PackCancelled. */
  cancelled?(): boolean;
}

export interface WrittenPack {
  manifest: PackManifest;
  documents: number;
  findings: number;
  suppressed: number;
  evidenceFiles: number;
  /** "41 documents, 9 open findings, 0 suppressed, 1 evidence files copied, 41 PDFs, 3 workbooks". */
  summary: string;
}

export class PackCancelled extends Error {
  constructor() {
    super('The export was cancelled; the files it had written were removed.');
  }
}

/** Each document's PDF: `<area>/<path as a slug>.pdf`, unique within the pack. */
function pdfPaths(sections: { area: Area; docs: IsmsDocument[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of sections) {
    for (const d of s.docs) {
      const base = `${s.area}/${docAnchor(d.path).replace(/^doc-/, '') || slugify(d.title ?? 'document')}`;
      let path = `${base}.pdf`;
      for (let n = 2; taken.has(path); n++) path = `${base}-${n}.pdf`;
      taken.add(path);
      out.set(d.path, path);
    }
  }
  return out;
}

const evidencePath = (path: string) => `files/${path}`;
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Writes the pack; cancelled or failed, it removes what it had written (PackSink.discard) and throws. */
export async function writeAuditPack(input: WritePackInput): Promise<WrittenPack> {
  try {
    return await writePackFiles(input);
  } catch (e) {
    await input.sink.discard().catch(() => undefined);
    throw e;
  }
}

async function writePackFiles(input: WritePackInput): Promise<WrittenPack> {
  const { workspace, sink, formats } = input;
  const cancelled = () => {
    if (input.cancelled?.()) throw new PackCancelled();
  };
  const { diagnostics, suppressed } = checkWorkspaceDetailed(workspace, { today: input.today });
  const packInput: PackInput = { ...input, diagnostics, suppressed };
  const sections = packSections(workspace);
  const docs = sections.flatMap((s) => s.docs);
  const pdfs = pdfPaths(sections);
  const evidence = new Set<string>();
  const total = (formats.has('html') ? docs.length : 0) + (formats.has('pdf') ? docs.length : 0) + (formats.has('xlsx') ? 3 : 0) + 2;
  let done = 0;
  const step = (message: string) => input.progress?.(message, done++, total);
  const renderers = formats.has('pdf') || formats.has('xlsx') ? await input.loadRenderers?.() : undefined;
  if (!renderers && (formats.has('pdf') || formats.has('xlsx'))) throw new Error('PDF and Excel export are not available here (they need the Node.js build of ISMS Markdown).');

  /** Links from a file in the pack (`up`: from a clause-area folder) to a document or an evidence file. */
  const packLinker = (up: boolean): Linker => ({
    uri: (path) => {
      const prefix = up ? '../' : '';
      if (isMarkdownPath(path)) {
        if (!workspace.getDocument(path)) return '#';
        const pdf = formats.has('pdf') ? pdfs.get(path) : undefined;
        if (pdf) return prefix + encodePath(pdf);
        return formats.has('html') ? `${prefix}index.html#${docAnchor(path)}` : '#';
      }
      if (!workspace.hasFile(path)) return '#';
      evidence.add(path);
      return prefix + encodePath(evidencePath(path));
    },
  });

  if (formats.has('html')) {
    const html = new HtmlPack(packInput);
    const out = await input.sink.open('index.html');
    // One document at a time: each document's HTML is handed to the disk as soon as it is rendered, so neither
    // the text nor the trees it came from outlive it (held back in larger chunks, they outlived the young
    // generation and filled the old one with garbage: most of the export's garbage collection).
    await out.write(html.head(sections));
    for (const doc of docs) {
      cancelled();
      step(`index.html: ${doc.path}`);
      await out.write(html.document(doc, (await input.textOf(doc.path)) ?? ''));
    }
    await out.write(html.tail());
    await out.end();
    for (const path of html.evidence) evidence.add(path);
  }

  if (renderers && formats.has('pdf')) {
    const linker = packLinker(true);
    const references = referenceCache();
    for (const doc of docs) {
      cancelled();
      step(pdfs.get(doc.path)!);
      const spec = await pdfSpec(packInput, doc, (await input.textOf(doc.path)) ?? '', linker, input.bytesOf, references);
      await sink.write(pdfs.get(doc.path)!, await renderers.pdf(spec));
    }
  }

  if (renderers && formats.has('xlsx')) {
    cancelled();
    step(WORKBOOKS.soa);
    await sink.write(WORKBOOKS.soa, await renderers.workbook(soaWorkbook(workspace, packLinker(true))));
    step(WORKBOOKS.risks);
    await sink.write(WORKBOOKS.risks, await renderers.workbook(riskWorkbook(workspace, packLinker(true))));
    step(WORKBOOKS.findings);
    await sink.write(WORKBOOKS.findings, await renderers.workbook(findingsWorkbook(diagnostics, suppressed, packLinker(false))));
  }

  step('evidence files');
  let copied = 0;
  for (const path of [...evidence].sort()) {
    cancelled();
    const bytes = await input.bytesOf(path);
    if (!bytes) continue;
    await sink.write(evidencePath(path), bytes);
    copied++;
  }

  step('manifest.json');
  const manifest: PackManifest = {
    tool: `ISMS Markdown ${input.toolVersion}`,
    name: input.name,
    exportedAt: input.generatedAt.toISOString(),
    commit: input.commit ?? null,
    formats: [...formats],
    documents: docs.length,
    findings: diagnostics.length,
    suppressed: suppressed.length,
    files: (await sink.written()).sort((a, b) => a.path.localeCompare(b.path)),
  };
  await sink.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  const made = [
    formats.has('pdf') && `${docs.length} PDFs`,
    formats.has('xlsx') && '3 workbooks',
  ].filter(Boolean);
  return {
    manifest,
    documents: docs.length,
    findings: diagnostics.length,
    suppressed: suppressed.length,
    evidenceFiles: copied,
    summary: `${docs.length} documents, ${diagnostics.length} open findings, ${suppressed.length} suppressed, ${copied} evidence files copied${made.length ? `, ${made.join(', ')}` : ''}`,
  };
}

/** A document's PDF: the preview's tree (its own header card left out: the PDF draws one), card, footer, images. */
async function pdfSpec(input: PackInput, doc: IsmsDocument, text: string, linker: Linker, bytesOf: WritePackInput['bytesOf'], references: ReferenceCache): Promise<PdfSpec> {
  const { workspace, today } = input;
  const preview = renderPreviewTree({ workspace, path: doc.path, doc, text, today, findings: [], linker, references });
  const tree: HastRoot = { ...preview.tree, children: preview.tree.children.filter((c) => !hasClass(c, 'isms-card')) };
  const data = doc.frontmatter?.data ?? {};
  const owner = fieldText(data.owner);
  const version = fieldText(data.version);
  const review = reviewInfo(workspace, doc, today);
  const facts: [string, string][] = [
    ['Owner', owner ?? 'no owner'],
    ['Version', version ?? '–'],
    ['Status', fieldText(data.status) ?? '–'],
    ['Approved by', fieldText(data.approved_by) ?? '–'],
    ['Approved on', fieldText(data.approved_on) ?? '–'],
    ['Last review', fieldText(data.last_reviewed) ?? '–'],
    ['Next review', review.due ?? '–'],
  ];
  const kind = doc.type ? TYPE_LABELS[doc.type] : doc.declaredType;
  const images: Record<string, Uint8Array> = {};
  for (const src of imageSources(tree)) {
    const target = findLinkTarget(workspace, doc.path, decodeSrc(src));
    if (target.kind !== 'file' || target.path === doc.path) continue;
    const bytes = await bytesOf(target.path);
    if (bytes && (isPng(bytes) || isJpeg(bytes))) images[src] = bytes;
  }
  const title = doc.title ?? doc.path;
  return {
    info: { title: doc.id ? `${doc.id} ${title}` : title, author: owner, subject: `${kind ?? 'Document'} of the ISMS ${input.name} (${doc.path})`, keywords: [doc.id, doc.declaredType, 'ISMS', 'ISO/IEC 27001'].filter(Boolean).join(', ') },
    card: { kind, id: doc.id, title, facts },
    footer: [doc.id ?? doc.path, version && `version ${version}`].filter(Boolean).join(' · '),
    tree,
    targets: preview.targets,
    images,
  };
}

function hasClass(node: RootContent, name: string): boolean {
  const className = node.type === 'element' ? node.properties.className : undefined;
  return Array.isArray(className) && className.includes(name);
}

function imageSources(node: HastRoot | Element, found: string[] = []): string[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img' && typeof child.properties.src === 'string') found.push(child.properties.src);
    imageSources(child, found);
  }
  return found;
}

function decodeSrc(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
