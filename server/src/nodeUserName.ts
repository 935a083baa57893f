// The user's name as this machine knows it (Node only): `git config user.name` in the root, else the operating
// system's user. See features/userName.ts for when it is asked.
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Root } from './roots';

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export async function nodeUserName(root: Root, options: { git: boolean }): Promise<string> {
  const fromGit = !options.git ? undefined : await new Promise<string | undefined>((resolve) =>
    execFile('git', ['config', 'user.name'], { cwd: root.fsPath, timeout: 3000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : nonEmpty(stdout))),
  );
  if (fromGit) return fromGit;
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
