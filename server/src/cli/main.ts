// `isms`: the command-line face of the engine, for CI. Exit codes: 0 clean (or only warnings), 1 errors found,
// 2 bad usage.
// First, before the modules below build anything: the heap's growth limit (heapGrowth.ts).
import './heapGrowth';
import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { loadWorkspaces } from '../engine/workspace/nodeLoader';
import { gitFileDates } from '../engine/workspace/gitCommit';
import { isMarkdownPath } from '../engine/workspace/workspace';
import { recurringEvidence, undatedEvidence } from '../engine/rules/evidenceStale';
import { checkWorkspaceDetailed, compareDiagnostics, type SuppressedFinding } from '../engine/check';
import type { Diagnostic, Suppression } from '../engine/model';
import { parseIsoDate, todayUtc } from '../engine/util/dates';
import { RULES } from '../engine/rules/registry';
import { init } from './init';
import { exportPack, verify } from './export';
import { EXPORT_FORMATS, type ExportFormat } from '../engine/export/types';
import { formatJson, formatSarif, inventory, type InventoryEntry, formatSuppressionsJson, formatSuppressionsText, formatText, summarise, wholeIsmsAnchor } from './format';
import packageJson from '../../../package.json';

const USAGE = `Usage: isms <command> [options]

Commands:
  check [DIR]     Check the ISMS in DIR (default: the current folder)
  export [DIR] --out PACK [--format html,pdf,xlsx]
                  Write the auditor's evidence pack: static HTML of every document, a PDF of each (one folder
                  per clause area), the SoA, risk register and findings as Excel workbooks, manifest.json
  export --verify PACK
                  Recompute the SHA-256 of every file of a pack and compare with its manifest.json
  init [DIR]      Propose a .isms.yaml for an existing ISMS (aliases, metadata, types); --write saves it,
                  --force replaces an existing one (isms init --help for more)
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

const INIT_USAGE = `Usage: isms init [DIR] [options]

Inspects the Markdown in DIR (default: the current folder) and proposes the .isms.yaml that lets the checker read
it as it is written: field aliases, where metadata lives, each document's type (from its file name, title,
folder or flags), reference material to exclude. Prints what it would type and the findings it forecasts.

Options:
  --write                    Save the proposal as DIR/.isms.yaml (refuses to replace an existing one)
  --force                    With --write: replace an existing .isms.yaml
  --today YYYY-MM-DD         Date to judge review deadlines against in the forecast (default: today, UTC)
  -h, --help                 Show this help
`;

/** `isms init [DIR] [--write] [--force] [--today YYYY-MM-DD]`. */
function parseInitArgs(args: string[]): { dir: string; write: boolean; force: boolean; today: number } {
  const dirs = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--today');
  if (dirs.length > 1) throw new UsageError('only one folder can be initialised at a time');
  const dir = dirs[0] ?? '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  let today = todayUtc();
  for (const [i, flag] of args.entries()) {
    if (flag === '--write' || flag === '--force' || !flag.startsWith('-')) continue;
    if (flag !== '--today' && !flag.startsWith('--today=')) throw new UsageError(`unknown option ${flag}`);
    const written = flag === '--today' ? (args[i + 1] ?? '') : flag.slice('--today='.length);
    const day = parseIsoDate(written);
    if (day === undefined) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${written}"`);
    today = day;
  }
  return { dir, write: args.includes('--write'), force: args.includes('--force'), today };
}

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

