// Publishes the engine's findings for every file of a root (open or not), replacing what was published before.
import type { Connection } from 'vscode-languageserver';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../engine/model';
import { checkWorkspace } from '../engine/check';
import type { Root, Roots } from '../roots';
import { findRule } from '../engine/rules/registry';

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
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reportedFailures = new Set<string>();
  /** The latest check's findings by URI, for other features (code actions, status). */
  readonly latest = new Map<string, Diagnostic[]>();
  /** Called after each root's check: the index changed, so answers that depend on other files may have too. */
  private readonly listeners: ((root: Root) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly roots: Roots,
    private readonly today: () => number | undefined,
    private readonly versionOf: (uri: string) => number | undefined,
  ) {}

  /** Re-checks a root soon; bursts of edits and file events collapse into one check. */
  schedule(root: Root, delayMs = 120): void {
    clearTimeout(this.timers.get(root.uri));
    this.timers.set(
      root.uri,
      setTimeout(() => {
        this.timers.delete(root.uri);
        // The root may have been reloaded since; check the current one.
        const current = this.roots.all().find((r) => r.uri === root.uri);
        if (current) this.publish(current);
      }, delayMs),
    );
  }

  onPublished(listener: (root: Root) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Checks and publishes synchronously: the check reads the index as it is now, so a publish can never carry
   * findings older than the text it is sent after.
   */
  publish(root: Root): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const d of checkWorkspace(root.workspace, { today: this.today() })) {
      if (d.code === 'rule-failed' && !this.reportedFailures.has(d.message)) {
        // Once per failure in the output channel; the diagnostic stays on the workspace until it is fixed.
        this.reportedFailures.add(d.message);
        this.connection.console.error(d.message);
      }
      const uri = this.roots.uriOf(root, d.path);
      const list = byUri.get(uri);
      if (list) list.push(d);
      else byUri.set(uri, [d]);
    }
    const before = this.published.get(root.uri) ?? new Set<string>();
    for (const uri of before) {
      if (!byUri.has(uri)) {
        this.latest.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    for (const [uri, list] of byUri) {
      this.latest.set(uri, list);
      void this.connection.sendDiagnostics({ uri, version: this.versionOf(uri), diagnostics: list.map(toLspDiagnostic) });
    }
    this.published.set(root.uri, new Set(byUri.keys()));
    for (const listener of this.listeners) listener(root);
  }

  clearRoot(rootUri: string): void {
    for (const uri of this.published.get(rootUri) ?? []) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(rootUri);
  }
}
