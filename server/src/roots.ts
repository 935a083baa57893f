// The server's view of the workspace folders: one IsmsWorkspace per root (each root is its own ISMS), loaded
// through a WorkspaceFileSystem (the disk, or the client), with open editors' text layered on top and kept
// current from file-watcher events. No Node APIs: the browser build uses it too.
import { URI } from 'vscode-uri';
import { IsmsWorkspace, isMarkdownPath } from './engine/workspace/workspace';
import { isInside, type ScannedFolder } from './engine/workspace/loader';
import type { ResultCache, CachedResults, FolderKey } from './engine/workspace/resultCache';
import { IncrementalChecker, type PathFindings } from './engine/check';
import { decodeText } from './engine/workspace/textFile';
import { CONFIG_FILE_NAMES } from './engine/config/load';
import { START_RANGE, type Diagnostic } from './engine/model';
import { todayUtc } from './engine/util/dates';
import type { RootLocation, WorkspaceFileSystem } from './fileSystem/workspaceFileSystem';

export interface Root extends RootLocation {
  workspace: IsmsWorkspace;
  /** The workspace folder this root was found in: itself, or the folder an ISMS with its own .isms.yaml is nested in. */
  folder?: string;
  /** A folder without configuration whose nested ISMSs are the roots: its own files are not checked. */
  container?: boolean;
}

/** Hooks into loading a root, for progress reports and the result cache. */
export interface LoadHooks {
  /** Markdown files read and parsed so far in one root. */
  onProgress?(rootUri: string, done: number, total: number): void;
  /** The root's files are unchanged since its findings were cached: publish them before the index is built. */
  onCached?(root: Root, cached: CachedResults): Promise<void>;
  /** Today, for the cache key. */
  today(): number;
}

/** Folders with at least this many Markdown files get an open document's own findings before the index is built. */
const LARGE_FOLDER = 100;

/**
 * Open texts at least this long (a 2,000-row register is 200,000 characters; a long policy 20,000) are parsed
 * ahead of the index update, in turns of their own (see parseAhead).
 */
const LARGE_TEXT = 50_000;

export class Roots {
  private roots: Root[] = [];
  /** Text of documents open in the editor, which wins over what is on disk. */
  private readonly open = new Map<string, string>();
  /** Roots being loaded: their folder walked (configuration known), files still being read. */
  private readonly loading = new Map<
    string,
    { config: Promise<{ workspace: IsmsWorkspace; markdown: readonly [string, string][] } | undefined>; scanned: Promise<ScannedFolder | undefined> }
  >();
  /** The editor settings each root was (or is being) loaded with, to reload only when they change. */
  private readonly loadedSettings = new Map<string, string>();
  /** Cache keys of loaded roots, to store their findings under once checked. */
  private readonly cacheKeys = new Map<string, FolderKey>();
  /** The on-disk result cache (Node only), used for `file:` roots. */
  cache: ResultCache | undefined;
  hooks: LoadHooks | undefined;

  constructor(
    private readonly settings: (rootUri: string) => Promise<unknown>,
    private readonly log: (message: string) => void,
    readonly fs: WorkspaceFileSystem,
  ) {}

  all(): readonly Root[] {
    this.flushOpenText();
    return this.roots;
  }

  /** Called with the URIs of roots that no longer exist (a nested ISMS whose .isms.yaml was removed, say). */
  onRemoved: ((rootUris: string[]) => void) | undefined;

  async setFolders(folderUris: string[]): Promise<void> {
    const before = this.roots;
    this.roots = (await Promise.all(folderUris.map((uri) => this.loadTree(uri, uri)))).flat();
    this.reportRemoved(before);
  }

