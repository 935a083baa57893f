// isms/exportAuditPack, behind "ISMS: Export Audit Pack": the pack `isms export` writes (engine/export/writePack.ts).
// The Node server writes a pack for a folder on disk itself, one document at a time, reporting isms/exportProgress
// and stopping when the request is cancelled; otherwise (the browser build, a folder not on disk) it returns the
// files for the client to write with the editor's file system, and PDF and Excel are not available.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Feature } from './context';
import { onIsmsRequest, rootName, rootsFor } from './ismsRequests';
import { textSource } from './shared';
import { PackCancelled, writeAuditPack } from '../engine/export/writePack';
import { memoryPackSink } from '../engine/export/memoryPack';
import { EXPORT_FORMATS, type ExportFormat } from '../engine/export/types';
import type { ExportProgressParams } from '../protocol';
import { version } from '../../../package.json';

export const exportAuditPack: Feature = {
  capabilities: {},
  register(ctx) {
    onIsmsRequest(ctx, 'isms/exportAuditPack', async (params, token) => {
      if (typeof params.rootUri !== 'string') return null;
      const [root] = await rootsFor(ctx, params.rootUri);
      if (!root) return null;
      // git is not run in an untrusted workspace (see userName.ts), nor in the browser (no gitCommit); the stamp
      // then says there is no commit.
      const trusted = (ctx.initializationOptions() as { trusted?: unknown } | undefined)?.trusted !== false;
      const commit = trusted && ctx.gitCommit && URI.parse(root.uri).scheme === 'file' ? await ctx.gitCommit(root.fsPath) : undefined;
      const output = typeof params.outputUri === 'string' ? URI.parse(params.outputUri) : undefined;
      const onDisk = ctx.packWriter && output?.scheme === 'file' ? ctx.packWriter : undefined;
      const memory = onDisk ? undefined : memoryPackSink();
      // Without a folder to write into, only what can be handed back: the HTML pack (PDF and Excel need the Node
      // server's renderers and disk).
      const asked = Array.isArray(params.formats) ? EXPORT_FORMATS.filter((f) => params.formats!.includes(f)) : EXPORT_FORMATS;
      const formats = new Set<ExportFormat>(onDisk ? asked : ['html']);
      if (formats.size === 0) formats.add('html');
      if (onDisk) {
        // Only into an empty folder or over an earlier pack's own files; never among the ISMS's or a user's files.
        const refused = await onDisk.prepare(output!.fsPath, root.fsPath);
        if (refused) throw new ResponseError(ErrorCodes.InvalidRequest, refused);
      }
      let last = 0;
      const pack = await writeAuditPack({
        workspace: root.workspace,
        name: rootName(root),
        textOf: textSource(ctx, root),
        bytesOf: (path) => ctx.roots.fs.readFile(ctx.roots.uriOf(root, path)),
        sink: onDisk ? onDisk.sink(output!.fsPath) : memory!,
        formats,
        loadRenderers: onDisk?.loadRenderers,
        progress: (message, done, total) => {
          // At most a notification every 100 ms: thousands of documents must not flood the connection.
          if (Date.now() - last < 100 && done + 1 < total) return;
          last = Date.now();
          const progress: ExportProgressParams = { rootUri: root.uri, message, done, total };
          void ctx.connection.sendNotification('isms/exportProgress', progress).catch(() => undefined);
        },
        cancelled: () => token.isCancellationRequested,
        today: ctx.today(),
        generatedAt: new Date(),
        toolVersion: version,
        commit,
      }).catch((e: unknown) => {
        if (e instanceof PackCancelled) return undefined;
        throw e;
      });
      if (!pack) return null;
      return {
        rootUri: root.uri,
        name: rootName(root),
        written: !!onDisk,
        files: memory?.files ?? [],
        documents: pack.documents,
        findings: pack.findings,
        suppressed: pack.suppressed,
        evidenceFiles: pack.evidenceFiles,
        summary: pack.summary,
      };
    });
  },
};
