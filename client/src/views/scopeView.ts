// Scope: each scope document's clause 4.1-4.3 sections (statement, boundaries, interfaces and dependencies,
// issues, interested parties, exclusions, approval), present ones leading to their heading, missing ones flagged
// with an action that inserts the section (the server's quick fix); each shows the worst finding in it with its
// count, and the document is never plainer than its worst section. Data: isms/scope.
import type { Health, ScopeDocumentInfo, ScopeSectionInfo } from '../../../server/src/protocol';
import { IsmsTree, esc, icon, md, perRoot, type Node } from './tree';
import { HEALTH_STYLE, healthText } from './health';

const healthIcon = (h: Health) => (h.worst ? icon(HEALTH_STYLE[h.worst].icon, HEALTH_STYLE[h.worst].color) : icon('pass', 'testing.iconPassed'));

function sectionNode(s: ScopeSectionInfo, doc: ScopeDocumentInfo, id: string): Node {
  const found = healthText(s.health);
  if (!s.present) {
    return {
      id: `${id}/${s.key}`,
      label: s.title,
      description: `missing (clause ${s.clause})`,
      // As severe as the finding that says so (a warning by default).
      icon: s.health.worst ? healthIcon(s.health) : icon('error', 'editorError.foreground'),
      contextValue: 'scopeSection.missing',
      tooltip: md(`$(error) The scope has no **${esc(s.title)}** section (ISO/IEC 27001 clause ${esc(s.clause)}).\n\nRight-click: **Insert Section**.`),
      data: { uri: doc.uri, title: s.title, key: s.key },
      open: { uri: doc.uri, line: 0 },
    };
  }
  return {
    id: `${id}/${s.key}`,
    label: s.title,
    description: [found, s.heading !== s.title ? `"${s.heading}"` : `clause ${s.clause}`].filter(Boolean).join(' · '),
    icon: healthIcon(s.health),
    open: s.loc,
    contextValue: 'scopeSection.present',
    tooltip: md([`Clause ${esc(s.clause)}`, found ? `$(${HEALTH_STYLE[s.health.worst!].icon}) Findings in this section: ${found}` : ''].filter(Boolean).join('\n\n')),
  };
}

function scopeNode(doc: ScopeDocumentInfo): Node {
  const id = `scope:${doc.uri}`;
  const missing = doc.sections.filter((s) => !s.present).length;
  // All the document's findings, so it is never plainer than its worst section.
  const health = doc.health;
  const found = healthText(health);
  return {
    id,
    label: [doc.id, doc.title].filter(Boolean).join(' ') || doc.path,
    description: [missing ? `${missing} section${missing === 1 ? '' : 's'} missing` : 'all clause 4.3 sections present', found].filter(Boolean).join(' · '),
    icon: health.worst ? healthIcon(health) : missing ? icon('error', 'editorError.foreground') : icon('pass-filled', 'testing.iconPassed'),
    open: { uri: doc.uri, line: 0 },
    contextValue: 'scopeDocument',
    expanded: true,
    data: { uri: doc.uri },
    tooltip: md(`**${esc(doc.title ?? doc.path)}**\n\nOwner: ${esc(doc.owner ?? '—')} · ${esc(doc.review.text)}${found ? `\n\nFindings: ${found}` : ''}`),
    children: doc.sections.map((s) => sectionNode(s, doc, id)),
  };
}

export class ScopeView extends IsmsTree {
  protected async load(): Promise<Node[]> {
    const result = await this.server.request('isms/scope', {});
    const roots = (result?.roots ?? []).filter((r) => r.documents.length > 0);
    return perRoot(roots, (root) => root.documents.map(scopeNode), 'scope');
  }
}
