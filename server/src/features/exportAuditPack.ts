// isms/exportAuditPack, behind "ISMS: Export Audit Pack": the pack `isms export` writes, as content for the
// client to write (index.html's text, and the URIs of the evidence files to copy beside it).
import { URI } from 'vscode-uri';
import type { Feature } from './context';
import { onIsmsRequest, rootName, rootsFor } from './ismsRequests';
import { textSource } from './shared';
import { exportAuditPack as exportPack } from '../engine/render/auditPack';
import { version } from '../../../package.json';

export const exportAuditPack: Feature = {
  capabilities: {},
  register(ctx) {
    onIsmsRequest(ctx, 'isms/exportAuditPack', async (params) => {
      if (typeof params.rootUri !== 'string') return null;
      const [root] = await rootsFor(ctx, params.rootUri);
      if (!root) return null;
      // git is not run in an untrusted workspace (see userName.ts), nor in the browser (no gitCommit); the stamp
      // then says there is no commit.
      const trusted = (ctx.initializationOptions() as { trusted?: unknown } | undefined)?.trusted !== false;
      const commit = trusted && ctx.gitCommit && URI.parse(root.uri).scheme === 'file' ? await ctx.gitCommit(root.fsPath) : undefined;
      const pack = await exportPack({
        workspace: root.workspace,
        name: rootName(root),
        textOf: textSource(ctx, root),
        today: ctx.today(),
        generatedAt: new Date(),
        toolVersion: version,
        commit,
      });
      return {
        rootUri: root.uri,
        name: rootName(root),
        files: pack.files.map((f) => ('text' in f ? f : { path: f.path, copyFrom: ctx.roots.uriOf(root, f.copyOf) })),
        documents: pack.documents,
        findings: pack.findings,
        suppressed: pack.suppressed,
        evidenceFiles: pack.evidenceFiles,
        summary: pack.summary,
      };
    });
  },
};
