// Runs the registered rules over a workspace with the configured severities. A rule that throws is reported
// once as `rule-failed` and the other rules still run.
import type { Diagnostic } from './model';
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

export function checkWorkspace(workspace: IsmsWorkspace, options: CheckOptions = {}): Diagnostic[] {
  const today = options.today ?? todayUtc();
  const diagnostics: Diagnostic[] = [];
  const docs = workspace.markdownDocuments().sort((a, b) => a.path.localeCompare(b.path));
  for (const rule of options.rules ?? RULES) {
    const level = workspace.config.rules[rule.code] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    let currentPath = '.';
    const ctx: RuleContext = {
      workspace,
      today,
      report: ({ path, range, message, data }) =>
        diagnostics.push({ path: path ?? currentPath, range, severity: level, code: rule.code, message, ...(data ? { data } : {}) }),
    };
    try {
      if (rule.scope === 'workspace') rule.check(ctx);
      else {
        for (const doc of docs) {
          if (rule.appliesTo !== 'allMarkdown' && !isIsmsDocument(doc)) continue;
          currentPath = doc.path;
          rule.check(doc, ctx);
        }
      }
    } catch (e) {
      diagnostics.push({
        path: '.',
        range: START_RANGE,
        severity: 'error',
        code: 'rule-failed',
        message: `Rule ${rule.code} failed${currentPath !== '.' ? ` on ${currentPath}` : ''} and was skipped: ${(e as Error)?.message ?? String(e)}. Please report this.`,
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.path.localeCompare(b.path) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}
