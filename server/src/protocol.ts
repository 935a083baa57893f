// The ISMS-specific requests and notifications between the VS Code client and the language server, on top of
// standard LSP. Types only (no runtime code): the client imports this file with `import type`, so nothing of
// the server is bundled into the extension, and both sides are checked against one definition.
//
// Lines are 0-based, as in LSP. Every `rootUri` is a workspace folder URI as the client sent it; a request
// without one answers for every folder.
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { RiskRegisterTarget } from './engine/query/newRisk';

/** A place in a file, for opening it at the right line. */
export interface Loc {
  uri: string;
  line: number;
  character?: number;
}

export type ReviewStateName = 'ok' | 'due-soon' | 'overdue' | 'none' | 'retired';

export interface ReviewInfo {
  state: ReviewStateName;
  /** Next review date (YYYY-MM-DD). */
  due?: string;
  /** Days until the review is due (negative when overdue). */
  days?: number;
  lastReviewed?: string;
  cycle?: string;
  /** "next review 2027-02-10, in 81 days" and the like. */
  text: string;
}

/** An ISMS document as lists show it. */
export interface DocumentSummary {
  uri: string;
  /** Workspace-relative path. */
  path: string;
  id?: string;
  title?: string;
  /** The declared `type`. */
  type?: string;
  owner?: string;
  status?: string;
  version?: string;
  review: ReviewInfo;
  /** Findings on the file from the latest check. */
  errors: number;
  warnings: number;
  /** The same findings by kind (see `Health`, declared below). */
  health: Health;
}

/** What a finding says about the item it sits on, worst first: see `Health`. */
export type HealthKind = 'error' | 'overdue' | 'warning' | 'placeholder';

/**
 * The findings on an item (a file, a risk's row, a scope section) by kind: an overdue review, audit or action
 * counts as overdue and a `template-placeholder` as placeholder whatever their severity; the others by severity
 * (information and hints are not counted). `worst` is the first kind with findings, in the order of HealthKind.
 */
export interface Health {
  worst?: HealthKind;
  errors: number;
  overdue: number;
  warnings: number;
  placeholders: number;
}

export interface RootParams {
  rootUri?: string;
}

interface RootInfo {
  rootUri: string;
  /** The folder's name. */
  name: string;
}

/** Kinds of starter document the client can write from its templates (templates/documents/<kind>.md). */
export type TemplateKind =
  | 'scope'
  | 'information-security-policy'
  | 'policy'
  | 'procedure'
  | 'risk-methodology'
  | 'risk-register'
  | 'risk'
  | 'soa'
  | 'risk-treatment-plan'
  | 'objectives'
  | 'audit'
  | 'audit-programme'
  | 'management-review'
  | 'break-glass'
  | 'deviation'
  | 'record'
  | 'competence-record'
  | 'change-log'
  | 'monitoring-results'
  | 'nonconformity-log';

// ---- isms/evidenceLocker -------------------------------------------------------------------------------------

/** One item of documented information an ISO/IEC 27001:2022 auditor asks for. */
export interface LockerItemInfo {
  key: string;
  title: string;
  clause: string;
  /** Listed in `mandatoryDocuments` (a missing required item is a `locker-missing-document` error). */
  required: boolean;
  present: boolean;
  documents: DocumentSummary[];
  /** For the objectives item: each objective with its status (see ObjectiveInfo). */
  objectives?: ObjectiveInfo[];
  /** The template that creates a document providing the item. */
  template: TemplateKind;
  /** What to add, in words. */
  add: string;
}

/** An information security objective (clause 6.2) as the Evidence Locker lists it. */
export interface ObjectiveInfo {
  id?: string;
  title: string;
  status?: string;
  measure?: string;
  owner?: string;
  due?: string;
  /** `measurable` unless a finding says otherwise: no measure/owner/date, or its last measurement is overdue. */
  state: 'measurable' | 'not-measurable' | 'stale';
  loc: Loc;
}

export type LockerGroupKey = 'policies' | 'procedures' | 'exceptions' | 'records' | 'other';

/** Documents that provide no mandatory item: other policies, procedures, exceptions, records. */
export interface LockerGroupInfo {
  key: LockerGroupKey;
  title: string;
  documents: DocumentSummary[];
}

export interface EvidenceLockerRoot extends RootInfo {
  /** Number of ISMS documents (with a frontmatter `type`); 0 means the folder holds no ISMS yet. */
  ismsDocuments: number;
  items: LockerItemInfo[];
  groups: LockerGroupInfo[];
}

