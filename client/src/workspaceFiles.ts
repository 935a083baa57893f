// Answers the language server's file requests (isms/fs/*, ../../server/src/protocol.ts) with the editor's
// file system: the browser build's server reads every file this way, the Node server those of folders that
// are not on disk (virtual workspaces such as github.dev).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FindFilesParams, FindFilesResult, ReadFileResult, ReadFilesParams, ReadFilesResult } from '../../server/src/protocol';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Every file under the folder; `exclude` narrows the search (the server filters again with its own globs). */
export async function findFiles(params: FindFilesParams, token?: vscode.CancellationToken): Promise<FindFilesResult> {
  const base = vscode.Uri.parse(params.baseUri);
  const globs = (Array.isArray(params.exclude) ? params.exclude : []).filter((g) => typeof g === 'string' && g && !/[{}]/.test(g));
  // An explicit exclude (even none) keeps files.exclude out of it, as the server's own walk ignores it.
  const exclude = globs.length ? new vscode.RelativePattern(base, `{${globs.join(',')}}`) : null;
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base, '**/*'), exclude, undefined, token);
  return { uris: uris.map((u) => u.toString()) };
}

async function readOne(uri: string, maxBytes: number): Promise<ReadFileResult> {
  try {
    const target = vscode.Uri.parse(uri);
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.size > maxBytes) return { tooLarge: stat.size };
    return { base64: toBase64(await vscode.workspace.fs.readFile(target)) };
  } catch (e) {
    return { error: e instanceof vscode.FileSystemError ? e.code : message(e) };
  }
}

export async function readFiles(params: ReadFilesParams): Promise<ReadFilesResult> {
  const maxBytes = typeof params.maxBytes === 'number' ? params.maxBytes : Number.MAX_SAFE_INTEGER;
  const uris = Array.isArray(params.uris) ? params.uris : [];
  return { files: await Promise.all(uris.map((uri) => (typeof uri === 'string' ? readOne(uri, maxBytes) : { error: 'not a URI' }))) };
}

/** Registers the handlers on a client (before it starts; they stay across restarts). */
export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest('isms/fs/findFiles', (params: FindFilesParams, token: vscode.CancellationToken) => findFiles(params, token)),
    client.onRequest('isms/fs/readFiles', (params: ReadFilesParams) => readFiles(params)),
  ];
}
