// Statement of Applicability: the 93 ISO/IEC 27001:2022 Annex A controls by theme, each applicable, excluded or
// missing from the SoA with its implementation status; children are the documents and risks that reference it.
// A click reveals the control's SoA row. Data: isms/soaTree.
import type { SoaControlInfo, SoaCounts, SoaTreeRoot } from '../../../server/src/protocol';
import { IsmsTree, esc, icon, md, perRoot, type Node } from './tree';

export function controlState(c: SoaControlInfo): string {
  if (c.state === 'missing') return 'missing from the SoA';
  if (c.state === 'excluded') return c.justification ? 'excluded' : 'excluded · no justification';
  if (c.state === 'unclear') return `applicability unclear${c.applicableText ? ` ("${c.applicableText}")` : ''}`;
  const impl = c.implementation === 'not-implemented' ? 'not implemented' : c.implementation === 'unknown' ? (c.statusText ?? 'status unknown') : c.implementation;
  return `applicable · ${impl}`;
}

function controlIcon(c: SoaControlInfo) {
  if (c.state === 'missing') return icon('error', 'editorError.foreground');
  if (c.state === 'excluded') return c.justification ? icon('circle-slash', 'disabledForeground') : icon('warning', 'editorWarning.foreground');
  if (c.state === 'unclear') return icon('question', 'editorWarning.foreground');
  if (c.implementation === 'implemented') return icon('pass-filled', 'testing.iconPassed');
  if (c.implementation === 'partial') return icon('circle-large-outline', 'editorWarning.foreground');
  return icon('circle-outline', 'editorWarning.foreground');
}

export function controlTooltip(c: SoaControlInfo) {
  return md(
    [
      `**${esc(c.id)} ${esc(c.title)}**`,
      `${esc(c.theme)} · ${esc(controlState(c))}${c.rowCount > 1 ? ` · $(warning) listed ${c.rowCount} times` : ''}`,
      c.justification ? `Justification: ${esc(c.justification)}` : c.state !== 'missing' ? '$(warning) no justification' : '',
      `Referenced by ${c.documents.length} document${c.documents.length === 1 ? '' : 's'} and ${c.risks.length} risk${c.risks.length === 1 ? '' : 's'}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
}

function controlNode(c: SoaControlInfo, parent: string): Node {
  const id = `${parent}/${c.id}`;
  const children: Node[] = [
    ...c.documents.map((d): Node => ({ id: `${id}/doc/${d.uri}`, label: [d.id, d.title].filter(Boolean).join(' ') || d.path, description: d.path, icon: icon('file'), open: { uri: d.uri, line: d.line }, contextValue: 'soaReference' })),
    ...c.risks.map((r): Node => ({ id: `${id}/risk/${r.id}`, label: r.id, description: `${r.score !== undefined ? `score ${r.score} · ` : ''}${r.description ?? ''}`, icon: icon('flame'), open: r.loc, contextValue: 'soaRisk', tooltip: r.description })),
  ];
  return {
    id,
    // A plain label: highlights would draw the ID like a search match.
    label: `${c.id} ${c.title}`,
    description: controlState(c),
    tooltip: controlTooltip(c),
    icon: controlIcon(c),
    contextValue: c.state === 'missing' ? 'soaControl.missing' : 'soaControl',
    open: c.row,
    children,
    data: { id: c.id },
  };
}

export const countsText = (c: SoaCounts) =>
  `${c.total} controls · ${c.applicable} applicable · ${c.excluded} excluded${c.missing ? ` · ${c.missing} missing` : ''} · ${c.implemented} implemented`;

export class SoaView extends IsmsTree {
  protected async load(): Promise<Node[]> {
    const result = await this.server.request('isms/soaTree', {});
    const roots = (result?.roots ?? []).filter((r) => r.soaDocuments.length > 0 || r.counts.missing < r.counts.total);
    return perRoot(roots, (root) => this.rootNodes(root), 'soa');
  }

  private rootNodes(root: SoaTreeRoot): Node[] {
    if (this.view) this.view.message = root.soaDocuments.length ? undefined : 'No Statement of Applicability (a document with type: soa) yet.';
    return root.themes.map((t) => {
      const id = `soa:${root.rootUri}:${t.theme}`;
      return {
        id,
        label: t.theme,
        description: countsText(t.counts),
        tooltip: md(`**${esc(t.theme)} controls**\n\n${esc(countsText(t.counts))}${t.counts.partial ? `, ${t.counts.partial} partially` : ''}`),
        // Never plainer than its worst control: missing, then excluded without justification or unclear.
        icon: t.counts.missing
          ? icon('error', 'editorError.foreground')
          : t.controls.some((c) => (c.state === 'excluded' && !c.justification) || c.state === 'unclear')
            ? icon('warning', 'editorWarning.foreground')
            : icon('symbol-folder'),
        contextValue: 'soaTheme',
        children: t.controls.map((c) => controlNode(c, id)),
      };
    });
  }
}
