// `isms export [DIR] --out PACK`: the auditor's evidence pack, a self-contained static HTML file plus copies of
// the evidence files its documents link to.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { loadWorkspace } from '../engine/workspace/nodeLoader';
import { exportAuditPack } from '../engine/render/auditPack';
import { gitCommit } from '../engine/workspace/gitCommit';
import { decodeText } from '../engine/workspace/textFile';

export interface ExportArgs {
  dir: string;
  out: string;
  today: number;
  version: string;
}

export async function exportPack(args: ExportArgs, out: (s: string) => void): Promise<number> {
  const root = nodePath.resolve(args.dir);
  const workspace = await loadWorkspace(root);
  const pack = await exportAuditPack({
    workspace,
    name: nodePath.basename(root),
    textOf: async (path) => {
      const decoded = decodeText(await fs.readFile(nodePath.join(root, path)), workspace.config.maxFileSizeKb * 1024);
      return 'text' in decoded ? decoded.text : undefined;
    },
    today: args.today,
    generatedAt: new Date(),
    toolVersion: args.version,
    commit: await gitCommit(root),
  });
  const target = nodePath.resolve(args.out);
  for (const file of pack.files) {
    const destination = nodePath.join(target, ...file.path.split('/'));
    await fs.mkdir(nodePath.dirname(destination), { recursive: true });
    if ('text' in file) await fs.writeFile(destination, file.text);
    else await fs.copyFile(nodePath.join(root, ...file.copyOf.split('/')), destination);
  }
  out(`Wrote ${nodePath.join(args.out, 'index.html')}: ${pack.summary}.\n`);
  return 0;
}
