// The ISMS preview: the active Markdown document rendered by the language server (isms/preview: sanitised HTML
// with a header card, resolved IDs, SoA coverage, risk heat map) in a locked-down webview. It follows the active
// editor, updates as you type (debounced), and opens the targets of clicked IDs and links in the editor.
//
// Scroll sync both ways, like VS Code's Markdown preview: the editor's top line goes to the webview, which scrolls
// to the block rendered from it (blocks carry `data-line`); scrolling the preview reveals its top line in the
// editor. Each side ignores the scroll the other caused. A finding marker in the preview reveals its finding in
// the editor, shows its hover and opens the Problems panel.
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
  type: 'ready' | 'open' | 'finding' | 'external' | 'reveal';
  target?: string;
  href?: string;
  /** `reveal`: the source line (fractional) at the top of the preview. */
  line?: number;
}

/** How long an editor scroll that the preview caused is not sent back to the preview. */
const ECHO_MS = 400;

const isMarkdown = (doc: vscode.TextDocument) => doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'untitled');

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private last: PreviewResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private ready = false;
  /** The webview has not shown a render yet: the first one scrolls to the editor's top line. */
  private fresh = true;
  /** Until when (ms) the editor's scrolling is the echo of a line this class revealed for the preview. */
  private echoUntil = 0;
  /** The last line revealed for the preview: the line wanted at the editor's top, and the line asked for. */
  private lastReveal: { editor: vscode.TextEditor; want: number; asked: number; corrections: number } | undefined;
  /**
   * Lines the editor keeps above a line revealed "at the top" (with sticky scroll on it keeps 5, or
   * `editor.cursorSurroundingLines`), learnt from the first reveal: the next ones ask for that many lines lower.
   */
  private revealPadding = 0;
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
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScroll(e.textEditor)),
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
    this.fresh = true;
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
    if (this.ready) this.post();
    this.rendered.fire(this.last);
  }

  /** Sends the last render; the first one after the page loads also scrolls to the editor's top line. */
  private post(): void {
    if (!this.last || !this.panel) return;
    const line = this.fresh ? this.sourceEditor()?.visibleRanges[0]?.start.line : undefined;
    this.fresh = false;
    void this.panel.webview.postMessage({ type: 'update', html: this.last.html, title: this.last.title, state: { uri: this.uri?.toString() }, line });
  }

  /** The visible editor of the preview's document (the active one first). */
  private sourceEditor(): vscode.TextEditor | undefined {
    const uri = this.uri?.toString();
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === uri) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }

  /** Editor scrolled: the preview follows, unless this is the editor following the preview. */
  private onEditorScroll(editor: vscode.TextEditor): void {
    if (!this.panel || !this.ready || editor.document.uri.toString() !== this.uri?.toString()) return;
    const top = editor.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    // While the preview is being scrolled, the editor's scrolling is its echo (even where the editor could not put
    // the line at its top, near the end); the first echo says how far from the top the line landed.
    if (Date.now() < this.echoUntil) {
      this.correctReveal(editor, top);
      return;
    }
    void this.panel.webview.postMessage({ type: 'scroll', line: top });
  }

  /** Preview scrolled: the editor shows the preview's top line at its top. */
  private revealInEditor(line: number): void {
    const editor = this.sourceEditor();
    if (!editor) return;
    const last = editor.document.lineCount - 1;
    const want = Math.max(0, Math.min(Math.floor(line), last));
    if (editor.visibleRanges[0]?.start.line === want) return;
    const asked = Math.min(want + (want > 0 ? this.revealPadding : 0), last);
    this.lastReveal = { editor, want, asked, corrections: 0 };
    this.echoUntil = Date.now() + ECHO_MS;
    editor.revealRange(new vscode.Range(asked, 0, asked, 0), vscode.TextEditorRevealType.AtTop);
  }

  /**
   * The editor kept lines above the revealed one: learn how many, and reveal again that much lower (twice at most:
   * code lenses between the lines make the first guess a line short).
   */
  private correctReveal(editor: vscode.TextEditor, top: number): void {
    const r = this.lastReveal;
    if (!r || r.editor !== editor || r.corrections >= 2 || top === r.want || top === 0) return;
    r.corrections++;
    const padding = r.asked - top;
    // More than a few lines is the end of the document, where the editor cannot scroll further.
    if (padding < 0 || padding > 10 || padding === this.revealPadding) return;
    this.revealPadding = padding;
    const asked = Math.min(r.want + padding, editor.document.lineCount - 1);
    r.asked = asked;
    this.echoUntil = Date.now() + ECHO_MS;
    editor.revealRange(new vscode.Range(asked, 0, asked, 0), vscode.TextEditorRevealType.AtTop);
  }

  /** A finding marker: the finding in the editor (cursor on it, its hover shown) and the Problems panel open. */
  private async showFinding(uri: vscode.Uri, line: number, character: number): Promise<void> {
    // The editor's scrolling from here on is not the echo of a preview scroll (the click itself may have scrolled the
    // preview, which scrolled the editor): taken for one, it was "corrected" back to column 0, away from the hover.
    this.echoUntil = 0;
    this.lastReveal = undefined;
    // The Problems panel first, since it shrinks the editor, and without the focus, which the hover needs: the
    // open-view command takes { preserveFocus } (without it, it also closes a panel that already has the focus).
    await vscode.commands.executeCommand('workbench.actions.view.problems', { preserveFocus: true });
    await openLocation(uri, line, character, this.sourceColumn());
    await vscode.commands.executeCommand('editor.action.showHover');
  }

  private onMessage(message: FromWebview): void {
    if (message?.type === 'ready') {
      this.ready = true;
      this.post();
      return;
    }
    if (message?.type === 'reveal' && typeof message.line === 'number' && Number.isFinite(message.line)) {
      this.revealInEditor(message.line);
      return;
    }
    if (message?.type === 'finding' && typeof message.target === 'string') {
      const loc = this.last?.targets[message.target];
      // Findings are this document's own.
      const uri = loc && vscode.Uri.parse(loc.uri);
      if (!loc || !uri || uri.toString() !== this.uri?.toString()) return;
      void this.showFinding(uri, loc.line, loc.character ?? 0);
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
