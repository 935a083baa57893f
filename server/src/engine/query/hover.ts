// Hover text (Markdown) for the ID under the cursor: a control's catalog entry, SoA row and usage; a 2013 ID's
// 2022 mapping; a risk's register row; a document's title, owner, status and review state.
import type { IsmsDocument } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { lookupLegacy } from '../catalogs/catalog';
import { reviewDue, isRetired } from '../rules/reviewDates';
import { formatIsoDate, parseCycle, parseIsoDate } from '../util/dates';
import type { IdTarget } from './symbolAt';
import { usageOf } from './navigation';
import { plural } from './text';

const where = (path: string, line: number) => `\`${path}:${line + 1}\``;
const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function hoverMarkdown(workspace: IsmsWorkspace, target: IdTarget, today: number): string | undefined {
  if (target.kind === 'control') return controlHover(workspace, target.id);
  if (target.kind === 'risk') return riskHover(workspace, target.id);
  if (target.kind === 'action') return actionHover(workspace, target.id, today);
  return documentHover(workspace, target, today);
}

function controlHover(workspace: IsmsWorkspace, id: string): string | undefined {
  const control = workspace.catalogs.get(id);
  if (!control) {
    const legacy = lookupLegacy(id);
    if (!legacy) return `**${esc(id)}**: not a control of any enabled catalog.`;
    const targets = legacy.newIds.map((n) => `**${n}** ${esc(workspace.catalogs.get(n)?.title ?? '')}`.trim());
    return [
      `**${esc(id)}** · ISO/IEC 27001:2013 (withdrawn): ${esc(legacy.title)}`,
      '',
      `In ISO/IEC 27001:2022 Annex A: ${targets.join('; ')}`,
    ].join('\n');
  }
  const catalog = workspace.catalogs.catalogs.find((c) => c.id === control.catalog)?.name ?? 'Custom control';
  const lines = [`**${esc(control.id)} · ${esc(control.title)}**`, '', `${esc(catalog)} · ${esc(control.theme)}`, ''];
  const rows = workspace.soaRowsFor(id);
  if (rows.length === 0) lines.push('**SoA:** no row for this control.');
  for (const row of rows) {
    const applicable = row.applicable === undefined ? (row.applicableText ? esc(row.applicableText) : 'not stated') : row.applicable ? 'yes' : 'no';
    lines.push(`**SoA** (${where(row.path, row.range.start.line)}): applicable **${applicable}**${row.status ? ` · status: ${esc(row.status)}` : ''}`);
    if (row.justification?.text) lines.push('', `Justification: ${esc(row.justification.text)}`);
    lines.push('');
  }
  const usage = usageOf(workspace, 'control', id);
  lines.push(`Referenced by ${plural(usage.risks.length, 'risk')} and ${plural(usage.documents.length, 'document')}.`);
  return lines.join('\n').trimEnd();
}

function riskHover(workspace: IsmsWorkspace, id: string): string {
  const risks = workspace.risks().get(id) ?? [];
  if (risks.length === 0) return `**${esc(id)}**: not defined in any risk register or risk document.`;
  const lines: string[] = [];
  for (const risk of risks) {
    lines.push(`**${esc(id)}${risk.description ? ` · ${esc(risk.description)}` : ''}**`, '');
    const facts: string[] = [];
    if (risk.owner) facts.push(`Owner: ${esc(risk.owner)}`);
    const li = [risk.likelihoodText && `Likelihood ${esc(risk.likelihoodText)}`, risk.impactText && `Impact ${esc(risk.impactText)}`].filter(Boolean).join(' × ');
    if (li || risk.score !== undefined) facts.push([li, risk.score !== undefined ? `Score ${risk.score}` : ''].filter(Boolean).join(' = '));
    if (risk.treatment) facts.push(`Treatment: ${esc(risk.treatment)}`);
    if (risk.status) facts.push(`Status: ${esc(risk.status)}`);
    if (facts.length) lines.push(facts.join(' · '), '');
    if (risk.controls.length) lines.push(`Controls: ${[...new Set(risk.controls.map((c) => c.id))].join(', ')}`, '');
    lines.push(`Defined in ${where(risk.path, risk.idRange.start.line)}`, '');
  }
  const usage = usageOf(workspace, 'risk', id);
  lines.push(`Referenced by ${plural(usage.documents.length, 'document')}.`);
  return lines.join('\n');
}

