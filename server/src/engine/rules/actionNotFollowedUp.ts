import { parseIsoDate } from '../util/dates';
import type { WorkspaceRule } from './rule';
import { actionLabel } from './actionOverdue';

export const actionNotFollowedUp: WorkspaceRule = {
  code: 'action-not-followed-up',
  family: 'actions',
  scope: 'workspace',
  defaultSeverity: 'info',
  description: 'An action still open in an earlier management review is not mentioned (by its ID) in the latest review: clause 9.3.2 a asks each review to consider the status of actions from previous ones.',
  fix: 'Report on the action in the latest review\'s "Status of actions from previous reviews" (name its ID and status).',
  check(ctx) {
    const reviews = ctx.workspace
      .ismsDocuments()
      .filter((d) => d.type === 'management-review')
      .map((doc) => ({ doc, date: parseIsoDate(doc.frontmatter?.data.date) }))
      .filter((r): r is { doc: typeof r.doc; date: number } => r.date !== undefined)
      .sort((a, b) => a.date - b.date || a.doc.path.localeCompare(b.doc.path));
    if (reviews.length < 2) return;
    const latest = reviews[reviews.length - 1];
    const mentioned = new Set(latest.doc.references.filter((r) => r.kind === 'action').map((r) => r.id));
    const earlier = new Set(reviews.slice(0, -1).map((r) => r.doc.path));
    const seen = new Set<string>();
    for (const row of ctx.workspace.actionRows()) {
      if (!row.id || !row.open || !earlier.has(row.path) || mentioned.has(row.id) || seen.has(row.id)) continue;
      // Closed since (in the action log, say): nothing left to follow up.
      const tracked = ctx.workspace.actionById(row.id);
      if (tracked && !tracked.current.open) continue;
      seen.add(row.id);
      ctx.report({
        path: row.path,
        range: row.idRange ?? row.range,
        message: `Action ${actionLabel(row)} was open in this review, but the latest management review, ${latest.doc.id ?? latest.doc.path} (${latest.doc.path}), does not mention ${row.id}. Report its status there (clause 9.3.2 a).`,
        data: { id: row.id, latest: latest.doc.path },
      });
    }
  },
};
