// The workspace index: every Markdown file parsed once into the document model, the set of all files (for
// link and evidence checks), and derived views (documents by ID, risks, SoA rows) rebuilt lazily after a change.
//
// Change tracking for incremental checking (see check.ts): every read a rule can make goes through an accessor
// that records a "facet" of the index (`doc:policies/a.md`, `file:evidence/x.pdf`, `idkey:POL-001`, `risks.all`,
// `docs`...) while a rule runs, and every change bumps the facets it affects. A re-parsed document whose model is
// unchanged (typing in prose without references) changes nothing. Rules reach other documents only through these
// accessors; the maps returned by documentIds() and risks() record which keys were read.
import { STEP_DOCUMENTS, runToEnd } from '../util/steps';
import type { Diagnostic, IsmsDocument, Reference, ReferenceKind } from '../model';
import { isIsmsDocument, START_RANGE } from '../model';
import { textProblem } from './textFile';
import { CONVENTION_SETTINGS, conventionsFrom, type Conventions } from '../adopt/conventions';
import type { IsmsConfig } from '../config/schema';
import { ControlCatalogs } from '../catalogs/catalog';
import { parseDocument, parseDocumentSteps, type ParseOptions } from '../parse/document';
import { DEFAULT_ACTION_ID_PATTERN, riskIdMatcher } from '../parse/references';
import { readRisks, type Risk } from '../isms/risks';
import { readSoaRows, type SoaRow } from '../isms/soa';
import { readActions, trackActions, type ActionRow, type TrackedAction } from '../isms/actions';

/** Whether a path is a Markdown document: by the configured `markdownExtensions`, else `.md` and `.markdown`. */
export function isMarkdownPath(path: string, extensions?: readonly string[]): boolean {
  if (!extensions) return /\.(md|markdown)$/i.test(path);
  const lower = path.toLowerCase();
  return extensions.some((e) => lower.endsWith(e.toLowerCase()));
}

const refKey = (kind: ReferenceKind, id: string) => `${kind}:${id}`;

/** `a.localeCompare(b)`, the order documents and findings are sorted in, without a collator per call. */
export const comparePaths: (a: string, b: string) => number = new Intl.Collator().compare;

/** Where reads are recorded while a rule runs (one at a time). */
interface ReadLog {
  reads: Set<string> | undefined;
}

/**
 * A map that records which of its keys a rule looked at: `has`/`get` of one key, the key set (`keys`, `size`), or
 * everything (iteration). Outside a tracked rule run it is an ordinary Map.
 */
class TrackedMap<V> extends Map<string, V> {
  constructor(
    private readonly log: ReadLog,
    private readonly facet: string,
  ) {
    super();
  }
  override has(key: string): boolean {
    this.log.reads?.add(`${this.facet}key:${key}`);
    return super.has(key);
  }
  override get(key: string): V | undefined {
    this.log.reads?.add(`${this.facet}:${key}`);
    return super.get(key);
  }
  override get size(): number {
    this.log.reads?.add(`${this.facet}.keys`);
    return super.size;
  }
  override keys(): MapIterator<string> {
    this.log.reads?.add(`${this.facet}.keys`);
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.log.reads?.add(`${this.facet}.all`);
    return super.values();
  }
  override entries(): MapIterator<[string, V]> {
    this.log.reads?.add(`${this.facet}.all`);
    return super.entries();
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.log.reads?.add(`${this.facet}.all`);
    super.forEach(fn, thisArg);
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    this.log.reads?.add(`${this.facet}.all`);
    return super[Symbol.iterator]();
  }
  /** Puts `next` in the place of `old` in the key's list (not a read); false when `old` is not there. */
  replace(key: string, old: V extends (infer T)[] ? T : never, next: V extends (infer T)[] ? T : never): boolean {
    const list = super.get(key) as unknown[] | undefined;
    const at = list ? list.indexOf(old) : -1;
    if (at >= 0) list![at] = next;
    return at >= 0;
  }
  /** Filling the map while building a view is not a read. */
  push(key: string, value: V extends (infer T)[] ? T : never): void {
    const list = super.get(key) as unknown[] | undefined;
    if (list) list.push(value);
    else super.set(key, [value] as V);
  }
}

/** Changes since the incremental checker last looked: facets bumped and paths whose document changed. */
export interface WorkspaceChanges {
  facets: Set<string>;
  paths: Set<string>;
}

