// The ISMS preview: the active Markdown document rendered by the language server (isms/preview: sanitised HTML
// with a header card, resolved IDs, SoA coverage, risk heat map) in a locked-down webview. It follows the active
// editor, updates as you type (debounced), and opens the targets of clicked IDs and links in the editor.
//
// Lock-down (see also issue 6): Content-Security-Policy `default-src 'none'`, only the extension's own script
// (with a fresh nonce per page) and stylesheet, images only from the webview's resource roots (the extension's
// media folder and the workspace folders), no command URIs, and every target of a click checked against the
// targets the server sent and the workspace folders before anything opens.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { PreviewResult } from '../../../server/src/protocol';
import { openLocation } from '../commands/openLocation';

export const PREVIEW_VIEW_TYPE = 'isms.preview';

interface FromWebview {
  type: 'ready' | 'open' | 'external';
  target?: string;
  href?: string;
}

const isMarkdown = (doc: vscode.TextDocument) => doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'untitled');

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private last: PreviewResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<PreviewResult>();
  /** Fires after each render (tests wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: IsmsServer,
    private readonly delayMs = 250,
  ) {
    this.disposables.push(
      this.rendered,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isMarkdown(editor.document) && editor.document.uri.toString() !== this.uri?.toString()) this.show(editor.document.uri, undefined, true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.uri?.toString()) this.schedule();
      }),
      server.onDidChange(() => {
        if (this.panel) this.schedule();
      }),
    );
  }

  get current(): { uri: vscode.Uri; result: PreviewResult | undefined; panel: vscode.WebviewPanel } | undefined {
    return this.panel && this.uri ? { uri: this.uri, result: this.last, panel: this.panel } : undefined;
  }

  /** Opens (or moves) the preview to `uri`; `toSide` opens it beside the editor. */
  show(uri: vscode.Uri, column?: vscode.ViewColumn, keepColumn = false): void {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'ISMS Preview', { viewColumn: column ?? vscode.ViewColumn.Active, preserveFocus: true }, this.options());
      this.adopt(this.panel);
    } else if (!keepColumn) {
      this.panel.reveal(column ?? this.panel.viewColumn, true);
    }
    this.panel.webview.options = this.options();
    this.ready = false;
    this.panel.webview.html = this.shell(this.panel.webview, uri);
    void this.render();
  }

  /** Takes over a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const uri = typeof (state as { uri?: unknown })?.uri === 'string' ? vscode.Uri.parse((state as { uri: string }).uri) : vscode.window.activeTextEditor?.document.uri;
    this.panel?.dispose();
    this.panel = panel;
    this.adopt(panel);
    if (uri) this.show(uri, undefined, true);
    else panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'isms.svg');
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.uri = undefined;
        this.last = undefined;
      }
    }, null, this.disposables);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), null, this.disposables);
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)],
    };
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), this.delayMs);
  }

  /** Asks the server for the HTML of the current document and hands it to the webview. */
  async render(): Promise<void> {
    const uri = this.uri;
    const panel = this.panel;
    if (!uri || !panel) return;
    const generation = ++this.generation;
    const result = await this.server.request('isms/preview', { uri: uri.toString() });
    if (generation !== this.generation || panel !== this.panel) return; // a newer render or another document
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (result && doc && result.version !== undefined && result.version < doc.version) this.schedule(); // typed since
    this.last = result ?? {
      uri: uri.toString(),
      title: uri.path.replace(/^.*\//, ''),
      html: '<p class="isms-note">This file is not part of an ISMS workspace folder, or the ISMS language server is not running.</p>',
      targets: {},
    };
    panel.title = `Preview ${this.last.title}`;
    if (this.ready) void panel.webview.postMessage({ type: 'update', html: this.last.html, title: this.last.title, state: { uri: uri.toString() } });
    this.rendered.fire(this.last);
  }

  private onMessage(message: FromWebview): void {
    if (message?.type === 'ready') {
      this.ready = true;
      if (this.last && this.panel) void this.panel.webview.postMessage({ type: 'update', html: this.last.html, title: this.last.title, state: { uri: this.uri?.toString() } });
      return;
    }
    if (message?.type === 'open' && typeof message.target === 'string') {
      const loc = this.last?.targets[message.target];
      if (!loc) return;
      const uri = vscode.Uri.parse(loc.uri);
      if (!vscode.workspace.getWorkspaceFolder(uri) && uri.toString() !== this.uri?.toString()) return; // never outside the workspace
      void openLocation(uri, loc.line, loc.character ?? 0, this.sourceColumn());
      return;
    }
    if (message?.type === 'external' && typeof message.href === 'string' && /^(https?:|mailto:)/i.test(message.href)) {
      void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
    }
  }

  /** The editor column the preview's document is shown in, else the first. */
  private sourceColumn(): vscode.ViewColumn {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri?.toString());
    return editor?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  }

  /** The page around the server's HTML: strict CSP, a nonce for the one script, the document's folder as base. */
  private shell(webview: vscode.Webview, uri: vscode.Uri): string {
    // Web Crypto: there in the Node extension host and in the browser's.
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    const folder = vscode.Uri.joinPath(uri, '..');
    const base = vscode.workspace.getWorkspaceFolder(uri) ? webview.asWebviewUri(folder).toString() + '/' : '';
    const csp = [`default-src 'none'`, `img-src ${webview.cspSource}`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `base-uri ${webview.cspSource}`, `form-action 'none'`, `frame-src 'none'`].join('; ');
    const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${base ? `<base href="${attr(base)}">` : ''}
<link rel="stylesheet" href="${attr(media('preview.css'))}">
<title>ISMS Preview</title>
</head>
<body class="isms-preview" data-uri="${attr(uri.toString())}">
<main id="isms-content" aria-live="polite"><p class="isms-note">Rendering…</p></main>
<script nonce="${nonce}" src="${attr(media('preview.js'))}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
