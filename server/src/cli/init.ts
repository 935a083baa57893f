// `isms init [DIR] [--write] [--force]`: propose (and, when asked, write) the .isms.yaml that lets the checker
// read an existing ISMS as it is written, then show what it would check with that configuration.
import { promises as fs, existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { MARKDOWN_TEMPLATE, type ScannedFile } from '../engine/adopt/detect';
import { previewAdoption } from '../engine/adopt/preview';
import { defaultConfig } from '../engine/config/schema';
import { GlobSet } from '../engine/util/glob';
import { decodeText } from '../engine/workspace/textFile';

/** The folder's readable Markdown files with their text, and its other files (for links to evidence). */
async function folderFiles(root: string): Promise<{ markdown: ScannedFile[]; otherFiles: string[] }> {
  const exclude = new GlobSet(defaultConfig().exclude);
  const markdown: ScannedFile[] = [];
  const otherFiles: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(nodePath.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !exclude.matches(`${path}/`) && !exclude.excludesFolder(path)) await walk(path);
      else if (!e.isFile() || exclude.matches(path)) continue;
      else if (/\.(md|markdown)$/i.test(e.name) || MARKDOWN_TEMPLATE.test(e.name)) {
        const decoded = decodeText(await fs.readFile(nodePath.join(root, path)), 2048 * 1024);
        if ('text' in decoded) markdown.push({ path, text: decoded.text });
      } else otherFiles.push(path);
    }
  };
  await walk('');
  return { markdown, otherFiles };
}

export interface InitArgs {
  dir: string;
  write: boolean;
  force: boolean;
  /** Days since epoch to judge review dates against; default today (UTC). */
  today?: number;
}

export async function init(args: InitArgs, out: (s: string) => void): Promise<number> {
  const root = nodePath.resolve(args.dir);
  const files = await folderFiles(root);
  // What the checker would see with the proposal written as the folder's configuration file.
  const preview = previewAdoption({ ...files, today: args.today });
  const { proposal } = preview;
  const target = nodePath.join(root, '.isms.yaml');
  out(`Inspected ${files.markdown.length} Markdown files in ${args.dir}.\n`);
  for (const note of proposal.notes) out(`  - ${note}\n`);
  out(`\nProposed .isms.yaml:\n\n${proposal.yaml.replace(/^/gm, '    ')}\n`);
  out(`${preview.summary[0]}\n`);
  for (const [type, paths] of preview.typedPaths) {
    out(`  ${type.padEnd(20)} ${String(paths.length).padStart(4)}  ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}\n`);
  }
  out(`The checker would report ${preview.findings} finding${preview.findings === 1 ? '' : 's'}${preview.findings ? ':' : '.'}\n`);
  for (const [code, count] of preview.findingsByCode) out(`  ${code.padEnd(28)} ${String(count).padStart(4)}\n`);

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