export interface EvidenceLockerResult {
  roots: EvidenceLockerRoot[];
}

// ---- isms/actions --------------------------------------------------------------------------------------------

/** An open action (management reviews, audit reports, treatment plans, action logs, task items). */
export interface ActionInfo {
  id?: string;
  text: string;
  owner?: string;
  /** YYYY-MM-DD, when readable; else dueText. */
  due?: string;
  dueText?: string;
  status?: string;
  /** Days past the due date (present only when overdue). */
  overdueDays?: number;
  /** Its row in the document that states its current state. */
  loc: Loc;
}

/** Open actions grouped by the document that decided them; groups with overdue actions first. */
export interface ActionGroupInfo {
  source: { uri: string; path: string; id?: string; title?: string; type?: string; date?: string };
  overdue: number;
  /** Overdue first (most days first), then by due date. */
  actions: ActionInfo[];
}

export interface ActionsRoot extends RootInfo {
  open: number;
  overdue: number;
  groups: ActionGroupInfo[];
}

export interface ActionsResult {
  roots: ActionsRoot[];
}

// ---- isms/soaTree and isms/controls --------------------------------------------------------------------------

export type SoaState = 'applicable' | 'excluded' | 'unclear' | 'missing';
export type ImplementationState = 'implemented' | 'partial' | 'not-implemented' | 'unknown';

export interface ControlReferenceInfo {
  uri: string;
  path: string;
  id?: string;
  title?: string;
  /** First mention of the control in that document. */
  line: number;
}

export interface ControlRiskInfo {
  id: string;
  description?: string;
  score?: number;
  loc?: Loc;
}

export interface SoaControlInfo {
  id: string;
  title: string;
  theme: string;
  catalog: string;
  state: SoaState;
  implementation: ImplementationState;
  /** The SoA's Status cell as written. */
  statusText?: string;
  applicableText?: string;
  justification?: string;
  /** The (first) SoA row. */
  row?: Loc;
  /** How many SoA rows list the control (more than one is a `soa-control-duplicate`). */
  rowCount: number;
  documents: ControlReferenceInfo[];
  risks: ControlRiskInfo[];
}

export interface SoaCounts {
  total: number;
  applicable: number;
  excluded: number;
  unclear: number;
  missing: number;
  implemented: number;
  partial: number;
  notImplemented: number;
}

export interface SoaThemeInfo {
  theme: string;
  counts: SoaCounts;
  controls: SoaControlInfo[];
}

export interface SoaTreeRoot extends RootInfo {
  soaDocuments: { uri: string; path: string; id?: string; title?: string }[];
  counts: SoaCounts;
  /** The 93 ISO/IEC 27001:2022 Annex A controls by theme (Organizational, People, Physical, Technological). */
  themes: SoaThemeInfo[];
}

export interface SoaTreeResult {
  roots: SoaTreeRoot[];
}

export interface ControlsRoot extends RootInfo {
  /** Every control of the enabled catalogs and custom controls, in catalog order. */
  controls: SoaControlInfo[];
}

export interface ControlsResult {
  roots: ControlsRoot[];
}

// ---- isms/risks ------------------------------------------------------------------------------------------------

export interface RiskInfo {
  id: string;
  description?: string;
  owner?: string;
  likelihood?: number;
  impact?: number;
  /** The stated score, else likelihood × impact. */
  score?: number;
  treatment?: string;
  status?: string;
  acceptedBy?: string;
  /** The register row, or the risk document. */
  loc: Loc;
  /** The register or risk document. */
  source: { uri: string; path: string; id?: string };
  aboveThreshold: boolean;
  controls: { id: string; title?: string; row?: Loc }[];
  /** The findings on its register row (or its risk document). */
  health: Health;
}

export interface RisksRoot extends RootInfo {
  threshold: number;
  /** Highest score first. */
  risks: RiskInfo[];
}

export interface RisksResult {
  roots: RisksRoot[];
}

// ---- isms/scope ------------------------------------------------------------------------------------------------

export interface ScopeSectionInfo {
  key: string;
  title: string;
  clause: string;
  present: boolean;
  /** The heading that provides the section. */
  heading?: string;
  loc?: Loc;
  /** The findings in the section (from its heading to the next heading of its level), or that say it is missing. */
  health: Health;
}

export interface ScopeDocumentInfo extends DocumentSummary {
  sections: ScopeSectionInfo[];
}