  /**
   * Whether the editor settings of any of these folders differ from those it was loaded with. Clients send
   * workspace/didChangeConfiguration at start-up (VS Code's twice: once for `synchronize`, once for the server's
   * registration) with nothing changed; reloading for each tripled the start-up work. A folder whose load has
   * not read its settings yet will read the current ones, so it counts as unchanged.
   */
  async settingsChanged(folderUris: readonly string[]): Promise<boolean> {
    for (const uri of folderUris) {
      const loaded = this.loadedSettings.get(uri);
      if (loaded !== undefined && loaded !== JSON.stringify((await this.settings(uri)) ?? null)) return true;
    }
    return false;
  }

  /** Reloads the workspace folder a root was found in, with every ISMS nested in it. Returns the roots now there. */
  async reload(root: Root): Promise<Root[]> {
    const folder = root.folder ?? root.uri;
    // Unchanged files keep their parse where the new configuration parses as the old one did (reuseParsesOf).
    const replaced = new Map(this.roots.filter((r) => (r.folder ?? r.uri) === folder).map((r) => [r.uri, r.workspace]));
    const fresh = await this.loadTree(folder, folder, replaced);
    const before = this.roots;
    const at = before.findIndex((r) => (r.folder ?? r.uri) === folder);
    const others = before.filter((r) => (r.folder ?? r.uri) !== folder);
    this.roots = at < 0 ? [...others, ...fresh] : [...others.slice(0, at), ...fresh, ...others.slice(at)];
    this.reportRemoved(before);
    return fresh;
  }

  private reportRemoved(before: readonly Root[]): void {
    const now = new Set(this.roots.map((r) => r.uri));
    const removed = before.map((r) => r.uri).filter((uri) => !now.has(uri));
    if (removed.length) this.onRemoved?.(removed);
  }

  /** A folder and the ISMSs nested in it (folders with their own .isms.yaml), outer first. */
  private async loadTree(uri: string, folder: string, replaced?: ReadonlyMap<string, IsmsWorkspace>): Promise<Root[]> {
    const { root, nested } = await this.load(uri, folder, replaced?.get(uri));
    const inner = await Promise.all(nested.map((path) => this.loadTree(this.fs.uriOf(root, path), folder, replaced)));
    return [root, ...inner.flat()];
  }

  /** `replaced`: the workspace this root had before a reload, whose unchanged parses the new one takes. */
  private async load(uri: string, folder: string, replaced?: IsmsWorkspace): Promise<{ root: Root; nested: string[] }> {
    const parsed = URI.parse(uri);
    const location: RootLocation = { uri, fsPath: parsed.fsPath };
    const { fsPath } = location;
    const started = Date.now();
    type Configured = { workspace: IsmsWorkspace; markdown: readonly [string, string][] } | undefined;
    let configured: (value: Configured) => void = () => undefined;
    const config = new Promise<Configured>((resolve) => (configured = resolve));
    const onConfig = (workspace: IsmsWorkspace, markdown: readonly [string, string][]) => configured({ workspace, markdown });
    const scanning = (async () => {
      const settings = await this.settings(uri);
      this.loadedSettings.set(uri, JSON.stringify(settings ?? null));
      return this.fs.scanFolder(location, { settings, log: this.log, onConfig });
    })();
    scanning.catch(() => configured(undefined));
    this.loading.set(uri, { config, scanned: scanning.catch(() => undefined) });
    try {
      const scanned = await scanning;
      const { workspace } = scanned;
      workspace.reuseParsesOf(replaced);
      const root: Root = { uri, fsPath, workspace, folder, ...(scanned.container ? { container: true } : {}) };
      this.cacheKeys.delete(uri);
      // The cache hashes files on disk: only for roots read from it.
      if (this.cache && this.hooks && parsed.scheme === 'file') {
        // Unchanged files since the last run: show the findings stored then, while the index is built.
        const scannedAt = Date.now();
        const key = await this.cache.key(fsPath, scanned, this.hooks.today());
        this.cacheKeys.set(uri, key);
        const cached = this.cache.load(fsPath, key.key);
        const use = cached !== undefined && !(await this.openTextDiffersFromDisk(location));
        if (use) await this.hooks.onCached?.(root, cached);
        this.log(`result cache ${use ? 'hit' : 'miss'} for ${fsPath}: walked in ${scannedAt - started} ms, hashed ${scanned.markdown.length} files in ${Date.now() - scannedAt} ms (${Math.round(performance.now())} ms after start)`);
      }
      await this.fs.readMarkdownFiles(location, scanned, { onProgress: (done, total) => this.hooks?.onProgress?.(uri, done, total) });
      const nested = scanned.nestedRoots ?? [];
      for (const [docUri, text] of this.open) {
        const rel = this.fs.relative(location, docUri);
        if (rel !== undefined && !root.container && !nested.some((n) => isInside(rel, n))) workspace.setText(rel, text);
      }
      workspace.reuseParsesOf(undefined);
      this.log(
        `loaded ${fsPath}: ${workspace.markdownDocuments().length} Markdown files, ${workspace.ismsDocuments().length} ISMS documents in ${Date.now() - started} ms${
          nested.length ? `; ISMSs with their own configuration in ${nested.join(', ')}` : ''
        }`,
      );
      return { root, nested };
    } finally {
      this.loading.delete(uri);
    }
  }