/** Lower-case paths of files and folders, each with the first file that has it and that file's position. */
export interface CaseFolded {
  files: ReadonlyMap<string, { file: string; order: number }>;
  folders: ReadonlyMap<string, { file: string; order: number }>;
}

export class IsmsWorkspace {
  readonly catalogs: ControlCatalogs;
  readonly riskMatcher: RegExp;
  readonly actionMatcher: RegExp;
  private readonly conventions: Conventions;
  private readonly docs = new Map<string, IsmsDocument>();
  private readonly files = new Set<string>();
  /** How many known files lie below each folder (`a/b` for `a/b/c.md`), so hasFolder is a lookup. */
  private readonly folders = new Map<string, number>();
  private readonly problems = new Map<string, Diagnostic>();
  /** Known files and their folders by lower-case path, built when a broken link first asks (see caseFolded). */
  private caseFoldedView: CaseFolded | undefined;
  /** Derived views, each rebuilt lazily once something it is built from changed. */
  private sortedIsms: IsmsDocument[] | undefined;
  private byIdView: TrackedMap<IsmsDocument[]> | undefined;
  private risksView: TrackedMap<Risk[]> | undefined;
  private soaView: { rows: SoaRow[]; byControl: Map<string, SoaRow[]> } | undefined;
  private actionsView: { rows: ActionRow[]; tracked: TrackedAction[]; byId: Map<string, TrackedAction> } | undefined;
  private referencesView: Map<string, { doc: IsmsDocument; ref: Reference }[]> | undefined;
  /** Counts document changes, so a view built in steps (prepareReferences) can tell that one came meanwhile. */
  private referenceChanges = 0;
  private readonly log: ReadLog = { reads: undefined };
  /** How many times a Markdown file was parsed (for --stats and the benchmark). */
  parseCount = 0;
  /** Change logs of the incremental checkers watching this workspace. */
  private readonly watchers = new Set<WorkspaceChanges>();

  constructor(
    readonly config: IsmsConfig,
    /** Problems with the configuration itself (reported by the `config-invalid` rule). */
    readonly configDiagnostics: Diagnostic[] = [],
    /** Path of the configuration file, when there is one, for workspace-level diagnostics. */
    readonly configPath?: string,
    /** The configuration file's text as read, so an edit to it can be refused when it changed on disk since. */
    readonly configText?: string,
  ) {
    this.catalogs = new ControlCatalogs(config.catalogs, config.customControls);
    this.conventions = conventionsFrom(config);
    this.riskMatcher = riskIdMatcher(config.riskIdPattern);
    this.actionMatcher = riskIdMatcher(config.actionIdPattern, DEFAULT_ACTION_ID_PATTERN);
    this.parseOptions = { riskIdPattern: config.riskIdPattern, actionIdPattern: config.actionIdPattern, conventions: this.conventions, columns: { soa: config.soaColumns, risk: config.riskColumns } };
    this.parseKey = JSON.stringify([config.riskIdPattern, config.actionIdPattern, config.soaColumns, config.riskColumns, ...CONVENTION_SETTINGS.map((key) => config[key])]);
  }

  /** The settings a parse depends on, as JSON: two workspaces with the same key parse a text to the same model. */
  private readonly parseKey: string;
  /** A hash of the text each document was parsed from (the text itself is not kept). */
  private readonly textHashes = new Map<string, number>();
  /** The workspace this one replaces while it is being loaded (see reuseParsesOf). */
  private reusable: IsmsWorkspace | undefined;

  /**
   * While this workspace is loaded to replace `previous` (the folder read again after its configuration file
   * changed), a file whose text is unchanged keeps the model `previous` parsed, when the settings a parse depends
   * on are the same: `parseDocument` is a pure function of the path, the text and those settings, and rules only
   * read models (through proxies of this workspace). Turning a rule off in `.isms.yaml` then re-checks a
   * 5,000-document ISMS without parsing it again. Undefined ends it.
   */
  reuseParsesOf(previous: IsmsWorkspace | undefined): void {
    this.reusable = previous?.parseKey === this.parseKey ? previous : undefined;
  }

  /** How this configuration parses a document: the same for indexing and for telling whether a text is the one indexed. */
  private readonly parseOptions: ParseOptions;

