// Evidence Locker: the documented information an ISO/IEC 27001:2022 auditor asks for (clauses 4 to 10), each
// present or missing, with the documents providing it (owner, review state), then the other documents by kind.
// Missing items offer "Create from Template". Data: isms/evidenceLocker.
import * as vscode from 'vscode';
import type { DocumentSummary, EvidenceLockerRoot, LockerItemInfo, ObjectiveInfo, ReviewStateName } from '../../../server/src/protocol';
import { IsmsTree, esc, icon, md, perRoot, type Node } from './tree';

const REVIEW_ICON: Record<ReviewStateName, [string, string | undefined]> = {
  ok: ['pass', 'testing.iconPassed'],
  'due-soon': ['clock', 'editorWarning.foreground'],
  overdue: ['warning', 'editorError.foreground'],
  none: ['circle-outline', undefined],
  retired: ['archive', 'disabledForeground'],
};

const REVIEW_LABEL: Record<ReviewStateName, string> = { ok: 'review ok', 'due-soon': 'review due soon', overdue: 'review overdue', none: 'no review date', retired: 'retired' };

/** A document's or an item's health: its worst finding first (errors, warnings), then its review state. */
type Health = 'error' | 'warning' | ReviewStateName;
const HEALTH_ICON: Record<Health, [string, string | undefined]> = { ...REVIEW_ICON, error: ['error', 'editorError.foreground'], warning: ['warning', 'editorWarning.foreground'] };
const HEALTH_ORDER: Health[] = ['error', 'overdue', 'warning', 'due-soon', 'none', 'ok', 'retired'];
const healthOf = (d: DocumentSummary): Health => (d.errors ? 'error' : d.review.state === 'overdue' ? 'overdue' : d.warnings ? 'warning' : d.review.state);
/** The worst health of several documents: a parent is never green over a red child. */
const worstOf = (docs: DocumentSummary[]): Health => HEALTH_ORDER.find((h) => docs.some((d) => healthOf(d) === h)) ?? 'ok';
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors" / "1 warning" / "review overdue": what makes the health what it is, for descriptions. */
function healthText(docs: DocumentSummary[]): string | undefined {
  const errors = docs.reduce((n, d) => n + d.errors, 0);
  const warnings = docs.reduce((n, d) => n + d.warnings, 0);
  const overdue = docs.filter((d) => d.review.state === 'overdue').length;
  const parts = [errors && count(errors, 'error'), overdue && (docs.length === 1 ? 'review overdue' : `${overdue} overdue`), warnings && count(warnings, 'warning')].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

export function documentNode(d: DocumentSummary, parentId: string): Node {
  const [iconId, color] = HEALTH_ICON[healthOf(d)];
  const name = [d.id, d.title].filter(Boolean).join(' ') || d.path;
  const problems = [d.errors && `${d.errors} error${d.errors === 1 ? '' : 's'}`, d.warnings && `${d.warnings} warning${d.warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  const tooltip = md(
    [
      `**${esc(name)}**`,
      '',
      `${esc(d.type ?? 'document')} · \`${esc(d.path)}\``,
      '',
      `Owner: ${d.owner ? esc(d.owner) : '$(warning) **none**'}`,
      d.status ? `Status: ${esc(d.status)}${d.version ? ` · version ${esc(d.version)}` : ''}` : '',
      `Review: ${esc(d.review.text)}${d.review.lastReviewed ? ` (last reviewed ${d.review.lastReviewed})` : ''}`,
      problems ? `Findings: ${problems}` : '',
    ]
      .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
      .join('\n\n'),
  );
  return {
    id: `${parentId}/${d.uri}`,
    label: name,
    description: [d.owner ?? 'no owner', d.review.state === 'ok' && d.review.due ? `next review ${d.review.due}` : REVIEW_LABEL[d.review.state], problems].filter(Boolean).join(' · '),
    tooltip,
    icon: icon(iconId, color),
    contextValue: `ismsDocument.${d.review.state}`,
    open: { uri: d.uri, line: 0 },
    resourceUri: vscode.Uri.parse(d.uri),
    data: { uri: d.uri, id: d.id ?? '' },
  };
}

const OBJECTIVE_ICON: Record<ObjectiveInfo['state'], [string, string | undefined, string]> = {
  measurable: ['target', 'testing.iconPassed', 'measurable'],
  'not-measurable': ['warning', 'editorWarning.foreground', 'not measurable: no measure, owner or date'],
  stale: ['history', 'editorWarning.foreground', 'measurement overdue'],
};

