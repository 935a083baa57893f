// `isms init [DIR] [--write] [--force]`: propose (and, when asked, write) the .isms.yaml that lets the checker
// read an existing ISMS as it is written, then show what it would check with that configuration.
import { promises as fs, existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { proposeConfig, type ScannedFile } from '../engine/adopt/detect';
import { defaultConfig } from '../engine/config/schema';
import { GlobSet } from '../engine/util/glob';
import { loadWorkspace } from '../engine/workspace/nodeLoader';
import { checkWorkspace } from '../engine/check';
import { decodeText } from '../engine/workspace/textFile';

async function markdownFiles(root: string): Promise<ScannedFile[]> {
  const exclude = new GlobSet(defaultConfig().exclude);
  const found: ScannedFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(nodePath.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !exclude.matches(`${path}/`) && !exclude.excludesFolder(path)) await walk(path);
      else if (e.isFile() && /\.(md|markdown)$/i.test(e.name) && !exclude.matches(path)) {
        const decoded = decodeText(await fs.readFile(nodePath.join(root, path)), 2048 * 1024);
        if ('text' in decoded) found.push({ path, text: decoded.text });
      }
    }
  };
  await walk('');
  return found;
}

export interface InitArgs {
  dir: string;
  write: boolean;
  force: boolean;
}

export async function init(args: InitArgs, out: (s: string) => void): Promise<number> {
  const root = nodePath.resolve(args.dir);
  const files = await markdownFiles(root);
  const proposal = proposeConfig(files);
  const target = nodePath.join(root, '.isms.yaml');
  out(`Inspected ${files.length} Markdown files in ${args.dir}.\n`);
  for (const note of proposal.notes) out(`  - ${note}\n`);
  out(`\nProposed .isms.yaml:\n\n${proposal.yaml.replace(/^/gm, '    ')}\n`);

  // What the checker would see with this configuration (the proposal applied on top of any existing file).
  const workspace = await loadWorkspace(root, { settings: proposal.config });
  const byType = new Map<string, number>();
  for (const d of workspace.ismsDocuments()) byType.set(d.type ?? d.declaredType ?? '?', (byType.get(d.type ?? d.declaredType ?? '?') ?? 0) + 1);
  const diagnostics = checkWorkspace(workspace);
  const byCode = new Map<string, number>();
  for (const d of diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  out(`With it, ${workspace.ismsDocuments().length} of ${workspace.markdownDocuments().length} Markdown files are ISMS documents`);
  out(byType.size ? ` (${[...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}).\n` : '.\n');
  out(`The checker would report ${diagnostics.length} findings${byCode.size ? `: ${[...byCode].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}.\n`);

  if (!args.write) {
    out(`\nNothing written. Run \`isms init ${args.dir} --write\` to save it as ${nodePath.relative(process.cwd(), target) || '.isms.yaml'}.\n`);
    return 0;
  }
  if (existsSync(target) && !args.force) {
    out(`\n${target} already exists; not overwritten (use --force to replace it).\n`);
    return 1;
  }
  await fs.writeFile(target, proposal.yaml);
  out(`\nWrote ${target}.\n`);
  return 0;
}
