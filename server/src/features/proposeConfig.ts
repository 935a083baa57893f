// isms/proposeConfig, behind "ISMS: Initialise Workspace": the .isms.yaml `isms init` would propose for a folder,
// from the files the server has indexed, and what the checker would find once it is written. Nothing is
// written here; the client shows the proposal and writes it when asked.
import type { Feature } from './context';
import { onIsmsRequest, rootName, rootsFor } from './ismsRequests';
import { textSource } from './shared';
import { previewAdoption } from '../engine/adopt/preview';
import { MARKDOWN_TEMPLATE, type ScannedFile } from '../engine/adopt/detect';

export const proposeConfig: Feature = {
  capabilities: {},
  register(ctx) {
    onIsmsRequest(ctx, 'isms/proposeConfig', async (params) => {
      if (typeof params.rootUri !== 'string') return null;
      const [root] = await rootsFor(ctx, params.rootUri);
      if (!root) return null;
      const { workspace } = root;
      const textOf = textSource(ctx, root);
      const markdown: ScannedFile[] = [];
      // Markdown templates (`*.md.tmpl`) are read too: init proposes reading them when they are most of the Markdown.
      const templates = [...workspace.filePaths()].filter((path) => !workspace.isMarkdown(path) && MARKDOWN_TEMPLATE.test(path));
      for (const path of [...workspace.markdownDocuments().map((d) => d.path), ...templates]) {
        const text = await textOf(path);
        if (text !== undefined) markdown.push({ path, text });
      }
      // The editor's settings stay in force under the written file, so the preview applies them too.
      const settings = ctx.clientCapabilities().workspace?.configuration
        ? await ctx.connection.workspace.getConfiguration({ scopeUri: root.uri, section: 'isms' }).catch(() => undefined)
        : undefined;
      const otherFiles = [...workspace.filePaths()].filter((path) => !workspace.isMarkdown(path) && !templates.includes(path));
      const preview = previewAdoption({ markdown, otherFiles, settings, today: ctx.today() });
      return {
        rootUri: root.uri,
        name: rootName(root),
        yaml: preview.proposal.yaml,
        configUri: ctx.roots.uriOf(root, workspace.configPath ?? '.isms.yaml'),
        exists: workspace.configPath !== undefined,
        notes: preview.proposal.notes,
        summary: preview.summary,
        markdownFiles: preview.markdownFiles,
        ismsDocuments: preview.ismsDocuments,
        documentsByType: preview.documentsByType.map(([type, count]) => ({ type, count })),
        findings: preview.findings,
      };
    });
  },
};
