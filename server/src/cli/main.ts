// `isms`: the command-line face of the engine, for CI. Exit codes: 0 clean (or only warnings), 1 errors found,
// 2 bad usage.
import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { loadWorkspace } from '../engine/workspace/nodeLoader';
import { gitFileDates } from '../engine/workspace/gitCommit';
import { isMarkdownPath } from '../engine/workspace/workspace';
import { recurringEvidence, undatedEvidence } from '../engine/rules/evidenceStale';
import { checkWorkspaceDetailed } from '../engine/check';
import { parseIsoDate, todayUtc } from '../engine/util/dates';
import { RULES } from '../engine/rules/registry';
import { init } from './init';
import { exportPack } from './export';
import { formatJson, formatSarif, formatSuppressionsJson, formatSuppressionsText, formatText, summarise } from './format';
import packageJson from '../../../package.json';

const USAGE = `Usage: isms <command> [options]

Commands:
  check [DIR]     Check the ISMS in DIR (default: the current folder)
  export [DIR] --out PACK
                  Write the auditor's evidence pack: static HTML of every document, findings, suppressions
  init [DIR]      Propose a .isms.yaml for an existing ISMS (aliases, metadata, types); --write saves it
  rules           List every rule code with its default severity and how to fix it

Options for check:
  --format text|json|sarif   Output format (default: text)
  --today YYYY-MM-DD         Date to judge review deadlines against (default: today, UTC)
  --exit-zero                Exit 0 even when errors are found
  --stats                    Print timing and counts to stderr
  --list-suppressions        List every isms-disable comment and entry, its reason and what it hides

  -h, --help                 Show this help
  -v, --version              Show the version
`;

class UsageError extends Error {}

interface CheckArgs {
  dir: string;
  format: 'text' | 'json' | 'sarif';
  today: number;
  exitZero: boolean;
  stats: boolean;
  listSuppressions: boolean;
}

function parseCheckArgs(args: string[]): CheckArgs {
  const result: CheckArgs = { dir: '.', format: 'text', today: todayUtc(), exitZero: false, stats: false, listSuppressions: false };
  let dirSeen = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        result.format = f;
        break;
      }
      case '--today': {
        const t = value();
        const day = parseIsoDate(t);
        if (day === undefined) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${t}"`);
        result.today = day;
        break;
      }
      case '--exit-zero':
        result.exitZero = true;
        break;
      case '--stats':
        result.stats = true;
        break;
      case '--list-suppressions':
        result.listSuppressions = true;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        if (dirSeen) throw new UsageError(`only one folder can be checked at a time (got "${result.dir}" and "${flag}")`);
        result.dir = flag;
        dirSeen = true;
    }
  }
  return result;
}

function parseExportArgs(args: string[]): { dir: string; out: string; today: number } {
  let out: string | undefined;
  let today = todayUtc();
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--out') out = value();
    else if (flag === '--today') {
      const t = value();
      const day = parseIsoDate(t);
      if (day === undefined) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${t}"`);
      today = day;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else dirs.push(flag);
  }
  if (!out) throw new UsageError('export needs --out PACK, the folder to write the pack into');
  if (dirs.length > 1) throw new UsageError('only one folder can be exported at a time');
  const dir = dirs[0] ?? '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return { dir, out, today };
}

async function check(args: CheckArgs): Promise<number> {
  const root = nodePath.resolve(args.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${args.dir} is not a folder`);
  const started = performance.now();
  const workspace = await loadWorkspace(root, { log: (m) => process.stderr.write(`note: ${m}\n`) });
  // Evidence that must recur (evidence-stale) is dated by its last commit: git runs once, only when needed.
  const recurring = workspace.ismsDocuments().flatMap(recurringEvidence);
  if (recurring.some((e) => !isMarkdownPath(e.target))) workspace.setFileDates(await gitFileDates(root));
  const loaded = performance.now();
  const { diagnostics, suppressed } = checkWorkspaceDetailed(workspace, { today: args.today });
  const undated = recurring.length ? undatedEvidence(workspace) : [];
  if (undated.length) process.stderr.write(`note: evidence-stale skipped ${undated.length} recurring evidence file${undated.length === 1 ? '' : 's'} with no git history and no \`date\`: ${undated.join(', ')}\n`);
  const checked = performance.now();
  const summary = summarise(diagnostics, workspace.markdownDocuments().length + workspace.fileProblems().length, workspace.ismsDocuments().length, suppressed.length);
  const color = args.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  if (args.listSuppressions) {
    if (args.format === 'sarif') throw new UsageError('--list-suppressions prints text or json');
    const suppressions = workspace.markdownDocuments().flatMap((d) => d.suppressions).filter((s) => s.kind !== 'enable');
    process.stdout.write(args.format === 'json' ? formatSuppressionsJson(suppressions, suppressed) : formatSuppressionsText(suppressions, suppressed));
    return 0;
  }
  const output =
    args.format === 'json' ? formatJson(diagnostics, summary) : args.format === 'sarif' ? formatSarif(diagnostics, packageJson.version) : formatText(diagnostics, summary, color);
  process.stdout.write(output);
  if (args.stats) {
    // maxRSS is the process's peak resident set (KB), not the current one.
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(
      `stats: ${workspace.fileCount()} files, ${summary.filesChecked} Markdown, ${summary.ismsDocuments} ISMS documents; load+parse ${(loaded - started).toFixed(0)} ms, rules ${(checked - loaded).toFixed(0)} ms, peak RSS ${rss} MB\n`,
    );
  }
  return summary.errors > 0 && !args.exitZero ? 1 : 0;
}

function listRules(): number {
  for (const rule of RULES) process.stdout.write(`${rule.code.padEnd(28)} ${rule.defaultSeverity.padEnd(8)} ${rule.description}\n${' '.repeat(38)}Fix: ${rule.fix}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    if (command === 'check') {
      if (rest.includes('-h') || rest.includes('--help')) {
        process.stdout.write(USAGE);
        return 0;
      }
      return await check(parseCheckArgs(rest));
    }
    if (command === 'rules') return listRules();
    if (command === 'export') {
      const { dir, out, today } = parseExportArgs(rest);
      return await exportPack({ dir, out, today, version: packageJson.version }, (s) => process.stdout.write(s));
    }
    if (command === 'init') {
      const flags = rest.filter((a) => a.startsWith('-'));
      const unknown = flags.find((f) => f !== '--write' && f !== '--force');
      if (unknown) throw new UsageError(`unknown option ${unknown}`);
      const dirs = rest.filter((a) => !a.startsWith('-'));
      if (dirs.length > 1) throw new UsageError('only one folder can be initialised at a time');
      const dir = dirs[0] ?? '.';
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
      return await init({ dir, write: flags.includes('--write'), force: flags.includes('--force') }, (s) => process.stdout.write(s));
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`isms: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`isms: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
