// What a rule is: a stable code, a default severity, one line of docs and one of "how to fix", and a check.
import type { Diagnostic, IsmsDocument, Range, Severity } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';

export type RuleFamily = 'files' | 'frontmatter' | 'scope' | 'references' | 'staleness' | 'soa' | 'risks' | 'locker' | 'exceptions' | 'suppressions' | 'reviews' | 'actions' | 'objectives';

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
   * Reports a finding on `path` (default: the document being checked; "." for the workspace). `atMost` caps the
   * configured severity for this finding: a rule that is certain in some places and heuristic in others (a control
   * ID in a `controls:` field versus one in prose) reports the heuristic ones as at most a warning.
   */
  report(finding: { path?: string; range: Range; message: string; data?: Record<string, unknown>; atMost?: Severity }): void;
}

/**
 * A rule that reads every document may be written as a generator (`*check`) that yields now and then: the check
 * pauses there for a turn of the event loop (on 5,000 documents such a rule took 100-250 ms in one piece the first
 * time). What changes in the index meanwhile is re-checked by the next check, as for a pause between rules.
 */
export type RuleSteps = Generator<void, void, void>;

export interface DocumentRule extends RuleMeta {
  scope: 'document';
  /** `all` runs on every Markdown file (e.g. frontmatter syntax); the default runs on ISMS documents only. */
  appliesTo?: 'ismsDocuments' | 'allMarkdown';
  check(doc: IsmsDocument, ctx: RuleContext): void | RuleSteps;
}

export interface WorkspaceRule extends RuleMeta {
  scope: 'workspace';
  check(ctx: RuleContext): void | RuleSteps;
}

export type Rule = DocumentRule | WorkspaceRule;

export type RuleDiagnostic = Diagnostic;