  /**
   * Texts parsed ahead of their setMarkdown (parseAhead), by path: the parse in progress, then its model.
   * setMarkdown takes one only for exactly that text, and drops it in any case.
   */
  private readonly ahead = new Map<string, { text: string; steps: Generator<void, IsmsDocument, void>; doc?: IsmsDocument }>();

  /**
   * Does a step of setMarkdown(path, text) now, so that the call itself is short: a 2,000-row register pasted into
   * an open document took 100-200 ms to parse and read, in one block with its check (the soak's longest stalls).
   * Each call with the same text does the next step: the parse's (parseDocumentSteps), then the reading of the
   * risks the model defines. Returns whether a step was done (false: nothing left). The parse is a pure function
   * of the path, the text and this workspace's settings, so a model made ahead is the one setMarkdown would make;
   * a text changed meanwhile does not match, and is parsed afresh.
   */
  parseAhead(path: string, text: string): boolean {
    let known = this.ahead.get(path);
    if (known?.text !== text) {
      this.dropAhead(path);
      if (textProblem(text, this.config.maxFileSizeKb * 1024)) return false;
      known = { text, steps: parseDocumentSteps(path, text, this.parseOptions) };
      this.ahead.set(path, known);
    }
    if (known.doc) {
      if (!definesRisks(known.doc) || this.riskReads.has(known.doc)) return false;
      this.risksOf(known.doc);
      return true;
    }
    try {
      const step = known.steps.next();
      if (step.done) known.doc = step.value;
    } catch {
      this.ahead.delete(path); // setMarkdown parses again, and reports it
      return false;
    }
    return true;
  }

  /** Forgets a text parsed ahead (and the risks read of its model), which the index never took. */
  private dropAhead(path: string): void {
    const known = this.ahead.get(path);
    if (!known) return;
    this.ahead.delete(path);
    if (known.doc) this.riskReads.delete(known.doc);
  }

  /** The model of a text parsed ahead (the rest of its parse done now), or undefined for any other text. */
  private takeAhead(path: string, text: string): IsmsDocument | undefined {
    const known = this.ahead.get(path);
    if (!known) return undefined;
    if (known.text !== text) {
      this.dropAhead(path);
      return undefined;
    }
    this.ahead.delete(path);
    return known.doc ?? runToEnd(known.steps); // throws as parseDocument would: reported below
  }

  /** Parses (or re-parses) one Markdown file. */
  setMarkdown(path: string, text: string): IsmsDocument | undefined {
    let doc: IsmsDocument;
    const hash = textHash(text);
    const reused = this.reusable?.textHashes.get(path) === hash ? this.reusable.docs.get(path) : undefined;
    try {
      const parsed = this.ahead.size ? this.takeAhead(path, text) : undefined;
      if (parsed) {
        this.parseCount++;
        doc = parsed;
      } else if (reused) doc = reused;
      else {
        this.parseCount++;
        doc = parseDocument(path, text, this.parseOptions);
      }
    } catch (e) {
      // The parser is built never to throw; should it, one file is reported instead of the server failing.
      this.setFileProblem(path, { path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message: `File could not be parsed (${(e as Error)?.message ?? e}); please report this.` });
      return undefined;
    }
    this.textHashes.set(path, hash);
    const old = this.docs.get(path);
    // Typing in prose without references leaves the model as it was: keep the old object, nothing changed.
    if (old && sameValue(old, doc)) {
      if (doc !== old) this.riskReads.delete(doc); // read ahead
      return old;
    }
    this.docs.set(path, doc);
    this.addToFiles(path);
    this.deleteProblem(path);
    this.documentChanged(path, old, doc);
    return doc;
  }

  /**
   * Whether `text` parses to the document the index holds for `path`. False when the file changed since it was
   * read: an edit computed from the index would then land in the wrong place. The configuration file is compared as text.
   */
  describesText(path: string, text: string): boolean {
    if (path === this.configPath) return withoutBom(text) === withoutBom(this.configText ?? '');
    const doc = this.docs.get(path);
    if (!doc) return false;
    try {
      return sameValue(doc, parseDocument(path, text, this.parseOptions));
    } catch {
      return false;
    }
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
    this.dropAhead(path);
    const old = this.docs.get(path);
    this.docs.delete(path);
    this.textHashes.delete(path);
    this.addToFiles(path);
    const before = this.problems.get(path);
    this.problems.set(path, problem);
    if (!before || !sameValue(before, problem)) this.bump('problems');
    if (old) this.documentChanged(path, old, undefined);
  }

