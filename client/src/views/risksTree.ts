// Risks: every risk of the risk register(s) and risk documents, highest score first, with owner and treatment and
// the worst finding on its row (icon, count); children are its controls (a click reveals their SoA row). A click
// on a risk reveals its row. Data: isms/risks.
import type { RiskInfo, RisksRoot } from '../../../server/src/protocol';
import { IsmsTree, esc, icon, md, perRoot, type Node } from './tree';
import { HEALTH_STYLE, healthText } from './health';

/** A finding on the risk's row first (what to act on), else its score against the acceptance threshold. */
function riskIcon(r: RiskInfo, threshold: number) {
  if (r.health.worst) return icon(HEALTH_STYLE[r.health.worst].icon, HEALTH_STYLE[r.health.worst].color);
  if (r.score === undefined) return icon('question');
  if (r.score > threshold) return icon('flame', 'editorError.foreground');
  if (r.score > threshold / 2) return icon('warning', 'editorWarning.foreground');
  return icon('shield', 'testing.iconPassed');
}

const short = (s: string | undefined, n = 70) => (s && s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : (s ?? ''));

export function riskNode(r: RiskInfo, threshold: number, rootUri: string): Node {
  const id = `risks:${rootUri}:${r.id}:${r.source.path}`;
  const li = r.likelihood !== undefined && r.impact !== undefined ? `L${r.likelihood} × I${r.impact}` : '';
  return {
    id,
    // Short enough that the description (findings first, then the score) shows in a side bar of usual width.
    label: `${r.id} ${short(r.description, 44)}`.trim(),
    description: [healthText(r.health), r.score !== undefined ? `score ${r.score}` : 'no score', r.owner ?? 'no owner', r.treatment ?? 'no treatment'].filter(Boolean).join(' · '),
    tooltip: md(
      [
        `**${esc(r.id)}** ${esc(r.description)}`,
        `Owner: ${esc(r.owner ?? '—')} · ${esc(li)}${r.score !== undefined ? ` = **${r.score}**` : ''}${r.aboveThreshold ? ` (above the acceptance threshold ${threshold})` : ''}`,
        `Treatment: ${esc(r.treatment ?? '—')}${r.acceptedBy && r.acceptedBy !== '—' ? ` · accepted by ${esc(r.acceptedBy)}` : ''}${r.status ? ` · status ${esc(r.status)}` : ''}`,
        `In ${esc(r.source.id ?? r.source.path)}`,
        r.health.worst ? `$(${HEALTH_STYLE[r.health.worst].icon}) Findings on its row: ${healthText(r.health)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    ),
    icon: riskIcon(r, threshold),
    contextValue: 'risk',
    open: r.loc,
    data: { id: r.id },
    children: r.controls.map((c): Node => ({
      id: `${id}/${c.id}`,
      label: `${c.id} ${c.title ?? ''}`.trim(),
      description: c.row ? undefined : 'not in the SoA',
      icon: icon('shield'),
      open: c.row,
      contextValue: 'riskControl',
      data: { id: c.id },
    })),
  };
}

export class RisksView extends IsmsTree {
  protected async load(): Promise<Node[]> {
    const result = await this.server.request('isms/risks', {});
    const roots = (result?.roots ?? []).filter((r) => r.risks.length > 0);
    return perRoot(roots, (root: RisksRoot) => root.risks.map((r) => riskNode(r, root.threshold, root.rootUri)), 'risks');
  }
}
