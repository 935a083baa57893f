import type { ActionRow } from '../isms/actions';
import { formatIsoDate } from '../util/dates';
import type { WorkspaceRule } from './rule';

/** `ACT-12 "Rotate the keys"` or `"Rotate the keys"`, shortened. */
export function actionLabel(row: ActionRow): string {
  const text = row.text.replace(row.id ?? '\u0000', '').replace(/^[\s:.–—-]+/, '').trim();
  const short = text.length > 70 ? text.slice(0, 67) + '…' : text;
  return row.id ? `${row.id} "${short}"` : `"${short}"`;
}

export const actionOverdue: WorkspaceRule = {
  code: 'action-overdue',
  family: 'actions',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'An open action is past its due date. The message says by how many days and where the action was decided.',
  fix: 'Do the action and mark it done, or agree a new due date where it was decided (and record why it moved).',
  check(ctx) {
    for (const action of ctx.workspace.trackedActions()) {
      const row = action.current;
      if (!row.open || row.due === undefined || row.due >= ctx.today) continue;
      const days = ctx.today - row.due;
      const decided = ctx.workspace.getDocument(action.decided.path);
      const where = `${decided?.id ?? action.decided.path} (${action.decided.path}:${action.decided.range.start.line + 1})`;
      ctx.report({
        path: row.path,
        range: row.dueRange ?? row.range,
        message: `Action ${actionLabel(row)}${row.owner ? ` (owner: ${row.owner})` : ''} was due on ${formatIsoDate(row.due)} and is ${days} day${days === 1 ? '' : 's'} overdue; it was decided in ${where}${row.status ? ` and its status is "${row.status}"` : ''}.`,
        data: { id: action.id, days, due: formatIsoDate(row.due), decidedIn: action.decided.path },
      });
    }
  },
};
