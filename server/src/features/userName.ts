// Who is reviewing, for "mark reviewed" fixes: the client's `initializationOptions.reviewerName`, the
// `isms.reviewerName` setting, else what the host knows (the Node server: `git config user.name` in the root,
// else the operating system's user; the browser build: nothing, so "unknown").
// In an untrusted workspace (`initializationOptions.trusted === false`) git is not run: a repository's own
// git configuration can make git execute commands.
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
  return (await ctx.systemUserName?.(root, { git: options?.trusted !== false })) ?? 'unknown';
}
