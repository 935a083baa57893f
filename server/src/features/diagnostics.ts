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
          this.publishCurrent(root.uri);
        },
        delayMs ?? (this.lastCheckMs > 50 ? 120 : 0),
      ),
    );
  }

  /** Checks and publishes the current root with this URI now (it may have been reloaded since it was looked up). */
  publishCurrent(rootUri: string): void {
    const current = this.roots.all().find((r) => r.uri === rootUri);
    if (current) this.publish(current);
  }

  onPublished(listener: (root: Root) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Checks and publishes synchronously: the check reads the index as it is now, so a publish can never carry
   * findings older than the text it is sent after.
   */
  publish(root: Root): void {
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
    const { checker } = state!;
    // After an edit, slow workspace rules run in a second check right after this one is published. That second
    // check must not defer them again: it did, so a slow rule (the SoA cross-checks on a large ISMS, or any rule
    // on a loaded machine) never ran after its first check, and a file deleted on disk left its findings stale
    // (the soak's mismatches), while the follow-up rescheduled itself every 10 ms.
    const followUp = this.followUps.delete(root.uri);
    const changedPaths = checker.check(this.today() ?? todayUtc(), { deferSlowRules: !fresh && !followUp });
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
    if (fresh) for (const uri of published) if (!byUri.has(uri)) byUri.set(uri, []);
    // Every open document is published for its current version, even when its findings did not change, so the
    // editor knows they are up to date with what it shows.
    for (const uri of this.roots.openUris()) {
      const version = this.versionOf(uri);
      if (version === undefined || version === this.publishedVersions.get(uri) || byUri.has(uri)) continue;
      if (this.roots.locate(uri)?.root.uri === root.uri) byUri.set(uri, this.latest.get(uri) ?? []);
    }
    this.send(published, byUri, fresh);
    this.published.set(root.uri, published);
    if (!followUp) this.lastCheckMs = Date.now() - started;
    if (checker.hasDeferred()) {
      this.followUps.add(root.uri);
      this.schedule(root, 10);
    }
    if (this.logChecks) {
      const { ruleRuns, documentsChanged } = checker.stats;
      this.connection.console.log(
        `check ${root.uri}: ${this.lastCheckMs} ms, ${ruleRuns} rule runs, ${documentsChanged} documents changed, ${root.workspace.parseCount} parses in all, ${byUri.size} published; ${this.logChecks()}`,
      );
    }
    if (fresh || checker.stats.documentsChanged > 0 || changedPaths.size > 0) for (const listener of this.listeners) listener(root);
  }

  /**
   * Publishes findings by URI, open documents first (what the user is looking at). With `skipSame`, a URI whose
   * findings equal what is shown (from the result cache, say) is not sent again.
   */
  private send(published: Set<string>, byUri: Map<string, Diagnostic[]>, skipSame: boolean): void {
    const order = [...byUri.keys()].sort((a, b) => Number(this.versionOf(b) !== undefined) - Number(this.versionOf(a) !== undefined));
    for (const uri of order) {
      const list = byUri.get(uri)!;
      const version = this.versionOf(uri);
      if (list.length === 0) {
        this.latest.delete(uri);
        const shown = published.delete(uri);
        const newVersion = version !== undefined && version !== this.publishedVersions.get(uri);
        if (!shown && !newVersion) continue; // nothing shown there, and the editor knows
        if (version === undefined) this.publishedVersions.delete(uri);
        else this.publishedVersions.set(uri, version);
        void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
        continue;
      }
      const shown = this.latest.get(uri);
      this.latest.set(uri, list);
      if (skipSame && shown && published.has(uri) && this.publishedVersions.get(uri) === version && JSON.stringify(shown) === JSON.stringify(list)) continue;
      published.add(uri);
      this.publishedVersions.set(uri, version);
      void this.connection.sendDiagnostics({ uri, version, diagnostics: list.map(toLspDiagnostic) });
    }
  }

  /** Findings from the result cache, shown while the root's index is being built (then checked and replaced). */
  publishCached(root: Root, findings: Record<string, Diagnostic[]>): void {
    const published = this.published.get(root.uri) ?? new Set<string>();
    const byUri = new Map<string, Diagnostic[]>();
    for (const [path, list] of Object.entries(findings)) byUri.set(this.roots.uriOf(root, path), list);
    for (const uri of published) if (!byUri.has(uri)) byUri.set(uri, []);
    this.send(published, byUri, false);
    this.published.set(root.uri, published);
  }

  /** An open document's own findings while its folder is still loading (see Roots.earlyFindings). */
  publishEarly(root: Root, path: string, findings: Diagnostic[]): void {
    const published = this.published.get(root.uri) ?? new Set<string>();
    const uri = this.roots.uriOf(root, path);
    if (published.has(uri)) return; // cached findings are already shown, and complete
    this.send(published, new Map([[uri, findings]]), false);
    this.published.set(root.uri, published);
  }

  /** The checker of a root, once it has been checked. */
  checkerOf(root: Root): IncrementalChecker | undefined {
    const state = this.checkers.get(root.uri);
    return state && state.workspace === root.workspace ? state.checker : undefined;
  }

  clearRoot(rootUri: string): void {
    for (const uri of this.published.get(rootUri) ?? []) {
      this.latest.delete(uri);
      this.publishedVersions.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.delete(rootUri);
    this.checkers.get(rootUri)?.checker.dispose();
    this.checkers.delete(rootUri);
  }
}
