// Publishes the engine's findings for every file of a root (open or not), replacing what was published before.
// Each root keeps an incremental checker: after an edit only what the edit affects is re-checked, and only files
// whose findings changed are published again (open documents first).
import type { Connection } from 'vscode-languageserver';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../engine/model';
import { IncrementalChecker } from '../engine/check';
import type { IsmsWorkspace } from '../engine/workspace/workspace';
import type { Root, Roots } from '../roots';
import { findRule } from '../engine/rules/registry';
import { todayUtc } from '../engine/util/dates';
import { yieldToEventLoop } from '../engine/util/eventLoop';

/** The longest a check runs before it lets the event loop turn (see publish()). */
const SLICE_MS = 30;

/** Runs a check's steps for one slice of time; the last result, done or not. */
function runSlice(steps: Generator<void, Set<string>, void>, sliceMs: number): IteratorResult<void, Set<string>> {
  const end = Date.now() + sliceMs;
  let step = steps.next();
  while (!step.done && Date.now() < end) step = steps.next();
  return step;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'isms',
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
    ...(findRule(d.code) ? { codeDescription: { href: `https://github.com/isms-markdown/isms-markdown#${d.code}` } } : {}),
  };
}

/** One check of a root, from its first slice until its findings are sent. */
interface CheckRun {
  root: Root;
  workspace: IsmsWorkspace;
  checker: IncrementalChecker;
  /** A new index: every file's findings are published, and what is no longer there is cleared. */
  fresh: boolean;
  /** The second check of an edit, running the slow workspace rules the first one deferred. */
  followUp: boolean;
  started: number;
  slices: number;
  /** Whether a newer check of the root (or its removal) has taken over. */
  stale: () => boolean;
}

