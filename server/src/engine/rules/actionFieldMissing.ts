import type { WorkspaceRule } from './rule';
import { actionLabel } from './actionOverdue';

export const actionFieldMissing: WorkspaceRule = {
  code: 'action-field-missing',
  family: 'actions',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description:
    'An open action (a row of an Action/Task table with Owner, Due and Status columns in management reviews, audit reports, treatment plans and action logs, or a task item `- [ ] … owner: … due: YYYY-MM-DD`) has no owner or no due date.',
  fix: 'Fill in the Owner and Due cells (or `owner:` and `due:` in the task item): an action nobody owns by no date is not going to happen.',
  check(ctx) {
    for (const action of ctx.workspace.trackedActions()) {
      const row = action.current;
      if (!row.open) continue;
      const missing: string[] = [];
      if (!row.owner) missing.push('owner');
      if (row.due === undefined) missing.push(row.dueText ? 'readable due date (YYYY-MM-DD)' : 'due date');
      if (missing.length === 0) continue;
      const range = (!row.owner ? row.ownerRange : row.dueRange) ?? row.range;
      ctx.report({
        path: row.path,
        range: row.source === 'table' && (row.owner ? row.columns.due : row.columns.owner) ? range : row.range,
        message: `Open action ${actionLabel(row)} has no ${missing.join(' and no ')}${row.dueText && row.due === undefined ? ` ("${row.dueText}")` : ''}. Name who does it and by when.`,
        data: { missing, id: action.id },
      });
    }
  },
};
