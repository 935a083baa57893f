// The ISMS status bar item: errors and warnings of the ISMS checks and the number of overdue reviews, refreshed
// with the views; a click opens the Problems panel (VS Code offers no API to preset its filter; the tooltip
// links the ISMS-only report of "ISMS: Check Workspace").
import * as vscode from 'vscode';
import type { IsmsServer } from './ismsServer';
import type { CheckSummaryResult } from '../../server/src/protocol';

export class IsmsStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('isms.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  last: CheckSummaryResult | undefined;

  constructor(private readonly server: IsmsServer) {
    this.item.name = 'ISMS';
    this.item.command = 'isms.showProblems';
    this.item.text = '$(shield) ISMS $(loading~spin)';
    this.item.tooltip = 'ISMS Markdown: checking the workspace…';
    this.item.show();
    this.disposables.push(server.onDidChange(() => void this.refresh()));
  }

  async refresh(): Promise<void> {
    const summary = await this.server.request('isms/checkSummary', {});
    this.last = summary;
    if (!summary) {
      this.item.text = '$(shield) ISMS $(debug-disconnect)';
      this.item.tooltip = 'ISMS Markdown: the language server is not running. Click to open the Problems panel.';
      this.item.backgroundColor = undefined;
      return;
    }
    const documents = summary.roots.reduce((n, r) => n + r.documents, 0);
    const parts = [`$(shield) ISMS`, `$(error) ${summary.errors}`, `$(warning) ${summary.warnings}`];
    // Overdue reviews and overdue actions are both commitments the ISMS missed: one count.
    const overdue = summary.overdueReviews + (summary.overdueActions ?? 0);
    if (overdue > 0) parts.push(`$(calendar) ${overdue} overdue`);
    this.item.text = parts.join(' ');
    this.item.backgroundColor = summary.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(
      [
        `**ISMS Markdown**: ${documents} ISMS document${documents === 1 ? '' : 's'} in ${summary.roots.length} folder${summary.roots.length === 1 ? '' : 's'}`,
        '',
        `$(error) ${summary.errors} error${summary.errors === 1 ? '' : 's'} · $(warning) ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} · $(info) ${summary.infos} info`,
        '',
        `$(calendar) ${summary.overdueReviews} overdue review${summary.overdueReviews === 1 ? '' : 's'}${summary.dueSoonReviews ? `, ${summary.dueSoonReviews} due soon` : ''} · $(tasklist) ${summary.overdueActions ?? 0} overdue action${summary.overdueActions === 1 ? '' : 's'}`,
        '',
        '[Open Problems](command:isms.showProblems) · [ISMS Report](command:isms.checkWorkspace)',
      ].join('\n'),
      true,
    );
    tooltip.isTrusted = { enabledCommands: ['isms.showProblems', 'isms.checkWorkspace'] };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
