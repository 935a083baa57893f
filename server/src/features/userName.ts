// Who is reviewing, for "mark reviewed" fixes: the client's `initializationOptions.reviewerName`, the
// `isms.reviewerName` setting, `git config user.name` in the root, else the operating system's user.
// In an untrusted workspace (`initializationOptions.trusted === false`) git is not run: a repository's own
// git configuration can make git execute commands.
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Root } from '../roots';
import type { ServerContext } from './context';

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export async function reviewerName(ctx: ServerContext, root: Root): Promise<string> {
  const options = ctx.initializationOptions() as { reviewerName?: unknown; trusted?: unknown } | undefined;
  const fromOptions = nonEmpty(options?.reviewerName);
  if (fromOptions) return fromOptions;
  if (ctx.clientCapabilities().workspace?.configuration) {
    const setting = await ctx.connection.workspace.getConfiguration({ scopeUri: root.uri, section: 'isms.reviewerName' }).catch(() => undefined);
    if (nonEmpty(setting)) return nonEmpty(setting)!;
  }
  const fromGit = options?.trusted === false ? undefined : await new Promise<string | undefined>((resolve) =>
    execFile('git', ['config', 'user.name'], { cwd: root.fsPath, timeout: 3000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : nonEmpty(stdout))),
  );
  if (fromGit) return fromGit;
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
