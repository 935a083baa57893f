// The VS Code side: starts the ISMS language server and adapts it to the editor's UI.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('ISMS Markdown');
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: {
      configurationSection: 'isms',
      // Evidence files count too: a deleted PDF must turn its links into findings.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
    outputChannel: output,
  };
  client = new LanguageClient('isms', 'ISMS Markdown', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('ISMS language server restarted', 3000);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