  /** Whether the configuration reads this path as a Markdown document (`markdownExtensions`). */
  isMarkdown(path: string): boolean {
    return isMarkdownPath(path, this.config.markdownExtensions);
  }

  /** Records a non-Markdown file (evidence, images), which links may point at. */
  addFile(path: string): void {
    this.addToFiles(path);
  }

  removeFile(path: string): void {
    this.dropAhead(path);
    this.textHashes.delete(path);
    if (this.files.delete(path)) {
      this.caseFoldedView = undefined;
      this.bump(`file:${path}`, 'files');
      for (const folder of parentFolders(path)) {
        const count = (this.folders.get(folder) ?? 0) - 1;
        if (count > 0) this.folders.set(folder, count);
        else {
          this.folders.delete(folder);
          this.bump(`folder:${folder}`);
        }
      }
    }
    this.deleteProblem(path);
    const old = this.docs.get(path);
    if (old) {
      this.docs.delete(path);
      this.documentChanged(path, old, undefined);
    }
  }

  /** Removes every file below a folder (a deleted folder is one event), except those `keep` says to keep. */
  removeFolder(folder: string, keep: (path: string) => boolean = () => false): void {
    const prefix = `${folder}/`;
    for (const path of [...this.files, ...this.docs.keys()]) if (path.startsWith(prefix) && !keep(path)) this.removeFile(path);
  }

  hasFile(path: string): boolean {
    this.log.reads?.add(`file:${path}`);
    return this.files.has(path);
  }

  /** Whether any known file lies below a folder (links may point at folders). */
  hasFolder(path: string): boolean {
    const folder = path.endsWith('/') ? path.slice(0, -1) : path;
    this.log.reads?.add(`folder:${folder}`);
    return this.folders.has(folder);
  }

  getDocument(path: string): IsmsDocument | undefined {
    this.log.reads?.add(`doc:${path}`);
    return this.docs.get(path);
  }

  /** Every parsed Markdown file, ISMS or not. */
  markdownDocuments(): IsmsDocument[] {
    if (this.log.reads) {
      this.log.reads.add('docs');
      return [...this.docs.values()].map((d) => this.watched(d));
    }
    return [...this.docs.values()];
  }

  /**
   * Markdown files that take part (their frontmatter declares a `type`), in path order: what rules report (the first
   * documents a message names) must not depend on the order files were read or changed in. In the order of the
   * index, a renamed file came last in the language server and in its place in a fresh `isms check`.
   */
  ismsDocuments(): IsmsDocument[] {
    if (this.log.reads) {
      this.log.reads.add('docs');
      return this.sorted().map((doc) => this.watched(doc));
    }
    return this.sorted().slice();
  }

  /**
   * A document handed to a rule that asked for all of them: reading one of its fields records `docs.<field>`, so
   * the rule runs again only when that field changes in some document (typing in prose does not re-run a rule
   * that reads only types and titles).
   */
  private watched(doc: IsmsDocument): IsmsDocument {
    let proxy = this.proxies.get(doc);
    if (!proxy) {
      proxy = new Proxy(doc, this.proxyHandler);
      this.proxies.set(doc, proxy);
    }
    return proxy;
  }