  private async openTextDiffersFromDisk(root: RootLocation): Promise<boolean> {
    // Decoded like `fs.readFile(path, 'utf8')`: a byte-order mark is kept, so such a file never matches the editor.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (const [docUri, text] of this.open) {
      if (this.fs.relative(root, docUri) === undefined) continue;
      const disk = await this.fs.readFile(docUri);
      if (disk === undefined || decoder.decode(disk) !== text) return true;
    }
    return false;
  }

  /** Stores a checked root's findings in the result cache (when the root was loaded with a cache key). */
  async saveToCache(root: Root, findings: (path: string) => PathFindings, paths: Iterable<string>): Promise<void> {
    const key = this.cacheKeys.get(root.uri);
    if (!this.cache || !key) return;
    this.cacheKeys.delete(root.uri); // once: later findings reflect edits, not the files on disk
    const stored: Omit<CachedResults, 'writtenAt'> = { key: key.key, files: key.files, findings: {} };
    for (const path of paths) {
      const list = findings(path).diagnostics;
      if (list.length) stored.findings[path] = list;
    }
    if (await this.openTextDiffersFromDisk(root)) return; // findings of editor text, not of the files
    this.cache.save(root.fsPath, stored);
  }

  /**
   * An open document's own findings while its (large) folder is still loading: the rules whose result depends on
   * that document alone, run on it by itself. Exactly what the full check will say for those rules; the rest
   * follows once the index is built. Undefined when the folder is small or already loaded.
   */
  async earlyFindings(docUri: string, text: string): Promise<{ root: Root; path: string; diagnostics: Diagnostic[] } | undefined> {
    for (const [uri, loading] of this.loading) {
      const location: RootLocation = { uri, fsPath: URI.parse(uri).fsPath };
      const rel = this.fs.relative(location, docUri);
      if (rel === undefined || !isMarkdownPath(rel)) continue;
      // Checked as soon as the configuration is known, while the folder is still being walked.
      const configured = await loading.config;
      if (!configured) return undefined;
      const { workspace, markdown } = configured;
      const alone = new IsmsWorkspace(workspace.config, workspace.configDiagnostics, workspace.configPath, workspace.configText);
      alone.setText(rel, text);
      const checker = new IncrementalChecker(alone, { watch: false, documentRulesOnly: true });
      checker.check(this.hooks?.today() ?? todayUtc());
      // Large: the walk (still going) finds enough Markdown files; small folders load fast enough without this.
      let walked = false;
      void loading.scanned.then(() => (walked = true));
      while (markdown.length < LARGE_FOLDER && !walked) await new Promise((resolve) => setTimeout(resolve, 5));
      if (markdown.length < LARGE_FOLDER) return undefined;
      if (!this.loading.has(uri)) return undefined; // loaded meanwhile: the full check follows
      return { root: { ...location, workspace }, path: rel, diagnostics: checker.localFindings(rel) };
    }
    return undefined;
  }

  /** URIs of the documents open in the editor. */
  openUris(): IterableIterator<string> {
    return this.open.keys();
  }

  /** The root a document belongs to (the innermost, for nested folders) and its path inside it. */
  locate(docUri: string): { root: Root; path: string } | undefined {
    this.flushOpenText();
    return this.find(docUri);
  }

  /** The root a document belongs to, as locate() finds it, without putting edited texts in the index first. */
  rootOf(docUri: string): Root | undefined {
    return this.find(docUri)?.root;
  }

  private find(docUri: string): { root: Root; path: string } | undefined {
    let best: { root: Root; path: string } | undefined;
    for (const root of this.roots) {
      const path = this.fs.relative(root, docUri);
      if (path !== undefined && (!best || root.fsPath.length > best.root.fsPath.length)) best = { root, path };
    }
    return best;
  }

  uriOf(root: Root, path: string): string {
    if (path === '.') return root.workspace.configPath ? this.uriOf(root, root.workspace.configPath) : root.uri;
    return this.fs.uriOf(root, path);
  }

  /**
   * An editor opened or changed a document. Returns the root to re-check. The text is parsed when the index is
   * next read (any `all()` or `locate()`, which the check and every feature go through): a burst of keystrokes
   * arrives as one message each, and parsing the whole document for each of them cost more than the check.
   */
  setOpenText(docUri: string, text: string): Root | undefined {
    this.open.set(docUri, text);
    const at = this.find(docUri);
    if (!at || at.root.container || !isMarkdownPath(at.path)) return undefined;
    this.unparsed.add(docUri);
    return at.root;
  }

  /** Open documents whose latest text is not parsed into the index yet (see setOpenText). */
  private readonly unparsed = new Set<string>();

  /** Whether a large open text waits to be parsed into the index (see parseAhead). */
  hasLargeUnparsed(): boolean {
    for (const docUri of this.unparsed) if ((this.open.get(docUri)?.length ?? 0) >= LARGE_TEXT) return true;
    return false;
  }

  /**
   * Parses large open texts not in the index yet ahead of the update that puts them there, a step (of the parse,
   * then of reading the risks it defines) per turn of the event loop, so that each block is short and messages get
   * through in between (see IsmsWorkspace.parseAhead). Nothing is put in the index here: the next all() or locate()
   * does that, with whatever text is open then, and takes a model made ahead only for exactly that text. A bounded
   * number of steps: a document typed into all the while is parsed by the update itself.
   */
  async parseAhead(): Promise<void> {
    for (let steps = 0; steps < 64; steps++) {
      let did = false;
      for (const docUri of this.unparsed) {
        const text = this.open.get(docUri);
        if (text === undefined || text.length < LARGE_TEXT) continue;
        const at = this.find(docUri);
        if (!at || at.root.container || !isMarkdownPath(at.path)) continue;
        if (at.root.workspace.parseAhead(at.path, text)) {
          did = true;
          break;
        }
      }
      if (!did) return;
      // A timer, not setImmediate: the step before ran in a timer callback, and an immediate would run in the same
      // turn of the loop, before any timer that is due (the server's stall monitor saw both steps as one block).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private flushOpenText(): void {
    if (this.unparsed.size === 0) return;
    for (const docUri of this.unparsed) {
      const text = this.open.get(docUri);
      const at = this.find(docUri);
      if (text !== undefined && at && !at.root.container && isMarkdownPath(at.path)) at.root.workspace.setText(at.path, text);
    }
    this.unparsed.clear();
  }

  /** An editor closed a document: what is on disk counts again. */
  async closeText(docUri: string): Promise<Root | undefined> {
    this.unparsed.delete(docUri);
    this.open.delete(docUri);
    return this.refreshFromDisk(docUri);
  }

  /**
   * A file changed, appeared or vanished on disk. Returns the roots to re-check: a configuration file anywhere
   * reloads its workspace folder with every nested ISMS (one may have appeared or gone).
   */
  async fileChanged(docUri: string, change: 'created' | 'changed' | 'deleted'): Promise<Root[]> {
    const at = this.locate(docUri);
    if (!at) return [];
    if (CONFIG_FILE_NAMES.includes(at.path.slice(at.path.lastIndexOf('/') + 1))) return this.reload(at.root);
    // A deleted folder is one event (VS Code drops the events of the files in it): an ISMS nested in it goes too.
    if (change === 'deleted') {
      const gone: RootLocation = { uri: docUri, fsPath: URI.parse(docUri).fsPath };
      if (this.roots.some((r) => r.uri !== (r.folder ?? r.uri) && (r.uri === docUri || this.fs.relative(gone, r.uri) !== undefined))) return this.reload(at.root);
    }
    if (at.root.container) {
      // A folder moved in may hold an ISMS of its own (its .isms.yaml comes without an event).
      if (change === 'created' && (await this.fs.readFile(docUri)) === undefined) this.pendingReloads.add(at.root.uri);
      return [];
    }
    // The editor's text wins until it is closed, also over a deletion: the editor still shows the document (saving
    // it writes it back, and that "created" event changes nothing here), so what links to it or names its IDs keeps
    // its findings. Removed here, it stayed out of the index after the save (the soak's file operations found it).
    if (this.open.has(docUri)) return [];
    if (change === 'deleted') {
      const { workspace } = at.root;
      workspace.removeFile(at.path);
      const open = new Set([...this.open.keys()].map((uri) => this.fs.relative(at.root, uri)));
      workspace.removeFolder(at.path, (path) => open.has(path));
      return [at.root];
    }
    const known = at.root.workspace.hasFile(at.path);
    const root = await this.refreshFromDisk(docUri);
    // Created, yet no file to read: gone again, or a folder moved or copied in, whose files come without events of
    // their own. Its root is read again once this batch of events is through (reloadPending).
    if (root && change === 'created' && !known && !root.workspace.hasFile(at.path)) {
      this.pendingReloads.add(root.uri);
      return [];
    }
    return root ? [root] : [];
  }

  /** Roots that something unreadable appeared in (see fileChanged). */
  private readonly pendingReloads = new Set<string>();

  /** Reloads, once each, the roots fileChanged found a folder created in. Returns the roots now there. */
  async reloadPending(): Promise<Root[]> {
    const uris = [...this.pendingReloads];
    this.pendingReloads.clear();
    const reloaded: Root[] = [];
    for (const uri of uris) {
      const root = this.roots.find((r) => r.uri === uri);
      if (root) reloaded.push(...(await this.reload(root)));
    }
    return reloaded;
  }

  private async refreshFromDisk(docUri: string): Promise<Root | undefined> {
    const at = this.locate(docUri);
    if (!at || at.root.container) return undefined;
    const { workspace } = at.root;
    const bytes = await this.fs.readFile(docUri);
    if (bytes === undefined) {
      workspace.removeFile(at.path);
      return at.root;
    }
    if (!isMarkdownPath(at.path, workspace.config.markdownExtensions)) {
      workspace.addFile(at.path);
      return at.root;
    }
    const decoded = decodeText(bytes, workspace.config.maxFileSizeKb * 1024);
    if ('text' in decoded) workspace.setMarkdown(at.path, decoded.text);
    else workspace.setFileProblem(at.path, { path: at.path, range: START_RANGE, severity: 'warning', code: 'file-unreadable', message: decoded.problem });
    return at.root;
  }
}