export interface ScopeRoot extends RootInfo {
  documents: ScopeDocumentInfo[];
}

export interface ScopeResult {
  roots: ScopeRoot[];
}

// ---- isms/fileHealth ------------------------------------------------------------------------------------------

/** A file with findings (files without any are left out), for the editor's file decorations. */
export interface FileHealthInfo {
  uri: string;
  path: string;
  health: Health;
}

export interface FileHealthRoot extends RootInfo {
  files: FileHealthInfo[];
}

export interface FileHealthResult {
  roots: FileHealthRoot[];
}

// ---- isms/checkSummary -----------------------------------------------------------------------------------------

export interface FindingInfo {
  uri: string;
  path: string;
  line: number;
  character: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
}

export interface CheckCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Findings of overdue reviews: documents, exceptions, management reviews, internal audits. */
  overdueReviews: number;
  /** `action-overdue` findings. */
  overdueActions: number;
  dueSoonReviews: number;
}

export interface CheckSummaryRoot extends RootInfo, CheckCounts {
  files: number;
  /** Markdown files read (ISMS documents or not). */
  markdownFiles: number;
  /** ISMS documents recognised among them; 0 with Markdown files present means the folder needs `isms init`. */
  documents: number;
  /** ISMS documents whose `status` is `approved` ("12 of 23 approved"). */
  approvedDocuments: number;
  /** ISMS documents with placeholder text left in them (template-placeholder findings). */
  documentsWithPlaceholders: number;
  /** Present when asked for with `includeFindings`. */
  findings?: FindingInfo[];
}

export interface CheckSummaryParams extends RootParams {
  includeFindings?: boolean;
}

export interface CheckSummaryResult extends CheckCounts {
  roots: CheckSummaryRoot[];
}

// ---- isms/markReviewed -----------------------------------------------------------------------------------------

export interface MarkReviewedParams {
  uri: string;
}

export interface MarkReviewedResult {
  /** Absent when the document cannot be marked reviewed; `message` says why. */
  edit?: WorkspaceEdit;
  title?: string;
  message?: string;
}

// ---- isms/nextDocumentId ---------------------------------------------------------------------------------------

export interface NextDocumentIdParams {
  rootUri: string;
  /** ID prefix without the trailing dash, e.g. `POL` or `EXC-2026`. */
  prefix: string;
}

export interface NextDocumentIdResult {
  id: string;
}

// ---- isms/newRiskOptions, isms/appendRisk ------------------------------------------------------------------

export interface NewRiskOptionsParams {
  rootUri: string;
}

/** A risk register a new risk can be appended to. */
export interface RiskRegisterInfo extends RiskRegisterTarget {
  uri: string;
}

export interface NewRiskOptionsResult {
  registers: RiskRegisterInfo[];
  /** Owners the ISMS already names, most used first. */
  owners: string[];
  /** A free ID for a risk written as a document of its own. */
  nextRiskId: string;
}

export interface AppendRiskParams {
  /** The register. */
  uri: string;
  description: string;
  /** Absent values are left empty, for the checker to ask for. */
  owner?: string;
  likelihood?: number;
  impact?: number;
  treatment?: string;
}

export interface AppendRiskResult {
  /** Absent when no row can be appended; `message` says why. */
  edit?: WorkspaceEdit;
  id?: string;
  /** The new row's line. */
  line?: number;
  message?: string;
}

// ---- isms/preview ----------------------------------------------------------------------------------------------

export interface PreviewParams {
  uri: string;
}

export interface PreviewResult {
  uri: string;
  /** The editor version the HTML was rendered from, when the document is open. */
  version?: number;
  title: string;
  /** Sanitised HTML: no scripts, event handlers, iframes, forms or remote images. */
  html: string;
  /** Where each clickable element (`data-isms-target="t3"`) leads. */
  targets: Record<string, Loc>;
  /** The declared document type, if any. */
  type?: string;
}

// ---- isms/proposeConfig and isms/exportAuditPack ---------------------------------------------------------------
// Both answer with content; the client writes it (with the editor's file system, which also works in the browser).

export interface ProposeConfigParams {
  rootUri: string;
}

export interface ProposeConfigResult extends RootInfo {
  /** The proposed configuration file. */
  yaml: string;
  /** Where to write it: the folder's configuration file if it has one, else its `.isms.yaml`. */
  configUri: string;
  /** Whether `configUri` exists (writing the proposal replaces it). */
  exists: boolean;
  /** What was detected, one sentence each. */
  notes: string[];
  /** What the checker would find with the proposal written, one sentence each. */
  summary: string[];
  markdownFiles: number;
  ismsDocuments: number;
  documentsByType: { type: string; count: number }[];
  findings: number;
}

