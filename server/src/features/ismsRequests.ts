// Shared by the ISMS-specific requests (isms/*, see ../protocol.ts): typed registration, the roots a request
// is about, path -> URI mapping, and the latest findings of a root.
import type { CancellationToken } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import type { Root } from '../roots';
import type { IsmsRequestMethod, IsmsRequests } from '../protocol';
import type { Linker } from '../engine/query/ismsViews';
import type { ServerContext } from './context';
import { throwIfCancelled } from './shared';

/** Registers a handler for one of the requests of the shared protocol, typed by its method name. */
export function onIsmsRequest<M extends IsmsRequestMethod>(
  ctx: ServerContext,
  method: M,
  handler: (params: IsmsRequests[M]['params'], token: CancellationToken) => Promise<IsmsRequests[M]['result']>,
): void {
  ctx.connection.onRequest(method, async (params: IsmsRequests[M]['params'], token: CancellationToken) => {
    const result = await handler(params ?? ({} as IsmsRequests[M]['params']), token);
    throwIfCancelled(token);
    return result;
  });
}

/** The roots a request names (all of them without `rootUri`), after pending loads. */
export async function rootsFor(ctx: ServerContext, rootUri: string | undefined): Promise<readonly Root[]> {
  await ctx.ready();
  const all = ctx.roots.all();
  // A folder that only contains ISMSs with their own .isms.yaml is not one itself.
  if (!rootUri) return all.filter((r) => !r.container);
  const exact = all.filter((r) => r.uri === rootUri);
  if (exact.length) return exact;
  const located = ctx.roots.locate(rootUri)?.root;
  return located ? [located] : [];
}

export function linkerFor(ctx: ServerContext, root: Root): Linker {
  return { uri: (path) => ctx.roots.uriOf(root, path) };
}

export const rootName = (root: Root) => Utils.basename(URI.parse(root.uri)) || root.fsPath;
