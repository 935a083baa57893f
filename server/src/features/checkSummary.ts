// isms/checkSummary: finding counts per folder (and the findings themselves, for "ISMS: Check Workspace"), and
// the isms/indexChanged notification after each check, so the client refreshes its views and status bar.
// The notification is sent only to clients that ask for it (`initializationOptions.indexChangedNotification`).
import type { Feature } from './context';
import { onIsmsRequest, rootName, rootsFor } from './ismsRequests';
import { checkCounts } from '../engine/query/ismsViews';
import type { CheckCounts, CheckSummaryRoot, FindingInfo, IndexChangedParams } from '../protocol';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

export const checkSummary: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.diagnostics.onPublished((root) => {
      const options = ctx.initializationOptions() as { indexChangedNotification?: unknown } | undefined;
      if (options?.indexChangedNotification !== true) return;
      const params: IndexChangedParams = { rootUri: root.uri };
      void ctx.connection.sendNotification('isms/indexChanged', params).catch(() => undefined);
    });
    onIsmsRequest(ctx, 'isms/checkSummary', async (params) => {
      const total: CheckCounts = { errors: 0, warnings: 0, infos: 0, hints: 0, overdueReviews: 0, overdueActions: 0, dueSoonReviews: 0 };
      const roots: CheckSummaryRoot[] = [];
      for (const root of await rootsFor(ctx, params.rootUri)) {
        const findings = ctx.diagnostics.publishedFindings(root.uri);
        const counts = checkCounts(findings);
        const documents = root.workspace.ismsDocuments();
        for (const k of Object.keys(total) as (keyof CheckCounts)[]) total[k] += counts[k];
        const summary: CheckSummaryRoot = {
          rootUri: root.uri,
          name: rootName(root),
          ...counts,
          files: root.workspace.fileCount(),
          markdownFiles: root.workspace.markdownDocuments().length,
          documents: documents.length,
          approvedDocuments: documents.filter((d) => d.frontmatter?.data.status === 'approved').length,
          documentsWithPlaceholders: new Set(findings.filter((d) => d.code === 'template-placeholder').map((d) => d.path)).size,
        };
        if (params.includeFindings) {
          summary.findings = findings
            .map((d): FindingInfo => ({ uri: ctx.roots.uriOf(root, d.path), path: d.path, line: d.range.start.line, character: d.range.start.character, severity: d.severity, code: d.code, message: d.message }))
            .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
        }
        roots.push(summary);
      }
      return { ...total, roots };
    });
  },
};
