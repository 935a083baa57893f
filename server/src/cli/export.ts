// `isms export [DIR] --out PACK`: the auditor's evidence pack, a self-contained static HTML file plus copies of
// the evidence files its documents link to.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { loadWorkspaces } from '../engine/workspace/nodeLoader';
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
  const loaded = await loadWorkspaces(root);
  const own = loaded.find((l) => l.path === '');
  if (!own) {
    // A repository holding ISMSs in folders with their own .isms.yaml: one pack per ISMS.
    const folders = loaded.map((l) => l.path);
    out(`${args.dir} is not an ISMS itself; it holds ${folders.length} with their own .isms.yaml: ${folders.join(', ')}. Export each, e.g. \`isms export ${nodePath.join(args.dir, folders[0])} --out ${args.out}\`.\n`);
    return 1;
  }
  const workspace = own.workspace;
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
