// Runs the registered rules over a workspace with the configured severities. A rule that throws is reported
// once as `rule-failed` and the other rules still run.
import type { Diagnostic, Suppression } from './model';
import { findSuppression } from './parse/suppressions';
import { START_RANGE, isIsmsDocument } from './model';
import type { IsmsWorkspace } from './workspace/workspace';
import type { Rule, RuleContext } from './rules/rule';
import { RULES } from './rules/registry';
import { todayUtc } from './util/dates';

export interface CheckOptions {
  /** Days since epoch; defaults to the current UTC date. */
  today?: number;
  rules?: readonly Rule[];
}

export interface SuppressedFinding {
  diagnostic: Diagnostic;
  suppression: Suppression;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Findings hidden by a suppression comment, kept for review (`--list-suppressions`, the audit pack). */
  suppressed: SuppressedFinding[];
}

/** Codes a suppression can never hide: the suppression checks themselves and engine failures. */
const UNSUPPRESSIBLE = new Set(['suppression-missing-reason', 'suppression-unknown-code', 'rule-failed']);

export function checkWorkspace(workspace: IsmsWorkspace, options: CheckOptions = {}): Diagnostic[] {
  return checkWorkspaceDetailed(workspace, options).diagnostics;
}

export function checkWorkspaceDetailed(workspace: IsmsWorkspace, options: CheckOptions = {}): CheckResult {
  const today = options.today ?? todayUtc();
  const found: Diagnostic[] = [];
  const docs = workspace.markdownDocuments().sort((a, b) => a.path.localeCompare(b.path));
  for (const rule of options.rules ?? RULES) {
    const level = workspace.config.rules[rule.code] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    let currentPath = '.';
    const ctx: RuleContext = {
      workspace,
      today,
      report: ({ path, range, message, data }) =>
        found.push({ path: path ?? currentPath, range, severity: level, code: rule.code, message, ...(data ? { data } : {}) }),
    };
    // A rule that throws is reported once; it still runs on the other documents, and other rules still run.
    let failure: string | undefined;
    const guarded = (path: string, run: () => void) => {
      try {
        run();
      } catch (e) {
        failure ??= `Rule ${rule.code} failed${path !== '.' ? ` on ${path}` : ''} and its findings there are missing: ${(e as Error)?.message ?? String(e)}. Please report this.`;
      }
    };
    if (rule.scope === 'workspace') guarded('.', () => rule.check(ctx));
    else {
      for (const doc of docs) {
        if (rule.appliesTo !== 'allMarkdown' && !isIsmsDocument(doc)) continue;
        currentPath = doc.path;
        guarded(doc.path, () => rule.check(doc, ctx));
      }
    }
    if (failure) found.push({ path: '.', range: START_RANGE, severity: 'error', code: 'rule-failed', message: failure });
  }
  const result: CheckResult = { diagnostics: [], suppressed: [] };
  for (const diagnostic of found) {
    const suppressions = diagnostic.path === '.' || UNSUPPRESSIBLE.has(diagnostic.code) ? [] : (workspace.getDocument(diagnostic.path)?.suppressions ?? []);
    const suppression = suppressions.length ? findSuppression(suppressions, diagnostic.code, diagnostic.range.start.line) : undefined;
    if (suppression) result.suppressed.push({ diagnostic, suppression });
    else result.diagnostics.push(diagnostic);
  }
  result.diagnostics.sort(compareDiagnostics);
  return result;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.path.localeCompare(b.path) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}