export class DiagnosticsPublisher {
  /** URIs that currently show findings, per root, so fixed files get an empty list. */
  private readonly published = new Map<string, Set<string>>();
  /** The document version each open document's findings were last published with. */
  private readonly publishedVersions = new Map<string, number | undefined>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reportedFailures = new Set<string>();
  private readonly checkers = new Map<string, { workspace: IsmsWorkspace; checker: IncrementalChecker }>();
  /** The latest check's findings by URI, for other features (code actions, status). */
  readonly latest = new Map<string, Diagnostic[]>();
  /** Called after each root's check: the index changed, so answers that depend on other files may have too. */
  private readonly listeners: ((root: Root) => void)[] = [];
  /** How long the last check took; a slow one makes the next wait for a burst of edits to end. */
  private lastCheckMs = 0;
  /** Roots whose next check is the second pass of the slow workspace rules. */
  private readonly followUps = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly roots: Roots,
    private readonly today: () => number | undefined,
    private readonly versionOf: (uri: string) => number | undefined,
    /** When set, each check is logged, followed by what this returns (the Node server's memory use). */
    private readonly logChecks?: () => string,
    /** See IncrementalChecker: which workspace rules wait for the second pass. */
    private readonly slowWorkspaceRuleMs?: number,
    /** How long a check runs before the event loop turns (see publish(); 0 in tests: after every step). */
    private readonly sliceMs = SLICE_MS,
  ) {}

  /**
   * Re-checks a root soon; bursts of edits and file events collapse into one check. Without a delay, the check
   * runs as soon as the current burst of messages is handled (or after 120 ms when checks are slow).
   */
  schedule(root: Root, delayMs?: number): void {
    clearTimeout(this.timers.get(root.uri));
    this.timers.set(
      root.uri,
      setTimeout(
        () => {
          this.timers.delete(root.uri);
          // The root may have been reloaded since; check the current one.
          void this.publishCurrent(root.uri);
        },
        delayMs ?? (this.lastCheckMs > 50 ? 120 : 0),
      ),
    );
  }

  /**
   * Checks and publishes the current root with this URI now (it may have been reloaded since it was looked up).
   * A large document edited since the index was updated is parsed first, in turns of the event loop of its own
   * (Roots.parseAhead): in one block with the update and the check's first slice, a 2,000-row register pasted
   * into an open document held the event loop for over a second under the soak's load.
   */
  publishCurrent(rootUri: string, parseAhead = true): Promise<void> {
    if (parseAhead && this.roots.hasLargeUnparsed()) return this.roots.parseAhead().then(() => this.publishCurrent(rootUri, false));
    const current = this.roots.all().find((r) => r.uri === rootUri);
    return current ? this.publish(current) : Promise.resolve();
  }

  onPublished(listener: (root: Root) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Checks and publishes. A check that ends within a slice of the event loop (an edit's, nearly always) runs and is
   * published synchronously: it reads the index as it is now, so a publish can never carry findings older than the
   * text it is sent after. A longer one (the first check of a large folder takes seconds, a branch switch's
   * hundreds of milliseconds) goes on in slices with a turn of the loop in between, so edits and requests are not
   * held up, and is published once done, with the document versions it started from; whatever changed meanwhile
   * is checked right after. Resolves once the root's findings are published and no check of it is running.
   */
  publish(root: Root): Promise<void> {
    const busy = this.running.get(root.uri);
    if (busy) {
      busy.again = true;
      return busy.idle;
    }
    const started = Date.now();
    clearTimeout(this.timers.get(root.uri));
    this.timers.delete(root.uri);
    let state = this.checkers.get(root.uri);
    const fresh = !state || state.workspace !== root.workspace;
    if (fresh) {
      state?.checker.dispose();
      state = { workspace: root.workspace, checker: new IncrementalChecker(root.workspace, this.slowWorkspaceRuleMs === undefined ? {} : { slowWorkspaceRuleMs: this.slowWorkspaceRuleMs }) };
      this.checkers.set(root.uri, state);
    }
    const checking = state!;
    // After an edit, slow workspace rules run in a second check right after this one is published. That second
    // check must not defer them again: it did, so a slow rule (the SoA cross-checks on a large ISMS, or any rule
    // on a loaded machine) never ran after its first check, and a file deleted on disk left its findings stale
    // (the soak's mismatches), while the follow-up rescheduled itself every 10 ms.
    const followUp = this.followUps.delete(root.uri);
    const versions = new Map<string, number | undefined>();
    for (const uri of this.roots.openUris()) versions.set(uri, this.versionOf(uri));
    const steps = checking.checker.steps(this.today() ?? todayUtc(), { deferSlowRules: !fresh && !followUp });
    // A root removed (or reloaded and checked afresh) meanwhile: these findings are no longer anyone's.
    const run: CheckRun = { root, ...checking, fresh, followUp, started, slices: 1, stale: () => this.checkers.get(root.uri) !== checking };
    let step = runSlice(steps, this.sliceMs);
    if (step.done) {
      const sending = this.finish(run, step.value, this.versionOf);
      return sending ? this.whileRunning(root, () => sending) : Promise.resolve();
    }
    return this.whileRunning(root, async () => {
      while (!step.done) {
        await yieldToEventLoop();
        step = runSlice(steps, this.sliceMs);
        run.slices++;
      }
      if (!run.stale()) await this.finish(run, step.value, (uri) => versions.get(uri));
    });
  }

  /**
   * Runs a root's check (or the rest of its publishing) over turns of the event loop: a check asked for meanwhile
   * waits, and runs once this one is done, seeing whatever changed since this one began.
   */
  private whileRunning(root: Root, work: () => Promise<void>): Promise<void> {
    let settled = () => undefined as void;
    const record = { again: false, idle: new Promise<void>((resolve) => (settled = resolve)) };
    this.running.set(root.uri, record);
    void (async () => {
      try {
        await work();
      } catch (e) {
        this.connection.console.error(`checking ${root.uri} failed: ${(e as Error).stack ?? String(e)}`);
      } finally {
        this.running.delete(root.uri);
        if (record.again) await this.publishCurrent(root.uri);
        settled();
      }
    })();
    return record.idle;
  }

  /** Roots being checked in slices (see publish()), and whether another check was asked for meanwhile. */
  private readonly running = new Map<string, { again: boolean; idle: Promise<void> }>();

  /** Resolves once no check is running (features answer from the latest findings). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()].map((r) => r.idle));
  }

  /** Publishes a finished check's findings: those of `changedPaths` (every file's after a fresh index). */
  private finish(run: CheckRun, changedPaths: Set<string>, versionOf: (uri: string) => number | undefined): Promise<void> | undefined {
    const { root, checker, fresh, stale } = run;
    const byUri = new Map<string, Diagnostic[]>();
    for (const path of fresh ? checker.paths() : changedPaths) byUri.set(this.roots.uriOf(root, path), checker.findings(path).diagnostics);
    for (const d of byUri.get(this.roots.uriOf(root, '.')) ?? []) {
      if (d.code === 'rule-failed' && !this.reportedFailures.has(d.message)) {
        // Once per failure in the output channel; the diagnostic stays on the workspace until it is fixed.
        this.reportedFailures.add(d.message);
        this.connection.console.error(d.message);
      }
    }
    const published = this.published.get(root.uri) ?? new Set<string>();
    if (fresh) {
      for (const uri of published) {
        if (byUri.has(uri)) continue;
        // A file now in another root (a sub-folder that became an ISMS of its own), whose check published it
        // first: its findings are that root's, not this one's to clear.
        if (this.publishedByAnother(root.uri, uri)) published.delete(uri);
        else byUri.set(uri, []);
      }
    }
    // Every open document is published for its current version, even when its findings did not change, so the
    // editor knows they are up to date with what it shows.
    for (const uri of this.roots.openUris()) {
      const version = versionOf(uri);
      if (version === undefined || version === this.publishedVersions.get(uri) || byUri.has(uri)) continue;
      // rootOf, not locate: an edit that came during a sliced check is parsed by the next check (ahead, if large).
      if (this.roots.rootOf(uri)?.uri === root.uri) byUri.set(uri, this.latest.get(uri) ?? []);
    }
    this.published.set(root.uri, published);
    const turns = { count: 0 };
    const sending = this.send(published, byUri, fresh, { versionOf, stale, turns });
    const done = () => this.checked(run, changedPaths, `${byUri.size} published${turns.count > 1 ? ` in ${turns.count} turns` : ''}`);
    if (sending) return sending.then(() => (stale() ? undefined : done()));
    done();
    return undefined;
  }

  /** After a check's findings are all sent: its follow-up scheduled, its line logged, the listeners told. */
  private checked({ root, workspace, checker, fresh, followUp, started, slices }: CheckRun, changedPaths: Set<string>, published: string): void {
    if (!followUp) this.lastCheckMs = Date.now() - started;
    if (checker.hasDeferred()) {
      this.followUps.add(root.uri);
      this.schedule(root, 10);
    }
    if (this.logChecks) {
      const { ruleRuns, documentsChanged, ms } = checker.stats;
      this.connection.console.log(
        `check ${root.uri}: ${ms} ms in ${slices} slice${slices === 1 ? '' : 's'}, ${ruleRuns} rule runs, ${documentsChanged} documents changed, ${workspace.parseCount} parses in all, ${published}; ${this.logChecks()}`,
      );
    }
    if (fresh || checker.stats.documentsChanged > 0 || changedPaths.size > 0) for (const listener of this.listeners) listener(root);
  }

  /**
   * Publishes findings by URI, open documents first (what the user is looking at). With `skipSame`, a URI whose
   * findings equal what is shown (from the result cache, say) is not sent again. Thousands of files (a pasted
   * register that defines a risk half the folder names; a restart's cached findings) are sent a slice of the event
   * loop at a time, each with the version its document had when sending began: then the promise of the rest is
   * returned, and sending stops early once `stale()` says a newer check of the root took over.
   */
  private send(
    published: Set<string>,
    byUri: Map<string, Diagnostic[]>,
    skipSame: boolean,
    { versionOf = this.versionOf, stale = () => false, turns = { count: 0 } }: { versionOf?: (uri: string) => number | undefined; stale?: () => boolean; turns?: { count: number } } = {},
  ): Promise<void> | undefined {
    const order = [...byUri.keys()].map((uri) => ({ uri, version: versionOf(uri) })).sort((a, b) => Number(b.version !== undefined) - Number(a.version !== undefined));
    let next = 0;
    const sendSlice = (): boolean => {
      turns.count++;
      const end = Date.now() + this.sliceMs;
      while (next < order.length) {
        const { uri, version } = order[next++];
        this.sendOne(published, uri, version, byUri.get(uri)!, skipSame);
        if (Date.now() >= end) break;
      }
      return next >= order.length;
    };
    if (sendSlice()) return undefined;
    return (async () => {
      do await yieldToEventLoop();
      while (!stale() && !sendSlice());
    })();
  }

  private sendOne(published: Set<string>, uri: string, version: number | undefined, list: Diagnostic[], skipSame: boolean): void {
    if (list.length === 0) {
      this.latest.delete(uri);
      const shown = published.delete(uri);
      const newVersion = version !== undefined && version !== this.publishedVersions.get(uri);
      if (!shown && !newVersion) return; // nothing shown there, and the editor knows
      if (version === undefined) this.publishedVersions.delete(uri);
      else this.publishedVersions.set(uri, version);
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const shown = this.latest.get(uri);
    this.latest.set(uri, list);
    if (skipSame && shown && published.has(uri) && this.publishedVersions.get(uri) === version && JSON.stringify(shown) === JSON.stringify(list)) return;
    published.add(uri);
    this.publishedVersions.set(uri, version);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: list.map(toLspDiagnostic) });
  }

  /** Findings from the result cache, shown while the root's index is being built (then checked and replaced). */
  async publishCached(root: Root, findings: Record<string, Diagnostic[]>): Promise<void> {
    const published = this.published.get(root.uri) ?? new Set<string>();
    this.published.set(root.uri, published);
    const byUri = new Map<string, Diagnostic[]>();
    for (const [path, list] of Object.entries(findings)) byUri.set(this.roots.uriOf(root, path), list);
    for (const uri of published) if (!byUri.has(uri)) byUri.set(uri, []);
    await this.send(published, byUri, false);
  }

  /** An open document's own findings while its folder is still loading (see Roots.earlyFindings). */
  publishEarly(root: Root, path: string, findings: Diagnostic[]): void {
    const published = this.published.get(root.uri) ?? new Set<string>();
    const uri = this.roots.uriOf(root, path);
    if (published.has(uri)) return; // cached findings are already shown, and complete
    void this.send(published, new Map([[uri, findings]]), false);
    this.published.set(root.uri, published);
  }

  /** The checker of a root, once it has been checked. */
  checkerOf(root: Root): IncrementalChecker | undefined {
    const state = this.checkers.get(root.uri);
    return state && state.workspace === root.workspace ? state.checker : undefined;
  }

  /**
   * The findings shown for a root: those of the URIs it published (the views and the status item ask after every
   * check; finding each URI's root among 5,000 took 20 ms and more).
   */
  publishedFindings(rootUri: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const uri of this.published.get(rootUri) ?? []) {
      const list = this.latest.get(uri);
      if (list) for (const d of list) out.push(d);
    }
    return out;
  }

  /** Whether a root other than this one has published findings on a URI (files move between nested roots). */
  private publishedByAnother(rootUri: string, uri: string): boolean {
    for (const [other, uris] of this.published) if (other !== rootUri && uris.has(uri)) return true;
    return false;
  }

  clearRoot(rootUri: string): void {
    for (const uri of this.published.get(rootUri) ?? []) {
      if (this.publishedByAnother(rootUri, uri)) continue;
      this.latest.delete(uri);
      this.publishedVersions.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.delete(rootUri);
    this.checkers.get(rootUri)?.checker.dispose();
    this.checkers.delete(rootUri);
  }
}
