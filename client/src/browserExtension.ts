// The extension's browser entry (package.json "browser"; vscode.dev, github.dev): the language server runs in a
// Web Worker (dist/browserServer.js) and reads the workspace through this client (workspaceFiles.ts). The rest
// of the activation is shared with the desktop entry (extension.ts). No result cache (no disk), and no trust
// restart: the browser server never runs git, so trust changes nothing for it.
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateIsms, deactivateIsms, type IsmsExtensionApi } from './extension';

/** A client that starts a fresh worker each time it starts, so "Restart Server" and crash restarts get a new server. */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: Worker | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly serverUrl: string,
  ) {
    super('isms', 'ISMS Markdown', options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = new Worker(this.serverUrl);
    return Promise.resolve({ reader: new BrowserMessageReader(this.worker), writer: new BrowserMessageWriter(this.worker) });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}

/**
 * The server script's URL for `new Worker`. The web extension host refuses workers from `vscode-remote:` URLs
 * (a web extension installed on a remote server, e.g. code-server's), so such a script is read through the
 * editor's file system into a `blob:` URL.
 */
async function serverUrl(context: vscode.ExtensionContext): Promise<string> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
  return URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
}

export async function activate(context: vscode.ExtensionContext): Promise<IsmsExtensionApi> {
  const url = await serverUrl(context);
  return activateIsms(context, { createClient: (options) => new WorkerLanguageClient(options, url) });
}

export const deactivate = deactivateIsms;
