// The ISMS status bar item: errors and warnings of the ISMS checks and the number of overdue reviews, refreshed
// with the views; a click opens the Problems panel (VS Code offers no API to preset its filter; the tooltip
// links the ISMS-only report of "ISMS: Check Workspace"). Its states: hidden in a quiet workspace (no ISMS),
// "ISMS: not set up" where Markdown is found but no ISMS document is recognised (a click runs Initialise
// Workspace), "indexing" until the server's first answer, then the counts.
import * as vscode from 'vscode';
import type { IsmsServer } from './ismsServer';
import type { IsmsPresence } from './presence';
import type { CheckSummaryResult } from '../../server/src/protocol';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class IsmsStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('isms.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  last: CheckSummaryResult | undefined;
  /** Bumped by each refresh, so an older answer arriving late does not overwrite a newer state. */
  private generation = 0;

  constructor(
    private readonly server: IsmsServer,
    private readonly presence: IsmsPresence,
  ) {
    this.item.name = 'ISMS';
    this.disposables.push(server.onDidChange(() => void this.refresh()), presence.onDidChange(() => void this.refresh()));
    void this.refresh();
  }

  private notSetUp(markdownFiles: number): void {
    this.item.text = '$(shield) ISMS: not set up';
    this.item.command = 'isms.initWorkspace';
    this.item.backgroundColor = undefined;
    const tooltip = new vscode.MarkdownString(
      [
        `**ISMS Markdown**: ${plural(markdownFiles, 'Markdown file')}, none recognised as an ISMS document (none has frontmatter with a \`type\` such as \`policy\` or \`scope\`).`,
        '',
        'Initialise Workspace proposes a `.isms.yaml` that lets the checker read your documents as they are.',
        '',
        '[Initialise Workspace](command:isms.initWorkspace) · [Create ISMS from Template](command:isms.createFromTemplate)',
      ].join('\n'),
      true,
    );
    tooltip.isTrusted = { enabledCommands: ['isms.initWorkspace', 'isms.createFromTemplate'] };
    this.item.tooltip = tooltip;
    this.item.show();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    if (!this.server.awake) {
      // No server: what the start-up probe found.
      if (this.presence.state === 'notSetUp') this.notSetUp(this.presence.markdownFiles);
      else this.item.hide();
      return;
    }
    if (!this.last) {
      this.item.text = '$(loading~spin) ISMS: indexing…';
      this.item.tooltip = 'ISMS Markdown: reading and checking the workspace…';
      this.item.command = 'isms.showOutput';
      this.item.show();
    }
    const summary = await this.server.request('isms/checkSummary', {});
    if (generation !== this.generation) return;
    this.last = summary;
    if (!summary) {
      this.item.text = '$(shield) ISMS $(debug-disconnect)';
      this.item.tooltip = 'ISMS Markdown: the language server is not running. Click to open the Problems panel.';
      this.item.command = 'isms.showProblems';
      this.item.backgroundColor = undefined;
      return;
    }
    const documents = summary.roots.reduce((n, r) => n + r.documents, 0);
    if (documents === 0) {
      const markdownFiles = summary.roots.reduce((n, r) => n + r.markdownFiles, 0);
      // Woken by a command in a quiet workspace (no ISMS found): stays quiet.
      if (this.presence.state !== 'quiet') this.notSetUp(markdownFiles);
      else this.item.hide();
      return;
    }
    this.item.command = 'isms.showProblems';
    const parts = [`$(shield) ISMS`, `$(error) ${summary.errors}`, `$(warning) ${summary.warnings}`];
    // Overdue reviews and overdue actions are both commitments the ISMS missed: one count.
    const overdue = summary.overdueReviews + (summary.overdueActions ?? 0);
    if (overdue > 0) parts.push(`$(calendar) ${overdue} overdue`);
    const approved = summary.roots.reduce((n, r) => n + r.approvedDocuments, 0);
    const withPlaceholders = summary.roots.reduce((n, r) => n + r.documentsWithPlaceholders, 0);
    // A starter ISMS full of drafts and placeholders must not read like an approved one.
    if (approved < documents) parts.push(`$(edit) ${approved} of ${documents} approved`);
    this.item.text = parts.join(' ');
    this.item.backgroundColor = summary.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(
      [
        `**ISMS Markdown**: ${plural(documents, 'ISMS document')} in ${plural(summary.roots.length, 'folder')}`,
        '',
        `$(error) ${plural(summary.errors, 'error')} · $(warning) ${plural(summary.warnings, 'warning')} · $(info) ${summary.infos} info`,
        '',
        `$(calendar) ${plural(summary.overdueReviews, 'overdue review')}${summary.dueSoonReviews ? `, ${summary.dueSoonReviews} due soon` : ''} · $(tasklist) ${plural(summary.overdueActions ?? 0, 'overdue action')}`,
        '',
        `$(edit) ${approved} of ${plural(documents, 'document')} approved${withPlaceholders ? `; ${withPlaceholders} still with placeholder text` : ''}`,
        '',
        '[Open Problems](command:isms.showProblems) · [ISMS Report](command:isms.checkWorkspace)',
      ].join('\n'),
      true,
    );
    tooltip.isTrusted = { enabledCommands: ['isms.showProblems', 'isms.checkWorkspace'] };
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
