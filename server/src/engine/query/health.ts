// Health: what the findings on an item (a file, a risk's row, a scope section) say at a glance, for the editor's
// trees and file decorations. Overdue and placeholder findings are kinds of their own because a busy security
// lead acts on them differently from other warnings: "review this" and "this is still a template".
import type { Diagnostic, Range } from '../model';
import type { Health, HealthKind } from '../../protocol';

/** Findings that say a review or audit is overdue (the status bar counts these as overdue reviews). */
export const OVERDUE_REVIEW_CODES: ReadonlySet<string> = new Set(['review-overdue', 'exception-review-overdue', 'management-review-overdue', 'audit-overdue']);
const OVERDUE_CODES: ReadonlySet<string> = new Set([...OVERDUE_REVIEW_CODES, 'action-overdue']);
const PLACEHOLDER_CODES: ReadonlySet<string> = new Set(['template-placeholder']);

/** Worst first: a parent shows the first kind any of its children has. */
export const HEALTH_ORDER: readonly HealthKind[] = ['error', 'overdue', 'warning', 'placeholder'];

export const emptyHealth = (): Health => ({ errors: 0, overdue: 0, warnings: 0, placeholders: 0 });

const worstOf = (h: Health): HealthKind | undefined =>
  h.errors ? 'error' : h.overdue ? 'overdue' : h.warnings ? 'warning' : h.placeholders ? 'placeholder' : undefined;

/** The kind one finding counts as, or undefined for information and hints. */
export function healthKind(d: Pick<Diagnostic, 'code' | 'severity'>): HealthKind | undefined {
  if (OVERDUE_CODES.has(d.code)) return 'overdue';
  if (PLACEHOLDER_CODES.has(d.code)) return 'placeholder';
  return d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : undefined;
}

export function healthOf(findings: Iterable<Pick<Diagnostic, 'code' | 'severity'>>): Health {
  const h = emptyHealth();
  for (const d of findings) {
    const kind = healthKind(d);
    if (kind === 'error') h.errors++;
    else if (kind === 'overdue') h.overdue++;
    else if (kind === 'warning') h.warnings++;
    else if (kind === 'placeholder') h.placeholders++;
  }
  const worst = worstOf(h);
  return worst ? { worst, ...h } : h;
}

/** Several items' health together (a folder's files, a document's sections). */
export function sumHealth(list: Iterable<Health>): Health {
  const h = emptyHealth();
  for (const x of list) {
    h.errors += x.errors;
    h.overdue += x.overdue;
    h.warnings += x.warnings;
    h.placeholders += x.placeholders;
  }
  const worst = worstOf(h);
  return worst ? { worst, ...h } : h;
}

/** The findings that start on the lines of `range` (a table row, a section). */
export function findingsOnLines(findings: readonly Diagnostic[], range: Range): Diagnostic[] {
  return findings.filter((d) => d.range.start.line >= range.start.line && d.range.start.line <= range.end.line);
}
