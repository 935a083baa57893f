// The workspace index: every Markdown file parsed once into the document model, the set of all files (for
// link and evidence checks), and derived views (documents by ID, risks, SoA rows) rebuilt lazily after a change.
import type { Diagnostic, IsmsDocument, Reference, ReferenceKind } from '../model';
import { isIsmsDocument, START_RANGE } from '../model';
import { textProblem } from './textFile';
import { conventionsFrom, type Conventions } from '../adopt/conventions';
import type { IsmsConfig } from '../config/schema';
import { ControlCatalogs } from '../catalogs/catalog';
import { parseDocument } from '../parse/document';
import { riskIdMatcher } from '../parse/references';
import { readRisks, type Risk } from '../isms/risks';
import { readSoaRows, type SoaRow } from '../isms/soa';

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

interface Derived {
  byId: Map<string, IsmsDocument[]>;
  risks: Map<string, Risk[]>;
  soaRows: SoaRow[];
  soaByControl: Map<string, SoaRow[]>;
  references: Map<string, { doc: IsmsDocument; ref: Reference }[]>;
}

const refKey = (kind: ReferenceKind, id: string) => `${kind}:${id}`;

export class IsmsWorkspace {
  readonly catalogs: ControlCatalogs;
  readonly riskMatcher: RegExp;
  private readonly conventions: Conventions;
  private readonly docs = new Map<string, IsmsDocument>();
  private readonly files = new Set<string>();
  private readonly problems = new Map<string, Diagnostic>();
  private derived: Derived | undefined;

  constructor(
    readonly config: IsmsConfig,
    /** Problems with the configuration itself (reported by the `config-invalid` rule). */
    readonly configDiagnostics: Diagnostic[] = [],
    /** Path of the configuration file, when there is one, for workspace-level diagnostics. */
    readonly configPath?: string,
  ) {
    this.catalogs = new ControlCatalogs(config.catalogs, config.customControls);
    this.conventions = conventionsFrom(config);
    this.riskMatcher = riskIdMatcher(config.riskIdPattern);
  }

  /** Parses (or re-parses) one Markdown file. */
  setMarkdown(path: string, text: string): IsmsDocument | undefined {
    let doc: IsmsDocument;
    try {
      doc = parseDocument(path, text, { riskIdPattern: this.config.riskIdPattern, conventions: this.conventions });
    } catch (e) {
      // The parser is built never to throw; should it, one file is reported instead of the server failing.
      this.setFileProblem(path, { path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message: `File could not be parsed (${(e as Error)?.message ?? e}); please report this.` });
      return undefined;
    }
    this.docs.set(path, doc);
    this.files.add(path);
    this.problems.delete(path);
    this.derived = undefined;
    return doc;
  }

  /**
   * Text from an editor: checked like a file read from disk (size limit, binary content) before parsing, so
   * opening a huge or binary file in the editor cannot stall the server.
   */
  setText(path: string, text: string): void {
    const problem = textProblem(text, this.config.maxFileSizeKb * 1024);
    if (problem) this.setFileProblem(path, { path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message: problem });
    else this.setMarkdown(path, text);
  }

  /** Records a file that exists but could not be checked (binary, not UTF-8, too large, unreadable). */
  setFileProblem(path: string, problem: Diagnostic): void {
    this.docs.delete(path);
    this.files.add(path);
    this.problems.set(path, problem);
    this.derived = undefined;
  }

  /** Records a non-Markdown file (evidence, images), which links may point at. */
  addFile(path: string): void {
    this.files.add(path);
  }

  removeFile(path: string): void {
    this.files.delete(path);
    this.problems.delete(path);
    if (this.docs.delete(path)) this.derived = undefined;
  }

  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  /** Whether any known file lies below a folder (links may point at folders). */
  hasFolder(path: string): boolean {
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const f of this.files) if (f.startsWith(prefix)) return true;
    return false;
  }

  getDocument(path: string): IsmsDocument | undefined {
    return this.docs.get(path);
  }

  /** Every parsed Markdown file, ISMS or not. */
  markdownDocuments(): IsmsDocument[] {
    return [...this.docs.values()];
  }

  /** Markdown files that take part: their frontmatter declares a `type`. */
  ismsDocuments(): IsmsDocument[] {
    return this.markdownDocuments().filter(isIsmsDocument);
  }

  fileProblems(): Diagnostic[] {
    return [...this.problems.values()];
  }

  fileCount(): number {
    return this.files.size;
  }

  private view(): Derived {
    if (this.derived) return this.derived;
    const byId = new Map<string, IsmsDocument[]>();
    const risks = new Map<string, Risk[]>();
    const soaRows: SoaRow[] = [];
    const references = new Map<string, { doc: IsmsDocument; ref: Reference }[]>();
    const docs = this.ismsDocuments().sort((a, b) => a.path.localeCompare(b.path));
    for (const doc of docs) {
      if (doc.id) push(byId, doc.id, doc);
      for (const risk of readRisks(doc, this.riskMatcher)) push(risks, risk.id, risk);
      if (doc.type === 'soa') soaRows.push(...readSoaRows(doc));
      for (const ref of doc.references) push(references, refKey(ref.kind, ref.id), { doc, ref });
    }
    const soaByControl = new Map<string, SoaRow[]>();
    for (const row of soaRows) push(soaByControl, row.controlId, row);
    this.derived = { byId, risks, soaRows, soaByControl, references };
    return this.derived;
  }

  /** ISMS documents declaring this `id` (more than one is a `duplicate-id`). */
  documentsWithId(id: string): IsmsDocument[] {
    return this.view().byId.get(id) ?? [];
  }

  documentIds(): Map<string, IsmsDocument[]> {
    return this.view().byId;
  }

  /** Risks by ID, from risk registers and risk documents. */
  risks(): Map<string, Risk[]> {
    return this.view().risks;
  }

  soaRows(): SoaRow[] {
    return this.view().soaRows;
  }

  soaRowsFor(controlId: string): SoaRow[] {
    return this.view().soaByControl.get(controlId) ?? [];
  }

  /** Every mention of an ID across the workspace, in path order. */
  referencesTo(kind: ReferenceKind, id: string): { doc: IsmsDocument; ref: Reference }[] {
    return this.view().references.get(refKey(kind, id)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
