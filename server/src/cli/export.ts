// `isms export [DIR] --out PACK [--format html,pdf,xlsx]`: the auditor's evidence pack (engine/export/writePack.ts),
// written straight to disk one document at a time; `isms export --verify PACK` checks it against its manifest.
import { promises as fs, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { loadWorkspaces } from '../engine/workspace/nodeLoader';
import { writeAuditPack } from '../engine/export/writePack';
import { nodePackSink, preparePackFolder, verifyPack } from '../engine/export/nodePack';
import type { ExportFormat } from '../engine/export/types';
import { loadRenderers } from '../exportFormats/load';
import { gitCommit } from '../engine/workspace/gitCommit';
import { decodeText } from '../engine/workspace/textFile';

export interface ExportArgs {
  dir: string;
  out: string;
  today: number;
  version: string;
  formats: ReadonlySet<ExportFormat>;
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
  const target = nodePath.resolve(args.out);
  const refused = await preparePackFolder(target, root);
  if (refused) {
    out(`${refused}\n`);
    return 1;
  }
  const pack = await writeAuditPack({
    workspace,
    name: nodePath.basename(root),
    // Read synchronously: the CLI does nothing else meanwhile, and each asynchronous read of a few KB cost more
    // CPU in promises, file handles and event-loop turns than the read itself (4,850 of them at 5,000 documents).
    textOf: async (path) => {
      const decoded = decodeText(readFileSync(nodePath.join(root, path)), workspace.config.maxFileSizeKb * 1024);
      return 'text' in decoded ? decoded.text : undefined;
    },
    bytesOf: async (path) => {
      try {
        return await fs.readFile(nodePath.join(root, ...path.split('/')));
      } catch {
        return undefined;
      }
    },
    sink: nodePackSink(target),
    formats: args.formats,
    loadRenderers,
    today: args.today,
    generatedAt: new Date(),
    toolVersion: args.version,
    commit: await gitCommit(root),
  });
  out(`Wrote ${args.out}: ${pack.summary}; manifest.json lists ${pack.manifest.files.length} files.\n`);
  return 0;
}

export async function verify(dir: string, out: (s: string) => void): Promise<number> {
  const result = await verifyPack(nodePath.resolve(dir));
  for (const p of result.problems) out(`${p}\n`);
  if (result.problems.length > 0) {
    out(`${dir}: does NOT match its manifest (${result.problems.length} problems).\n`);
    return 1;
  }
  const m = result.manifest!;
  out(`${dir}: all ${result.checked} files match manifest.json (exported ${m.exportedAt}${m.commit ? ` from commit ${m.commit}` : ''}, ${m.findings} open findings).\n`);
  return 0;
}