export interface ExportAuditPackParams {
  rootUri: string;
  /** Default: all of them. */
  formats?: ('html' | 'pdf' | 'xlsx')[];
  /**
   * The folder to write the pack into. A server that can write it (the Node server, a `file:` folder) does so
   * itself, reporting isms/exportProgress; otherwise it returns the files for the client to write.
   */
  outputUri?: string;
}

/** One file of the pack, relative to the pack's folder: its text, or its bytes in base64. */
export type AuditPackFile = { path: string; text: string } | { path: string; base64: string };

/** Sent while the server writes a pack (isms/exportAuditPack with outputUri). */
export interface ExportProgressParams {
  rootUri: string;
  message: string;
  done: number;
  total: number;
}

export interface ExportAuditPackResult extends RootInfo {
  /** Whether the server wrote the pack into `outputUri` itself; otherwise the client writes `files`. */
  written: boolean;
  /** `index.html` first; empty when `written`. */
  files: AuditPackFile[];
  documents: number;
  findings: number;
  suppressed: number;
  evidenceFiles: number;
  /** "41 documents, 9 open findings, 0 suppressed, 1 evidence files copied". */
  summary: string;
}

// ---- notifications ---------------------------------------------------------------------------------------------

/** Sent after each check of a folder: trees, status bar and previews may be out of date. */
export interface IndexChangedParams {
  rootUri: string;
}

/** Every request: method name -> params and result. */
export interface IsmsRequests {
  'isms/evidenceLocker': { params: RootParams; result: EvidenceLockerResult };
  'isms/soaTree': { params: RootParams; result: SoaTreeResult };
  'isms/controls': { params: RootParams; result: ControlsResult };
  'isms/risks': { params: RootParams; result: RisksResult };
  'isms/scope': { params: RootParams; result: ScopeResult };
  'isms/fileHealth': { params: RootParams; result: FileHealthResult };
  'isms/actions': { params: RootParams; result: ActionsResult };
  'isms/checkSummary': { params: CheckSummaryParams; result: CheckSummaryResult };
  'isms/markReviewed': { params: MarkReviewedParams; result: MarkReviewedResult };
  'isms/nextDocumentId': { params: NextDocumentIdParams; result: NextDocumentIdResult };
  'isms/newRiskOptions': { params: NewRiskOptionsParams; result: NewRiskOptionsResult };
  'isms/appendRisk': { params: AppendRiskParams; result: AppendRiskResult };
  'isms/preview': { params: PreviewParams; result: PreviewResult | null };
  /** null when `rootUri` is no workspace folder of the server's. */
  'isms/proposeConfig': { params: ProposeConfigParams; result: ProposeConfigResult | null };
  'isms/exportAuditPack': { params: ExportAuditPackParams; result: ExportAuditPackResult | null };
}

export type IsmsRequestMethod = keyof IsmsRequests;

export interface IsmsNotifications {
  'isms/indexChanged': IndexChangedParams;
  'isms/exportProgress': ExportProgressParams;
}

// ---- file system (server -> client) ----------------------------------------------------------------------------
// Where the server cannot read the files itself (the browser build; folders not on disk, such as github.dev's),
// it asks the client, which answers with vscode.workspace.findFiles and vscode.workspace.fs.

export interface FindFilesParams {
  /** The folder to list, with every subfolder. */
  baseUri: string;
  /** Globs (relative to `baseUri`) the client may leave out; the server applies `exclude` itself as well. */
  exclude: string[];
}

export interface FindFilesResult {
  /** Every file under `baseUri`. */
  uris: string[];
}

export interface ReadFilesParams {
  uris: string[];
  /** Files larger than this are not read: their size is returned instead. */
  maxBytes: number;
}

/** One file: its content (base64), its size when over `maxBytes`, or why it could not be read. */
export type ReadFileResult = { base64: string } | { tooLarge: number } | { error: string };

export interface ReadFilesResult {
  /** In the order of `uris`. */
  files: ReadFileResult[];
}

/** Every request the server sends the client: method name -> params and result. */
export interface IsmsFileRequests {
  'isms/fs/findFiles': { params: FindFilesParams; result: FindFilesResult };
  'isms/fs/readFiles': { params: ReadFilesParams; result: ReadFilesResult };
}
