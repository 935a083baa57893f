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
