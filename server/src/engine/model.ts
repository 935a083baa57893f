// The document model shared by the engine, the language server, the CLI and the tests.
// Positions are 0-based lines and UTF-16 code-unit columns, as in LSP, so the server passes them through.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export const DOCUMENT_TYPES = [
  'scope',
  'policy',
  'procedure',
  'risk-register',
  'risk',
  'soa',
  'risk-treatment-plan',
  'objectives',
  'audit',
  'management-review',
  'exception',
  'record',
  'supplier-register',
  'asset-inventory',
  'action-log',
  'context',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_STATUSES = ['draft', 'approved', 'retired'] as const;

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A finding. `path` is workspace-relative with forward slashes; "." means the workspace as a whole. */
export interface Diagnostic {
  path: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  /** Machine-readable details for quick fixes (e.g. the missing section's key). */
  data?: Record<string, unknown>;
}

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-style anchor, unique within the document. */
  slug: string;
  range: Range;
}

export interface Link {
  /** The destination as written (URL-decoded), e.g. `../policies/access.md#reviews`. */
  target: string;
  range: Range;
  /** Image links (`![..](..)`) point at evidence files too. */
  image: boolean;
}

export interface TableCell {
  text: string;
  range: Range;
  /** Link destinations inside the cell. */
  links: Link[];
}

export interface TableRow {
  cells: TableCell[];
  range: Range;
}

export interface Table {
  header: TableCell[];
  rows: TableRow[];
  range: Range;
  /**
   * Which column holds what, resolved once by the parser (adopt/columns.ts) for the tables of SoAs, risk
   * registers and treatment plans: `soa` roles (control, applicable, ...) and `risk` roles (id, owner, ...).
   */
  roles?: { soa?: Partial<Record<string, number>>; risk?: Partial<Record<string, number>> };
  /** Built from a heading per control with fields under each (parse/controlEntries.ts), not written as a table. */
  headings?: boolean;
}

/** A risk written as a heading with `key: value` bullets (or a file of its own), read like a register row. */
export interface RiskRecord {
  id: string;
  idRange: Range;
  /** From the heading to the end of its section. */
  range: Range;
  /** The heading's text after the ID. */
  title: string;
  /** Risk fields by name (owner, likelihood, impact, score, treatment, controls, ...): the value and where it is. */
  fields: Partial<Record<string, { text: string; range: Range }>>;
}

export type ReferenceKind = 'control' | 'risk' | 'document' | 'action';

/** A list item's first line; `checked` is set for task-list items (`- [ ]` false, `- [x]` true). */
export interface ListItem {
  text: string;
  range: Range;
  checked?: boolean;
}

/**
 * A fact stated in the body's prose that rules judge (the model keeps no prose): an approval's approver
 * (`approved by Priya Raman (CEO)`, `Approver: …`), a date written in the prose, or the SoA version the text
 * cites (`Statement of Applicability version 2.1`), and `Key: value` lines. Vocabulary in parse/statements.ts.
 */
export interface Statement {
  kind: 'approved-by' | 'date' | 'soa-version' | 'field';
  value: string;
  range: Range;
  /** For `field`: a `Key: value` line (`**Owner:** CTO`, `- Due: 2026-12-01`), the key in lower case. */
  key?: string;
}

/** A mention of a control, risk, action or document ID in frontmatter or body text. */
export interface Reference {
  kind: ReferenceKind;
  /** Normalised ID: `A.8.28`, `42001:A.6.2.4`, `R-007`, `POL-001`. */
  id: string;
  /** The text as written, e.g. `Annex A 8.28`. */
  raw: string;
  range: Range;
  /** Where it was found: a frontmatter key (`controls`, `risks`, `related`), `body`, or `table`. */
  source: string;
  /** An ISO 27001:2013 ID whose number is also a 2022 control, told apart by its 2013 title (A.7.1 "Prior to employment"). */
  edition?: '2013';
}

/** A frontmatter key with the ranges of its key and value, for precise diagnostics and edits. */
export interface FieldLocation {
  keyRange: Range;
  valueRange: Range;
}

