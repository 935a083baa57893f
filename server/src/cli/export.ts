// `isms export [DIR] --out PACK`: the auditor's evidence pack, a self-contained static HTML file plus copies of
// the evidence files its documents link to.
import { promises as fs } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as nodePath from 'node:path';
import { loadWorkspace } from '../engine/workspace/nodeLoader';
import { checkWorkspaceDetailed } from '../engine/check';
import { renderAuditPack } from '../engine/render/auditPack';
import { decodeText } from '../engine/workspace/textFile';

export interface ExportArgs {
  dir: string;
  out: string;
  today: number;
  version: string;
}

function gitCommit(dir: string): string | undefined {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0) return undefined;
  const dirty = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--', '.'], { encoding: 'utf8', timeout: 5000 }).stdout?.trim();
  return `${r.stdout.trim()}${dirty ? ' (with uncommitted changes)' : ''}`;
}

export async function exportPack(args: ExportArgs, out: (s: string) => void): Promise<number> {
  const root = nodePath.resolve(args.dir);
  const workspace = await loadWorkspace(root);
  const { diagnostics, suppressed } = checkWorkspaceDetailed(workspace, { today: args.today });
  const texts = new Map<string, string>();
  for (const doc of workspace.ismsDocuments()) {
    const decoded = decodeText(await fs.readFile(nodePath.join(root, doc.path)), workspace.config.maxFileSizeKb * 1024);
    if ('text' in decoded) texts.set(doc.path, decoded.text);
  }
  const pack = renderAuditPack({
    workspace,
    name: nodePath.basename(root),
    texts,
    diagnostics,
    suppressed,
    today: args.today,
    generatedAt: new Date(),
    toolVersion: args.version,
    commit: gitCommit(root),
  });
  const target = nodePath.resolve(args.out);
  await fs.mkdir(target, { recursive: true });
  await fs.writeFile(nodePath.join(target, 'index.html'), pack.html);
  for (const file of pack.files) {
    const destination = nodePath.join(target, 'files', ...file.split('/'));
    await fs.mkdir(nodePath.dirname(destination), { recursive: true });
    await fs.copyFile(nodePath.join(root, ...file.split('/')), destination);
  }
  out(`Wrote ${nodePath.join(args.out, 'index.html')}: ${workspace.ismsDocuments().length} documents, ${diagnostics.length} open findings, ${suppressed.length} suppressed, ${pack.files.length} evidence files copied.\n`);
  return 0;
}
