// isms/preview: the document under `uri` rendered to sanitised HTML for the client's webview, from the editor's
// text while it is open (so the preview follows typing), with IDs resolved against the index.
import type { Feature } from './context';
import { documentAt, textSource } from './shared';
import { linkerFor, onIsmsRequest } from './ismsRequests';
import { renderPreview } from '../engine/render/preview';

export const preview: Feature = {
  capabilities: {},
  register(ctx) {
    onIsmsRequest(ctx, 'isms/preview', async (params) => {
      const at = await documentAt(ctx, params.uri);
      if (!at) return null;
      const text = await textSource(ctx, at.root)(at.path);
      if (text === undefined) return null;
      const findings = (ctx.diagnostics.latest.get(ctx.roots.uriOf(at.root, at.path)) ?? []).filter((d) => d.path === at.path);
      const rendered = renderPreview({ workspace: at.root.workspace, path: at.path, doc: at.doc, text, today: ctx.today(), findings, linker: linkerFor(ctx, at.root), editor: true });
      return { uri: params.uri, version: ctx.documents.get(params.uri)?.version, title: rendered.title, html: rendered.html, targets: rendered.targets, type: at.doc.declaredType };
    });
  },
};
