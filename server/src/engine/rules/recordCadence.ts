// Shared by management-review-overdue and audit-overdue: the latest record of a type and when the next is due.
import type { DocumentType, IsmsDocument } from '../model';
import { addCycle, formatIsoDate, parseCycle, parseIsoDate, type Cycle } from '../util/dates';
import { SETTINGS } from '../config/schema';
import type { RuleContext } from './rule';
import { fieldRange } from './helpers';

/** The latest document of a type by its `date` (documents without a readable date are left to the frontmatter rules). */
export function latestByDate(docs: IsmsDocument[], type: DocumentType): { doc: IsmsDocument; date: number } | undefined {
  let latest: { doc: IsmsDocument; date: number } | undefined;
  for (const doc of docs) {
    if (doc.type !== type) continue;
    const date = parseIsoDate(doc.frontmatter?.data.date);
    if (date !== undefined && (!latest || date > latest.date || (date === latest.date && doc.path < latest.doc.path))) latest = { doc, date };
  }
  return latest;
}

/** The configured cadence, or the setting's default when it is not a cycle `parseCycle` reads. */
export function cadence(key: 'managementReviewCadence' | 'auditCadence', ctx: RuleContext): { cycle: Cycle; name: string } {
  const value = ctx.workspace.config[key];
  const cycle = parseCycle(value);
  if (cycle) return { cycle, name: value };
  const fallback = String(SETTINGS.find((s) => s.key === key)!.default);
  return { cycle: parseCycle(fallback)!, name: fallback };
}

/** Reports the latest `type` document when the next one was due before today. */
export function checkCadence(ctx: RuleContext, type: DocumentType, key: 'managementReviewCadence' | 'auditCadence', what: string, next: string): void {
  const latest = latestByDate(ctx.workspace.ismsDocuments(), type);
  if (!latest) return; // locker-missing-document reports that there is none
  const { cycle, name } = cadence(key, ctx);
  const due = addCycle(latest.date, cycle);
  if (due >= ctx.today) return;
  const days = ctx.today - due;
  ctx.report({
    path: latest.doc.path,
    range: fieldRange(latest.doc, 'date'),
    message: `The latest ${what} (${latest.doc.id ?? latest.doc.path}) is dated ${formatIsoDate(latest.date)}; with a ${name} cadence the next was due by ${formatIsoDate(due)}, ${days} day${days === 1 ? '' : 's'} ago. ${next}`,
    data: { latest: formatIsoDate(latest.date), due: formatIsoDate(due), cadence: name },
  });
}