function actionHover(workspace: IsmsWorkspace, id: string, today: number): string {
  const action = workspace.actionById(id);
  if (!action) return `**${esc(id)}**: not an action in any management review, audit report, treatment plan or action log.`;
  const row = action.current;
  const lines = [`**${esc(id)} · ${esc(row.text.replace(id, '').replace(/^[\s:.–—-]+/, '').trim())}**`, ''];
  const facts: string[] = [];
  facts.push(`Owner: ${row.owner ? esc(row.owner) : '**none**'}`);
  if (row.due !== undefined) {
    const days = row.due - today;
    const when = !row.open ? '' : days < 0 ? ` (**overdue** by ${plural(-days, 'day')})` : days === 0 ? ' (due today)' : ` (in ${plural(days, 'day')})`;
    facts.push(`Due: ${formatIsoDate(row.due)}${when}`);
  } else facts.push(`Due: ${row.dueText ? esc(row.dueText) : '**none**'}`);
  facts.push(`Status: ${row.status ? esc(row.status) : row.open ? 'open' : 'done'}${row.open ? '' : ' ✓'}`);
  lines.push(facts.join(' · '), '');
  const decided = workspace.getDocument(action.decided.path);
  lines.push(`Decided in ${esc(decided?.id ?? action.decided.path)} ${where(action.decided.path, action.decided.range.start.line)}`);
  if (row !== action.decided) lines.push('', `Tracked in ${where(row.path, row.range.start.line)}`);
  const usage = usageOf(workspace, 'action', id);
  lines.push('', `Referenced by ${plural(usage.documents.length, 'document')}.`);
  return lines.join('\n');
}

function documentHover(workspace: IsmsWorkspace, target: IdTarget, today: number): string | undefined {
  const docs = workspace.documentsWithId(target.id);
  // Body text has many ID-shaped words (UTF-8, SHA-256); only `related:` entries are known to be document IDs.
  if (docs.length === 0) return target.source === 'related' ? `**${esc(target.id)}**: no document has this ID.` : undefined;
  const lines: string[] = [];
  for (const doc of docs) lines.push(...describeDocument(doc, today), '');
  const usage = usageOf(workspace, 'document', target.id);
  if (docs.length > 1) lines.push(`⚠ ${docs.length} documents declare this ID.`, '');
  lines.push(`Referenced by ${plural(usage.documents.length, 'document')}.`);
  return lines.join('\n');
}

function describeDocument(doc: IsmsDocument, today: number): string[] {
  const data = doc.frontmatter?.data ?? {};
  const text = (k: string) => (data[k] === undefined || data[k] === null || data[k] === '' ? undefined : String(data[k] instanceof Date ? formatIsoDate(parseIsoDate(data[k])!) : data[k]));
  const facts = [doc.declaredType, text('owner') && `owner: ${esc(text('owner')!)}`, text('status') && `status: ${esc(text('status')!)}`, text('version') && `version ${esc(text('version')!)}`].filter(Boolean);
  return [`**${esc(doc.id ?? doc.path)}${doc.title ? ` · ${esc(doc.title)}` : ''}**`, '', facts.join(' · '), '', `Review: ${reviewState(doc, today)}`, '', `\`${doc.path}\``];
}

/** "last reviewed 2026-06-01 (annual) · next review 2027-06-01, in 192 days" and the like. */
export function reviewState(doc: IsmsDocument, today: number): string {
  const data = doc.frontmatter?.data ?? {};
  const last = parseIsoDate(data.last_reviewed);
  const parts: string[] = [];
  if (last !== undefined) parts.push(`last reviewed ${formatIsoDate(last)}${parseCycle(data.review_cycle) ? ` (${String(data.review_cycle)})` : ''}`);
  if (isRetired(doc)) return [...parts, 'retired, no further reviews'].join(' · ');
  const due = reviewDue(doc);
  if (!due) return [...parts, 'no review date'].join(' · ');
  const days = due.due - today;
  const when = days < 0 ? `**overdue** by ${plural(-days, 'day')}` : days === 0 ? 'due today' : `due in ${plural(days, 'day')}`;
  parts.push(`next review ${formatIsoDate(due.due)}, ${when}`);
  return parts.join(' · ');
}
