// What the audit pack's writer (writePack.ts) hands the PDF and Excel renderers, which live in a bundle of their
// own (dist/exportFormats.js, loaded only when a pack is exported: pdfmake and exceljs are most of its size).
import type { Root as HastRoot } from 'hast';

/** The pack's folders, one per clause area, as an auditor's evidence locker is laid out. */
export const AREAS = {
  context: '1-scope-and-context',
  policies: '2-policies',
  risk: '3-risk-assessment-and-treatment',
  operation: '4-support-and-operation',
  evaluation: '5-performance-evaluation',
  improvement: '6-improvement',
} as const;
export type Area = (typeof AREAS)[keyof typeof AREAS];

export const WORKBOOKS = {
  soa: `${AREAS.risk}/statement-of-applicability.xlsx`,
  risks: `${AREAS.risk}/risk-register.xlsx`,
  findings: 'findings.xlsx',
} as const;

/** The top-level entries of a pack: an earlier pack's are removed before a new one is written, so none goes stale. */
export const PACK_ENTRIES: readonly string[] = ['index.html', 'manifest.json', WORKBOOKS.findings, 'files', ...Object.values(AREAS)];

/** A file (or symbolic link) found in a folder a pack is to be written into, by its path in the pack. */
export interface PackEntry {
  path: string;
  link: boolean;
}

/**
 * Whether the non-empty folder `dir` (its entries and its manifest.json's text) holds an earlier pack that a new
 * one may replace: every entry a file that manifest (one this tool wrote) lists, none a symbolic link, which
 * could lead the pack's writes anywhere on the disk. Then only those files are the pack's to remove.
 */
export function earlierPack(dir: string, entries: readonly PackEntry[], manifestText: string | undefined): { remove: string[] } | { refused: string } {
  const link = entries.find((e) => e.link);
  if (link) return { refused: `${dir}/${link.path} is a symbolic link; a pack is never written through one. Choose an empty folder.` };
  let listed: unknown[] | undefined;
  try {
    const parsed = JSON.parse(manifestText ?? '') as Partial<PackManifest>;
    if (typeof parsed.tool === 'string' && parsed.tool.startsWith('ISMS Markdown') && Array.isArray(parsed.files)) listed = parsed.files;
  } catch {
    listed = undefined;
  }
  if (!listed) return { refused: `${dir} is not empty and holds no earlier audit pack (no manifest.json of one); nothing was written. Choose an empty folder.` };
  const own = new Set(['manifest.json', ...listed.map((f) => String((f as { path?: unknown }).path))]);
  const foreign = entries.filter((e) => !own.has(e.path) || !PACK_ENTRIES.includes(e.path.split('/')[0]));
  if (foreign.length) {
    const shown = foreign.slice(0, 3).map((e) => e.path).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    return { refused: `${dir} holds an earlier audit pack, but also files its manifest.json does not list (${shown}); nothing was written or removed. Move them out, or choose an empty folder.` };
  }
  // The manifest last, so a pack interrupted while being removed is still recognised as one.
  return { remove: [...entries.map((e) => e.path).filter((p) => p !== 'manifest.json'), 'manifest.json'] };
}

/** The folders holding `paths`, deepest first (to remove those an earlier pack leaves empty). */
export function foldersOf(paths: readonly string[]): string[] {
  const folders = new Set(paths.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
}

export const EXPORT_FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One document as a PDF: the preview's sanitised tree, with a header card, a footer and the file's metadata. */
export interface PdfSpec {
  info: { title: string; author?: string; subject: string; keywords?: string };
  /** The header card: kind and ID above the title, then label/value facts. */
  card: { kind?: string; id?: string; title: string; facts: [string, string][] };
  /** Left of "page N of M" on every page, e.g. "POL-001 · version 1.2". */
  footer: string;
  tree: HastRoot;
  /** Where each clickable element (`data-isms-target`) leads, relative to the PDF. */
  targets: Record<string, { uri: string }>;
  /** Images inside the workspace, by the `src` written in the document (PNG and JPEG bytes). */
  images: Record<string, Uint8Array>;
}

export interface WorkbookColumn {
  header: string;
  /** In characters. */
  width: number;
  /** Data validation: the values a cell of this column may take. */
  list?: readonly string[];
}

export interface WorkbookCell {
  value: string | number | undefined;
  /** A hyperlink, relative to the workbook. */
  link?: string;
  /** Background colour, RRGGBB. */
  fill?: string;
}

export interface WorkbookSheet {
  name: string;
  columns: WorkbookColumn[];
  rows: (WorkbookCell | string | number | undefined)[][];
  /** A line under the table (e.g. what the colours mean). */
  note?: string;
}

export interface WorkbookSpec {
  title: string;
  sheets: WorkbookSheet[];
}

/** The lazily loaded renderers. */
export interface FormatRenderers {
  pdf(spec: PdfSpec): Promise<Uint8Array>;
  workbook(spec: WorkbookSpec): Promise<Uint8Array>;
}

/** Where a pack is written: files by pack-relative path, whole or (index.html) piece by piece. */
export interface PackSink {
  write(path: string, data: string | Uint8Array): Promise<void>;
  open(path: string): Promise<PackStream>;
  /** Every file written so far, with its size and SHA-256 (for the manifest). */
  written(): Promise<PackManifest['files']>;
  /**
   * Removes every file written or opened so far and the folders that leaves empty: a cancelled or failed export
   * leaves no partial pack behind (which the next export into that folder would refuse as someone's files).
   */
  discard(): Promise<void>;
}

export interface PackStream {
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
}

/** manifest.json: what the auditor checks the pack against (`isms export --verify`). */
export interface PackManifest {
  tool: string;
  name: string;
  exportedAt: string;
  /** The ISMS's git commit, when it is in git. */
  commit: string | null;
  formats: ExportFormat[];
  documents: number;
  findings: number;
  suppressed: number;
  files: { path: string; bytes: number; sha256: string }[];
}
