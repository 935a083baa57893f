// Actions: every open action across the ISMS (decided in management reviews and audits, planned in treatment
// plans, tracked in action logs, task items), grouped by the document that decided it, groups with overdue
// actions first and overdue actions first in each. A click opens the action's row. Data: isms/actions.
import type { ActionGroupInfo, ActionInfo, ActionsRoot } from '../../../server/src/protocol';
import { IsmsTree, esc, icon, md, perRoot, type Node } from './tree';

const short = (s: string, n = 70) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);

export function actionNode(a: ActionInfo, parentId: string): Node {
  const text = a.id ? a.text.replace(a.id, '').replace(/^[\s:.–—-]+/, '').trim() || a.text : a.text;
  const label = a.id ? `${a.id} ${short(text)}` : short(text);
  const due = a.due ?? a.dueText;
  const when = a.overdueDays !== undefined ? `overdue ${a.overdueDays} day${a.overdueDays === 1 ? '' : 's'}` : due ? `due ${due}` : 'no due date';
  return {
    id: `${parentId}/${a.id ?? `${a.loc.uri}:${a.loc.line}`}`,
    // A plain label: highlights would draw the ID like a search match.
    label,
    description: [a.owner ?? 'no owner', when].join(' · '),
    tooltip: md(
      [
        `**${esc(a.id ?? 'Action')}** ${esc(text)}`,
        `Owner: ${a.owner ? esc(a.owner) : '$(warning) **none**'} · Due: ${due ? esc(due) : '$(warning) **none**'}${a.overdueDays !== undefined ? ` ($(error) **${a.overdueDays} days overdue**)` : ''}`,
        `Status: ${esc(a.status ?? 'open')}`,
      ].join('\n\n'),
    ),
    icon: a.overdueDays !== undefined ? icon('error', 'editorError.foreground') : !a.owner || !a.due ? icon('warning', 'editorWarning.foreground') : icon('circle-large-outline'),
    contextValue: a.overdueDays !== undefined ? 'action.overdue' : 'action',
    open: a.loc,
    data: { id: a.id ?? '' },
  };
}

export function actionGroupNode(g: ActionGroupInfo, rootUri: string): Node {
  const id = `actions:${rootUri}:${g.source.path}`;
  const name = [g.source.id, g.source.title].filter(Boolean).join(' ') || g.source.path;
  const open = g.actions.length;
  return {
    id,
    label: name,
    description: `${open} open${g.overdue ? ` · ${g.overdue} overdue` : ''}`,
    tooltip: md(`Decided in **${esc(name)}**${g.source.date ? ` (${esc(g.source.date)})` : ''}\n\n\`${esc(g.source.path)}\``),
    icon: g.overdue ? icon('calendar', 'editorError.foreground') : icon('calendar'),
    contextValue: 'actionSource',
    open: { uri: g.source.uri, line: 0 },
    data: { uri: g.source.uri, id: g.source.id ?? '' },
    children: g.actions.map((a) => actionNode(a, id)),
    expanded: true,
  };
}

export class ActionsView extends IsmsTree {
  protected async load(): Promise<Node[]> {
    const result = await this.server.request('isms/actions', {});
    const roots = (result?.roots ?? []).filter((r) => r.open > 0);
    return perRoot(roots, (root: ActionsRoot) => root.groups.map((g) => actionGroupNode(g, root.rootUri)), 'actions');
  }
}