/** An objective (clause 6.2) with its status; a click opens its row. */
export function objectiveNode(o: ObjectiveInfo, parentId: string): Node {
  const [iconId, color, state] = OBJECTIVE_ICON[o.state];
  const name = [o.id, o.title].filter(Boolean).join(' ');
  return {
    id: `${parentId}/objective:${o.id ?? o.title}`,
    label: name,
    description: [o.status ?? 'no status', o.state === 'measurable' ? undefined : state].filter(Boolean).join(' · '),
    tooltip: md(
      [`**${esc(name)}**`, `Measure: ${o.measure ? esc(o.measure) : '$(warning) **none**'}`, `Owner: ${o.owner ? esc(o.owner) : '$(warning) **none**'} · Due: ${o.due ? esc(o.due) : '$(warning) **none**'}`, `Status: ${esc(o.status ?? '—')}`, `$(${iconId}) ${state}`].join('\n\n'),
    ),
    icon: icon(iconId, color),
    contextValue: `objective.${o.state}`,
    open: o.loc,
  };
}

function itemNode(item: LockerItemInfo, rootUri: string): Node {
  const id = `locker:${rootUri}:${item.key}`;
  if (!item.present) {
    return {
      id,
      label: item.title,
      description: `clause ${item.clause} · missing`,
      tooltip: md(`**${esc(item.title)}** (ISO/IEC 27001:2022 clause ${esc(item.clause)})\n\n$(error) Missing${item.required ? '' : ' (not required by `mandatoryDocuments`)'}: add ${esc(item.add)}.\n\nRight-click: **Create from Template**.`),
      icon: item.required ? icon('error', 'editorError.foreground') : icon('circle-outline'),
      contextValue: 'lockerItem.missing',
      data: { template: item.template, rootUri, title: item.title },
    };
  }
  const children = item.documents.map((d) => documentNode(d, id));
  // The objectives themselves, with their status, under the objectives item (clause 6.2).
  if (item.objectives?.length) children.push(...item.objectives.map((o) => objectiveNode(o, id)));
  const [iconId, color] = HEALTH_ICON[worstOf(item.documents)];
  const first = item.documents[0];
  const health = healthText(item.documents);
  return {
    id,
    label: item.title,
    description: [`clause ${item.clause}`, item.documents.length === 1 ? [first.id, first.owner].filter(Boolean).join(' · ') : `${item.documents.length} documents`, health].filter(Boolean).join(' · '),
    tooltip: md(`**${esc(item.title)}** (ISO/IEC 27001:2022 clause ${esc(item.clause)})\n\n$(pass) Provided by ${item.documents.map((d) => `${esc(d.id ?? d.path)}`).join(', ')}`),
    icon: icon(iconId === 'pass' ? 'pass-filled' : iconId, color),
    contextValue: 'lockerItem.present',
    children,
    expanded: false,
  };
}

/** "12 of 23 documents approved": a starter ISMS of drafts must not look like an approved one. */
function approvalMessage(roots: EvidenceLockerRoot[]): string | undefined {
  const docs = new Map<string, DocumentSummary>();
  for (const root of roots) for (const d of [...root.items.flatMap((i) => i.documents), ...root.groups.flatMap((g) => g.documents)]) docs.set(d.uri, d);
  const all = [...docs.values()].filter((d) => d.status !== 'retired');
  const approved = all.filter((d) => d.status === 'approved').length;
  return all.length && approved < all.length ? `${approved} of ${count(all.length, 'document')} approved; the others are drafts.` : undefined;
}

export class EvidenceLockerView extends IsmsTree {
  protected async load(): Promise<Node[]> {
    const result = await this.server.request('isms/evidenceLocker', {});
    const roots = (result?.roots ?? []).filter((r) => r.ismsDocuments > 0);
    if (this.view) this.view.message = approvalMessage(roots);
    return perRoot(roots, (root) => this.rootNodes(root), 'locker');
  }

  private rootNodes(root: EvidenceLockerRoot): Node[] {
    const items = root.items.map((i) => itemNode(i, root.rootUri));
    const groups = root.groups.map((g): Node => {
      // The group's own icon, in the colour of its worst document (never plain over a red child).
      const worst = worstOf(g.documents);
      const color = worst === 'error' || worst === 'overdue' || worst === 'warning' ? HEALTH_ICON[worst][1] : undefined;
      return {
        id: `locker:${root.rootUri}:group:${g.key}`,
        label: g.title,
        description: [`${g.documents.length}`, healthText(g.documents)].filter(Boolean).join(' · '),
        icon: icon(g.key === 'exceptions' ? 'flame' : g.key === 'procedures' ? 'list-ordered' : g.key === 'policies' ? 'law' : 'files', color),
        contextValue: 'lockerGroup',
        children: g.documents.map((d) => documentNode(d, `locker:${root.rootUri}:group:${g.key}`)),
      };
    });
    return [...items, ...groups];
  }
}