function parseExportArgs(args: string[]): { dir: string; out: string; today: number; formats: Set<ExportFormat> } | { verify: string } {
  let out: string | undefined;
  let verify: string | undefined;
  let formats = new Set<ExportFormat>(EXPORT_FORMATS);
  let today = todayUtc();
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--out') out = value();
    else if (flag === '--verify') verify = value();
    else if (flag === '--format') {
      const list = value().split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
      const unknown = list.find((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
      if (unknown !== undefined || list.length === 0) throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')} separated by commas, not "${unknown ?? ''}"`);
      formats = new Set(list as ExportFormat[]);
    } else if (flag === '--today') {
      const t = value();
      const day = parseIsoDate(t);
      if (day === undefined) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${t}"`);
      today = day;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else dirs.push(flag);
  }
  if (verify !== undefined) {
    if (!verify || out || dirs.length) throw new UsageError('export --verify takes one pack folder and nothing else');
    return { verify };
  }
  if (!out) throw new UsageError('export needs --out PACK, the folder to write the pack into');
  if (dirs.length > 1) throw new UsageError('only one folder can be exported at a time');
  const dir = dirs[0] ?? '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return { dir, out, today, formats };
}

async function check(args: CheckArgs): Promise<number> {
  const root = nodePath.resolve(args.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${args.dir} is not a folder`);
  const started = performance.now();
  // Each ISMS under the folder (a folder with its own .isms.yaml) is checked as a workspace of its own; paths are
  // reported relative to the folder checked.
  const workspaces = await loadWorkspaces(root, { log: (m) => process.stderr.write(`note: ${m}\n`) });
  // Evidence that must recur (evidence-stale) is dated by its last commit: git runs once per ISMS, only when needed.
  const undated: string[] = [];
  for (const { path: prefix, workspace } of workspaces) {
    const recurring = workspace.ismsDocuments().flatMap((doc) => recurringEvidence(doc, workspace.config.siteRoot));
    if (recurring.some((e) => !isMarkdownPath(e.target))) workspace.setFileDates(await gitFileDates(prefix ? nodePath.join(root, prefix) : root));
    if (recurring.length) undated.push(...undatedEvidence(workspace).map((p) => (prefix ? `${prefix}/${p}` : p)));
  }
  const loaded = performance.now();
  const diagnostics: Diagnostic[] = [];
  const suppressed: SuppressedFinding[] = [];
  const suppressions: Suppression[] = [];
  let files = 0;
  let markdown = 0;
  let ismsDocuments = 0;
  const documents: InventoryEntry[] = [];
  let rootAnchor: string | undefined;
  for (const { path: prefix, workspace } of workspaces) {
    const result = checkWorkspaceDetailed(workspace, { today: args.today });
    // Code scanning needs a file for findings about a whole ISMS: its .isms.yaml, else its scope, else a README.
    const anchor = wholeIsmsAnchor(workspace.configPath, workspace.ismsDocuments().find((d) => d.type === 'scope')?.path, workspace.markdownDocuments().map((d) => d.path));
    if (!prefix) rootAnchor = anchor;
    const whole = args.format === 'sarif' ? `${prefix}/${anchor}` : prefix;
    const at = <T extends { path: string }>(x: T): T => (prefix ? { ...x, path: x.path === '.' ? whole : `${prefix}/${x.path}` } : x);
    diagnostics.push(...result.diagnostics.map(at));
    // One moved copy per suppression: the listing matches findings to suppressions by identity.
    const moved = new Map<Suppression, Suppression>();
    const move = (s: Suppression) => moved.get(s) ?? moved.set(s, at(s)).get(s)!;
    suppressed.push(...result.suppressed.map((f) => ({ diagnostic: at(f.diagnostic), suppression: move(f.suppression) })));
    suppressions.push(...workspace.markdownDocuments().flatMap((d) => d.suppressions).filter((s) => s.kind !== 'enable').map(move));
    files += workspace.fileCount();
    markdown += workspace.markdownDocuments().length + workspace.fileProblems().length;
    ismsDocuments += workspace.ismsDocuments().length;
    documents.push(...inventory(workspace.ismsDocuments()).map((d) => (prefix ? { ...d, file: `${prefix}/${d.file}` } : d)));
  }
  diagnostics.sort(compareDiagnostics);
  if (undated.length) process.stderr.write(`note: evidence-stale skipped ${undated.length} recurring evidence file${undated.length === 1 ? '' : 's'} with no git history and no \`date\`: ${undated.join(', ')}\n`);
  const checked = performance.now();
  const summary = summarise(diagnostics, markdown, ismsDocuments, suppressed.length);
  const color = args.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  if (args.listSuppressions) {
    if (args.format === 'sarif') throw new UsageError('--list-suppressions prints text or json');
    process.stdout.write(args.format === 'json' ? formatSuppressionsJson(suppressions, suppressed) : formatSuppressionsText(suppressions, suppressed));
    return 0;
  }
  const output =
    args.format === 'json'
      ? formatJson(diagnostics, summary, documents)
      : args.format === 'sarif'
        ? formatSarif(diagnostics, packageJson.version, { wholeIsmsAnchor: rootAnchor ?? '.isms.yaml' })
        : formatText(diagnostics, summary, color);
  process.stdout.write(output);
  if (args.format === 'text' && workspaces.length > 1) process.stdout.write(`Checked ${workspaces.length} ISMSs, each with its own .isms.yaml: ${workspaces.map((w) => w.path || '.').join(', ')}.\n`);
  if (args.stats) {
    // maxRSS is the process's peak resident set (KB), not the current one.
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(
      `stats: ${files} files, ${summary.filesChecked} Markdown, ${summary.ismsDocuments} ISMS documents; load+parse ${(loaded - started).toFixed(0)} ms, rules ${(checked - loaded).toFixed(0)} ms, peak RSS ${rss} MB\n`,
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
      const args = parseExportArgs(rest);
      if ('verify' in args) return await verify(args.verify, (s) => process.stdout.write(s));
      return await exportPack({ ...args, version: packageJson.version }, (s) => process.stdout.write(s));
    }
    if (command === 'init') {
      if (rest.includes('-h') || rest.includes('--help')) {
        process.stdout.write(INIT_USAGE);
        return 0;
      }
      return await init(parseInitArgs(rest), (s) => process.stdout.write(s));
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
