// The git commit a folder's files are at, for the audit pack's generation stamp (Node only, like nodeLoader.ts).
// Runs git, so callers must not use it on an untrusted folder: a repository's own configuration can make git
// execute commands.
import { execFile } from 'node:child_process';

const git = (dir: string, args: string[]) =>
  new Promise<string | undefined>((resolve) =>
    execFile('git', ['-C', dir, ...args], { encoding: 'utf8', timeout: 5000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout.trim())),
  );

/** `<sha>`, with " (with uncommitted changes)" when files below `dir` differ from it; undefined outside git. */
export async function gitCommit(dir: string): Promise<string | undefined> {
  const head = await git(dir, ['rev-parse', 'HEAD']);
  if (head === undefined) return undefined;
  const dirty = await git(dir, ['status', '--porcelain', '--', '.']);
  return `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
}

/**
 * The day (since epoch) each file below `dir` was last committed, by path relative to `dir`; empty outside git.
 * One `git log` over the latest 5,000 commits, newest first, so a file's first appearance is its last commit.
 */
export async function gitFileDates(dir: string): Promise<Map<string, number>> {
  const dates = new Map<string, number>();
  const out = await new Promise<string | undefined>((resolve) =>
    execFile(
      'git',
      ['-C', dir, 'log', '--relative', '--no-renames', '--max-count=5000', '--format=%x00%ct', '--name-only', '--', '.'],
      { encoding: 'utf8', timeout: 10000, windowsHide: true, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => resolve(error ? undefined : stdout),
    ),
  );
  if (!out) return dates;
  for (const block of out.split('\0')) {
    const [time, ...files] = block.split('\n');
    const day = Math.floor(Number(time) / 86400);
    if (!Number.isFinite(day)) continue;
    for (const file of files) {
      const path = file.trim();
      if (path && !dates.has(path)) dates.set(path, day);
    }
  }
  return dates;
}