  private proxies = new WeakMap<IsmsDocument, IsmsDocument>();
  private readonly proxyHandler: ProxyHandler<IsmsDocument> = {
    get: (target, prop) => {
      if (typeof prop === 'string' && this.fieldsRead[prop] !== true && prop !== 'path') {
        this.fieldsRead[prop] = true;
        this.log.reads?.add(fieldFacet(prop));
      }
      return (target as unknown as Record<string | symbol, unknown>)[prop];
    },
    has: (target, prop) => {
      this.log.reads?.add('docs.*');
      return prop in target;
    },
    ownKeys: (target) => {
      this.log.reads?.add('docs.*');
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor: (target, prop) => {
      this.log.reads?.add('docs.*');
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
  };

  fileProblems(): Diagnostic[] {
    this.log.reads?.add('problems');
    return [...this.problems.values()];
  }

  fileCount(): number {
    this.log.reads?.add('files');
    return this.files.size;
  }

  /**
   * Every known file and folder by its lower-case path, each with the first file (in the order of filePaths) that
   * has it, so a broken link's "differs only in case" is a lookup instead of a walk over every file.
   */
  caseFolded(): CaseFolded {
    this.log.reads?.add('files');
    if (!this.caseFoldedView) {
      const files = new Map<string, { file: string; order: number }>();
      const folders = new Map<string, { file: string; order: number }>();
      let order = 0;
      for (const file of this.files) {
        const lower = file.toLowerCase();
        if (!files.has(lower)) files.set(lower, { file, order });
        for (const folder of parentFolders(lower)) if (!folders.has(folder)) folders.set(folder, { file, order });
        order++;
      }
      this.caseFoldedView = { files, folders };
    }
    return this.caseFoldedView;
  }

  /** Every known file, Markdown or not (for caches and tools; rules use hasFile). */
  filePaths(): IterableIterator<string> {
    this.log.reads?.add('files');
    return this.files.values();
  }

  /** ISMS documents in path order (the order rules see them in), kept until one is added or removed. */
  private sorted(): IsmsDocument[] {
    if (!this.sortedIsms) {
      const docs: IsmsDocument[] = [];
      for (const doc of this.docs.values()) if (isIsmsDocument(doc)) docs.push(doc);
      this.sortedIsms = docs.sort((a, b) => comparePaths(a.path, b.path));
    }
    return this.sortedIsms;
  }

  private byId(): TrackedMap<IsmsDocument[]> {
    if (!this.byIdView) {
      const byId = new TrackedMap<IsmsDocument[]>(this.log, 'id');
      for (const doc of this.sorted()) if (doc.id) byId.push(doc.id, doc);
      this.byIdView = byId;
    }
    return this.byIdView;
  }

  private soa(): { rows: SoaRow[]; byControl: Map<string, SoaRow[]> } {
    if (!this.soaView) {
      const rows: SoaRow[] = [];
      for (const doc of this.sorted()) if (doc.type === 'soa') rows.push(...readSoaRows(doc));
      const byControl = new Map<string, SoaRow[]>();
      for (const row of rows) push(byControl, row.controlId, row);
      this.soaView = { rows, byControl };
    }
    return this.soaView;
  }

  /** ISMS documents declaring this `id` (more than one is a `duplicate-id`). */
  documentsWithId(id: string): IsmsDocument[] {
    return this.byId().get(id) ?? [];
  }

  documentIds(): Map<string, IsmsDocument[]> {
    return this.byId();
  }

  /** Risks by ID, from risk registers and risk documents. */
  risks(): Map<string, Risk[]> {
    if (!this.risksView) {
      const risks = new TrackedMap<Risk[]>(this.log, 'risk');
      for (const doc of this.sorted()) if (definesRisks(doc)) for (const risk of this.risksOf(doc)) risks.push(risk.id, risk);
      this.risksView = risks;
    }
    return this.risksView;
  }

  /**
   * The risks one document defines, read once per parsed model: a change to a register read its old and new risks,
   * then every register's again to rebuild the view (some 100 ms of one blocking step after pasting 2,000 rows).
   * Only models the index holds (not rules' watched copies, whose reads must be recorded); a path's entry goes
   * when its model is replaced or removed.
   */
  private risksOf(doc: IsmsDocument): Risk[] {
    let risks = this.riskReads.get(doc);
    if (!risks) {
      risks = readRisks(doc, this.riskMatcher);
      this.riskReads.set(doc, risks);
    }
    return risks;
  }

  /** Risks read by risksOf, for the models the index holds and those parsed ahead (see documentChanged, dropAhead). */
  private readonly riskReads = new Map<IsmsDocument, Risk[]>();

  soaRows(): SoaRow[] {
    this.log.reads?.add('soa');
    return this.soa().rows;
  }

  soaRowsFor(controlId: string): SoaRow[] {
    this.log.reads?.add('soa');
    return this.soa().byControl.get(controlId) ?? [];
  }

  private actions(): { rows: ActionRow[]; tracked: TrackedAction[]; byId: Map<string, TrackedAction> } {
    if (!this.actionsView) {
      const rows: ActionRow[] = [];
      for (const doc of this.sorted()) rows.push(...readActions(doc, this.actionMatcher));
      const tracked = trackActions(rows, (path) => this.docs.get(path));
      const byId = new Map<string, TrackedAction>();
      for (const action of tracked) if (action.id) byId.set(action.id, action);
      this.actionsView = { rows, tracked, byId };
    }
    return this.actionsView;
  }

  /** Every action row (tables of reviews, audits, treatment plans, action logs; task items), in path order. */
  actionRows(): ActionRow[] {
    this.log.reads?.add('actions');
    return this.actions().rows;
  }

  /** Actions merged by ID (see trackActions). */
  trackedActions(): TrackedAction[] {
    this.log.reads?.add('actions');
    return this.actions().tracked;
  }

  actionById(id: string): TrackedAction | undefined {
    this.log.reads?.add('actions');
    return this.actions().byId.get(id);
  }

  private readonly fileDates = new Map<string, number>();

  /**
   * When each file was last committed (days since epoch), from git where the host may run it (see
   * gitCommit.ts); evidence-stale reads it. Replaces the previous dates.
   */
  setFileDates(dates: ReadonlyMap<string, number>): void {
    const changed = new Set<string>();
    for (const [path, day] of dates) if (this.fileDates.get(path) !== day) changed.add(path);
    for (const path of this.fileDates.keys()) if (!dates.has(path)) changed.add(path);
    this.fileDates.clear();
    for (const [path, day] of dates) this.fileDates.set(path, day);
    for (const path of changed) this.bump(`filedate:${path}`);
  }

  /** The day a file was last committed, when known. */
  fileDate(path: string): number | undefined {
    this.log.reads?.add(`filedate:${path}`);
    return this.fileDates.get(path);
  }

  /** Every mention of an ID across the workspace, in path order. */
  referencesTo(kind: ReferenceKind, id: string): { doc: IsmsDocument; ref: Reference }[] {
    this.log.reads?.add('refs');
    this.referencesView ??= runToEnd(this.referencesViewSteps());
    return this.referencesView.get(refKey(kind, id)) ?? [];
  }

  /**
   * Builds the view referencesTo() answers from ahead of the rules that ask (the first check does), pausing every
   * STEP_DOCUMENTS documents: 130-150 ms in one piece on 5,000 documents. Abandoned if a document changes meanwhile.
   */
  *prepareReferences(): Generator<void, void, void> {
    if (this.referencesView) return;
    const at = this.referenceChanges;
    const view = yield* this.referencesViewSteps(() => this.referenceChanges !== at);
    if (this.referenceChanges === at) this.referencesView ??= view;
  }

  private *referencesViewSteps(changed?: () => boolean): Generator<void, Map<string, { doc: IsmsDocument; ref: Reference }[]>, void> {
    const references = new Map<string, { doc: IsmsDocument; ref: Reference }[]>();
    let read = 0;
    for (const doc of this.sorted()) {
      for (const ref of doc.references) push(references, refKey(ref.kind, ref.id), { doc, ref });
      if (changed && ++read % STEP_DOCUMENTS === 0) {
        yield;
        if (changed()) break;
      }
    }
    return references;
  }

  // ---- change tracking (for IncrementalChecker) ----------------------------------------------------------

  /**
   * Starts (with a set) or stops (undefined) recording the facets read; the checker runs one rule at a time.
   * `rule` names the rule: each rule sees its own watched documents, so a result another rule cached per document
   * (readSoaTables and the like) never hides a read from it. Within one rule such a cache can hide a read in a
   * later run, so the checker keeps the fields a rule read in earlier runs (see check.ts).
   */
  recordReads(reads: Set<string> | undefined, rule?: number): void {
    this.log.reads = reads;
    if (reads) {
      let proxies = this.proxiesByRule.get(rule ?? -1);
      if (!proxies) {
        proxies = new WeakMap();
        this.proxiesByRule.set(rule ?? -1, proxies);
      }
      this.proxies = proxies;
      this.fieldsRead = Object.create(null) as Record<string, true>;
    }
  }

  private readonly proxiesByRule = new Map<number, WeakMap<IsmsDocument, IsmsDocument>>();

  /**
   * New watched documents for every rule: values a rule cached per document (keyed by its watched copy) were read
   * in runs whose recorded reads a checker starting afresh (a new day) no longer has; new copies miss those caches,
   * so the first runs record every read again.
   */
  forgetWatchedDocuments(): void {
    this.proxiesByRule.clear();
  }

  /** Fields of watched documents already recorded in this rule run. */
  private fieldsRead = Object.create(null) as Record<string, true>;

  /**
   * Starts collecting changes for one consumer: `take()` returns the facets bumped and documents changed since
   * the previous call; `dispose()` stops collecting.
   */
  watchChanges(): { take(): WorkspaceChanges; dispose(): void } {
    let log: WorkspaceChanges = { facets: new Set(), paths: new Set() };
    this.watchers.add(log);
    return {
      take: () => {
        const taken = log;
        this.watchers.delete(taken);
        log = { facets: new Set(), paths: new Set() };
        this.watchers.add(log);
        return taken;
      },
      dispose: () => this.watchers.delete(log),
    };
  }

  private bump(...facets: string[]): void {
    for (const log of this.watchers) for (const f of facets) log.facets.add(f);
  }

  private addToFiles(path: string): void {
    if (this.files.has(path)) return;
    this.files.add(path);
    this.caseFoldedView = undefined;
    this.bump(`file:${path}`, 'files');
    for (const folder of parentFolders(path)) {
      const count = this.folders.get(folder) ?? 0;
      this.folders.set(folder, count + 1);
      if (count === 0) this.bump(`folder:${folder}`);
    }
  }

  private deleteProblem(path: string): void {
    if (this.problems.delete(path)) this.bump('problems');
  }

  /** A document appeared, changed or went away: bump what rules may have read of it and drop stale views. */
  private documentChanged(path: string, old: IsmsDocument | undefined, next: IsmsDocument | undefined): void {
    for (const log of this.watchers) log.paths.add(path);
    this.bump(`doc:${path}`);
    const wasIsms = old !== undefined && isIsmsDocument(old);
    const isIsms = next !== undefined && isIsmsDocument(next);
    // Which fields changed, for rules that read all documents (see watched()).
    if (!old || !next || wasIsms !== isIsms) {
      this.bump('docs', 'refs', 'docs.*');
    } else if (this.watchers.size) {
      let any = false;
      for (const key of new Set([...Object.keys(old), ...Object.keys(next)])) {
        if (sameValue((old as unknown as Record<string, unknown>)[key], (next as unknown as Record<string, unknown>)[key])) continue;
        this.bump(fieldFacet(key));
        any = true;
      }
      if (any) this.bump('docs.*');
    }
    if (!old || !next || wasIsms !== isIsms || !sameValue(old.references, next.references)) this.bump('refs');
    this.updateReferences(wasIsms ? old : undefined, isIsms ? next : undefined);
    if (wasIsms !== isIsms) this.sortedIsms = undefined;
    else if (isIsms && this.sortedIsms) {
      const at = this.sortedIsms.indexOf(old!);
      if (at >= 0) this.sortedIsms[at] = next!;
      else this.sortedIsms = undefined;
    }
    // Documents by ID: who holds which ID, and the documents themselves.
    const oldId = wasIsms ? old!.id : undefined;
    const newId = isIsms ? next!.id : undefined;
    if (oldId || newId) {
      // A document that kept its ID takes its old place (the view is in path order): rebuilding the view over
      // 5,000 documents after every keystroke in a document with an ID cost 3-4 ms each.
      if (oldId !== newId || !this.byIdView?.replace(oldId!, old!, next!)) this.byIdView = undefined;
      this.bump('id.all');
      if (oldId) this.bump(`id:${oldId}`);
      if (newId) this.bump(`id:${newId}`);
      if (oldId !== newId) {
        this.bump('id.keys');
        if (oldId) this.bump(`idkey:${oldId}`);
        if (newId) this.bump(`idkey:${newId}`);
      }
    }
    // Risks: only registers and risk documents define them.
    if ((wasIsms && definesRisks(old!)) || (isIsms && definesRisks(next!))) {
      const before = this.risksView;
      this.risksView = undefined;
      this.bump('risk.all');
      const oldRisks = wasIsms && definesRisks(old!) ? this.risksOf(old!).map((r) => r.id) : [];
      const newRisks = isIsms && definesRisks(next!) ? this.risksOf(next!).map((r) => r.id) : [];
      for (const id of new Set([...oldRisks, ...newRisks])) this.bump(`risk:${id}`);
      // Which IDs exist changes only for IDs this document added or dropped; the key order may change too.
      const after = before ? this.risks() : undefined;
      const keysBefore = before ? [...Map.prototype.keys.call(before)] : undefined;
      const keysAfter = after ? [...Map.prototype.keys.call(after)] : undefined;
      if (!keysBefore || !keysAfter || keysBefore.length !== keysAfter.length || keysBefore.some((k, i) => k !== keysAfter[i])) this.bump('risk.keys');
      const had = new Set(oldRisks);
      const has = new Set(newRisks);
      for (const id of had) if (!has.has(id)) this.bump(`riskkey:${id}`);
      for (const id of has) if (!had.has(id)) this.bump(`riskkey:${id}`);
    }
    if (old && old !== next) this.riskReads.delete(old); // after reading its risks above
    const oldActions = wasIsms ? readActions(old!, this.actionMatcher) : [];
    const newActions = isIsms ? readActions(next!, this.actionMatcher) : [];
    if ((oldActions.length || newActions.length) && !sameValue(oldActions, newActions)) {
      this.actionsView = undefined;
      this.bump('actions');
    } else if (oldActions.length && (!sameValue(old!.frontmatter?.data.date, next?.frontmatter?.data.date) || old!.type !== next?.type)) {
      this.actionsView = undefined;
      this.bump('actions');
    } else if (this.actionsView && (oldActions.length || newActions.length)) {
      this.actionsView = undefined; // same actions, new document object: rebuild the view's links to it
    }
    if ((wasIsms && old!.type === 'soa') || (isIsms && next!.type === 'soa')) {
      this.soaView = undefined;
      this.bump('soa');
    }
  }

  /**
   * Keeps the references view in step with one document's change, instead of dropping it: typing that moves a
   * reference rebuilt it for the whole workspace (some 130,000 entries on 5,000 documents) after every such
   * keystroke, the largest share of the garbage of a day of typing. Lists stay in path order, as built, and hold
   * the current document object (a change that kept the references still replaces it).
   */
  private updateReferences(old: IsmsDocument | undefined, next: IsmsDocument | undefined): void {
    this.referenceChanges++;
    const view = this.referencesView;
    const path = (old ?? next)?.path;
    if (!view || path === undefined) return;
    const added = new Map<string, { doc: IsmsDocument; ref: Reference }[]>();
    for (const ref of next?.references ?? []) push(added, refKey(ref.kind, ref.id), { doc: next!, ref });
    const keys = new Set(added.keys());
    for (const ref of old?.references ?? []) keys.add(refKey(ref.kind, ref.id));
    for (const key of keys) {
      const list = view.get(key) ?? [];
      // Where this document's entries are (or go): after the documents before it in path order.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (comparePaths(list[mid].doc.path, path) < 0) lo = mid + 1;
        else hi = mid;
      }
      let end = lo;
      while (end < list.length && list[end].doc.path === path) end++;
      list.splice(lo, end - lo, ...(added.get(key) ?? []));
      if (!list.length) view.delete(key);
      else if (!view.has(key)) view.set(key, list);
    }
  }
}

const fieldFacets = new Map<string, string>();
/** `docs.references` for the `references` field: one string per field name. */
function fieldFacet(field: string): string {
  let facet = fieldFacets.get(field);
  if (!facet) {
    facet = `docs.${field}`;
    fieldFacets.set(field, facet);
  }
  return facet;
}

function definesRisks(doc: IsmsDocument): boolean {
  return doc.type === 'risk-register' || doc.type === 'risk';
}

/** `a` and `a/b` for `a/b/c.md`. */
function parentFolders(path: string): string[] {
  const folders: string[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) folders.push(path.slice(0, i));
  return folders;
}

/** Deep equality of model values: plain objects, arrays, Maps, Sets and primitives (NaN equals NaN). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [k, v] of a) if (!other.has(k) || !sameValue(v, other.get(k))) return false;
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    if (a.size !== other.size) return false;
    for (const v of a) if (!other.has(v)) return false;
    return true;
  }
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Readers differ on whether they keep a byte-order mark; it changes no setting. */
const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

/**
 * A 53-bit hash of a text (cyrb53): tells whether a file's text is the one a model was parsed from without keeping
 * the text. Not cryptographic; the texts are the user's own files, and a chance collision is about 1 in 10^15.
 */
function textHash(text: string): number {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