export interface Frontmatter {
  /** The parsed mapping (empty when the YAML is not a mapping or failed to parse). */
  data: Record<string, unknown>;
  fields: Map<string, FieldLocation>;
  /** Ranges of list items by key, e.g. each entry of `controls:`. */
  items: Map<string, { value: unknown; range: Range }[]>;
  /** From the opening `---` to the closing one, inclusive. */
  range: Range;
  /** Range of the YAML text between the fences. */
  contentRange: Range;
  /** Set when this is a YAML block in the file (`---` fences, or inside an HTML comment), so fields can be inserted into it. */
  yaml?: boolean;
  /** Where each field was read when not from this YAML (a Document Control table, a blockquote header, ...). */
  sources?: Map<string, MetadataOrigin>;
  /** Values as written, for fields the model read into the checker's form (`15/01/2026` → 2026-01-15, `Active` → approved). */
  written?: Map<string, { value: unknown; ambiguous?: boolean }>;
  /** Fields whose value is a template placeholder (`{{ owner }}`): present, not judged (adopt/placeholders.ts). */
  placeholders?: Set<string>;
}

/** Where a document's metadata, or one field of it, was read. */
export type MetadataOrigin =
  | 'frontmatter'
  | 'html-comment'
  | 'document-control-table'
  | 'blockquote'
  | 'bold-fields'
  | 'document-information-list'
  | 'revision-history'
  | 'first-heading'
  | 'default';

/**
 * An `<!-- isms-disable… -->` comment or a frontmatter `isms-disable` entry: findings it covers are not
 * reported, and `isms check --list-suppressions` lists it for review, like an exception.
 */
export interface Suppression {
  path: string;
  /** `next-line` covers the next non-blank line; `disable`…`enable` a range of lines; `file` the whole file. */
  kind: 'next-line' | 'disable' | 'enable' | 'file';
  /** Rule codes covered; empty means every rule. */
  codes: string[];
  /** The justification written after `--`. */
  reason?: string;
  range: Range;
  /** For `next-line`: the line covered. */
  line?: number;
}

export interface IsmsDocument {
  /** Workspace-relative path with forward slashes. */
  path: string;
  /** Present when the file has a frontmatter block (even one that failed to parse). */
  frontmatter?: Frontmatter;
  /** The declared `type`, as written (may be unknown); undefined for non-ISMS Markdown. */
  declaredType?: string;
  /** The declared type when it is a known one. */
  type?: DocumentType;
  id?: string;
  title?: string;
  /** Where the document keeps its metadata; undefined when it has none (typed by path only, or not an ISMS document). */
  metadata?: MetadataOrigin;
  /** An SoA or control register written as a heading per control: its entries as one table (parse/controlEntries.ts). */
  controlEntries?: Table;
  /** Why the document reads as a template or a sample (adopt/templates.ts): the same ID in it and in a real document is no certain error. */
  template?: string;
  /** The document's language (a `lang` field, a `.de.md` suffix or a language folder): translations share an `id`. */
  lang?: string;
  headings: Heading[];
  links: Link[];
  tables: Table[];
  references: Reference[];
  listItems: ListItem[];
  statements: Statement[];
  /**
   * Scope and context documents only: the prose of each section, whitespace collapsed ([0] before the first
   * heading, [i + 1] under heading i), where rules look for the providers and issues the scope must name.
   */
  sectionText?: string[];
  suppressions: Suppression[];
  /** Placeholder text left in the body (`[Company]`, `TBD`, `{{ owner }}`), outside code. */
  placeholders?: { text: string; range: Range }[];
  /** Problems found while parsing (frontmatter syntax and the like). */
  parseDiagnostics: Diagnostic[];
  /** Risks written as headings with fields (risk registers and risk documents only). */
  riskRecords?: RiskRecord[];
  /** Number of lines, so whole-document ranges can be built without keeping the text. */
  lineCount: number;
}

/** An ISMS document takes part in checks when its frontmatter declares a `type`. */
export function isIsmsDocument(doc: IsmsDocument): boolean {
  return doc.declaredType !== undefined;
}

export const START_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
