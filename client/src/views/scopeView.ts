// Scope: each scope document's clause 4.1-4.3 sections (statement, boundaries, interfaces and dependencies,
// issues, interested parties, exclusions, approval), present ones leading to their heading, missing ones flagged
// with an action that inserts the section (the server's quick fix). Data: isms/scope.
import type { ScopeDocumentInfo } from '../../../server/src/protocol';
import { IsmsTree, esc, icon, md, perRoot, type Node } from './tree';

function scopeNode(doc: ScopeDocumentInfo): Node {
  const id = `scope:${doc.uri}`;
  const missing = doc.sections.filter((s) => !s.present).length;
  return {
    id,
    label: [doc.id, doc.title].filter(Boolean).join(' ') || doc.path,
    description: missing ? `${missing} section${missing === 1 ? '' : 's'} missing` : 'all clause 4.3 sections present',
    icon: icon(missing ? 'warning' : 'pass-filled', missing ? 'editorWarning.foreground' : 'testing.iconPassed'),
    open: { uri: doc.uri, line: 0 },
    contextValue: 'scopeDocument',
    expanded: true,
    data: { uri: doc.uri },
    tooltip: md(`**${esc(doc.title ?? doc.path)}**\n\nOwner: ${esc(doc.owner ?? '—')} · ${esc(doc.review.text)}`),
    children: doc.sections.map(
      (s): Node =>
        s.present
          ? { id: `${id}/${s.key}`, label: s.title, description: s.heading !== s.title ? `"${s.heading}"` : `clause ${s.clause}`, icon: icon('pass', 'testing.iconPassed'), open: s.loc, contextValue: 'scopeSection.present', tooltip: `Clause ${s.clause}` }
          : {
              id: `${id}/${s.key}`,
              label: s.title,
              description: `missing (clause ${s.clause})`,
              icon: icon('error', 'editorError.foreground'),
              contextValue: 'scopeSection.missing',
              tooltip: md(`$(error) The scope has no **${esc(s.title)}** section (ISO/IEC 27001 clause ${esc(s.clause)}).\n\nRight-click: **Insert Section**.`),
              data: { uri: doc.uri, title: s.title, key: s.key },
              open: { uri: doc.uri, line: 0 },
            },
    ),
  };
}

export class ScopeView extends IsmsTree {
  protected async load(): Promise<Node[]> {
    const result = await this.server.request('isms/scope', {});
    const roots = (result?.roots ?? []).filter((r) => r.documents.length > 0);
    return perRoot(roots, (root) => root.documents.map(scopeNode), 'scope');
  }
}
