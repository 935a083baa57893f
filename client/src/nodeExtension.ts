// The extension's desktop entry (package.json "main"): the language server runs as a Node process (dist/server.js)
// talking over IPC. The rest of the activation is shared with the browser entry (extension.ts).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateIsms, deactivateIsms, type IsmsExtensionApi } from './extension';

export async function activate(context: vscode.ExtensionContext): Promise<IsmsExtensionApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // A smaller young generation keeps the server's peak memory down in large workspaces (bench/results.md).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=4'] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const api = await activateIsms(context, {
    createClient: (clientOptions) => new LanguageClient('isms', 'ISMS Markdown', serverOptions, clientOptions),
    // The result cache lives in this workspace's extension storage.
    initializationOptions: context.storageUri ? { cacheDir: vscode.Uri.joinPath(context.storageUri, 'index-cache').fsPath } : {},
  });
  // Trust granted later: restart so the server may use git again.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      const client = api.client();
      if (!client || !api.server.awake) return; // a quiet workspace's server starts trusted when it starts
      (client.clientOptions.initializationOptions as { trusted?: boolean }).trusted = true;
      await client.restart();
    }),
  );
  return api;
}

export const deactivate = deactivateIsms;
