// Which Markdown document a command without an argument means: the active editor's, else one shown beside the
// focused walkthrough or preview, else the Markdown editor focused last (the walkthrough opens as a tab over it,
// so its button runs with no Markdown editor visible), else the active tab of a group that shows a Markdown file.
import * as vscode from 'vscode';

const isMarkdown = (d: vscode.TextDocument) => d.languageId === 'markdown';

export class MarkdownTarget implements vscode.Disposable {
  private last: vscode.Uri | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isMarkdown(active)) this.last = active.uri;
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isMarkdown(editor.document)) this.last = editor.document.uri;
    });
  }

  uri(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active) return active.uri;
    const visible = vscode.window.visibleTextEditors.find((e) => isMarkdown(e.document))?.document.uri;
    if (visible) return visible;
    if (this.last && openInTab(this.last)) return this.last;
    const tabs = vscode.window.tabGroups.all.map((g) => g.activeTab).concat(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
    for (const tab of tabs) if (tab?.input instanceof vscode.TabInputText && /\.(md|markdown)$/i.test(tab.input.uri.path)) return tab.input.uri;
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Whether a tab still shows `uri` (a document closed since it was focused is no longer meant). */
function openInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}
