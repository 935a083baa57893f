// What a rule is: a stable code, a default severity, one line of docs and one of "how to fix", and a check.
import type { Diagnostic, IsmsDocument, Range, Severity } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';

export type RuleFamily = 'files' | 'frontmatter' | 'scope' | 'references' | 'staleness' | 'soa' | 'risks' | 'locker' | 'exceptions' | 'suppressions';

export interface RuleMeta {
  /** Stable, kebab-case; shown in every diagnostic and used in configuration. */
  code: string;
  family: RuleFamily;
  defaultSeverity: Severity;
  /** One line for the README and hovers: what the rule checks. */
  description: string;
  /** One line: how to fix a finding. */
  fix: string;
}

export interface RuleContext {
  workspace: IsmsWorkspace;
  /** Today as days since the Unix epoch (UTC); fixed by `--today` in the CLI. */
  today: number;
  /**
   * Reports a finding on `path` (default: the document being checked; "." for the workspace). A `severity` can
   * only lower the rule's configured one (a heuristic case of a rule whose findings are otherwise certain).
   */
  report(finding: { path?: string; range: Range; message: string; data?: Record<string, unknown>; severity?: Severity }): void;
}

export interface DocumentRule extends RuleMeta {
  scope: 'document';
  /** `all` runs on every Markdown file (e.g. frontmatter syntax); the default runs on ISMS documents only. */
  appliesTo?: 'ismsDocuments' | 'allMarkdown';
  check(doc: IsmsDocument, ctx: RuleContext): void;
}

export interface WorkspaceRule extends RuleMeta {
  scope: 'workspace';
  check(ctx: RuleContext): void;
}

export type Rule = DocumentRule | WorkspaceRule;

export type RuleDiagnostic = Diagnostic;
