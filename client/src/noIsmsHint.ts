// On a folder with Markdown files but no ISMS document recognised (an existing ISMS written another way, before
// `isms init`), says so once and offers "ISMS: Initialise Workspace", instead of a silent "0 problems".
import * as vscode from 'vscode';
import type { IsmsServer } from './ismsServer';

const DISMISSED = 'isms.noIsmsHint.dismissed';
const INIT = 'Initialise Workspace';
const NEVER = "Don't Show Again";

export class NoIsmsHint implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Folders already told about in this session. */
  private readonly told = new Set<string>();

  constructor(
    private readonly server: IsmsServer,
    private readonly state: vscode.Memento,
  ) {
    this.disposables.push(server.onDidChange(() => void this.refresh()));
  }

  async refresh(): Promise<void> {
    const summary = await this.server.request('isms/checkSummary', {});
    const dismissed = this.state.get<string[]>(DISMISSED) ?? [];
    for (const root of summary?.roots ?? []) {
      if (root.documents > 0 || root.markdownFiles === 0 || this.told.has(root.rootUri) || dismissed.includes(root.rootUri)) continue;
      this.told.add(root.rootUri);
      const files = `${root.markdownFiles} Markdown file${root.markdownFiles === 1 ? '' : 's'}`;
      void vscode.window
        .showInformationMessage(
          `ISMS Markdown: ${root.name} has ${files} but no ISMS document recognised (none declares a known \`type\`). If they are your ISMS written another way, Initialise Workspace proposes the settings that read them as they are.`,
          INIT,
          NEVER,
        )
        .then(async (answer) => {
          if (answer === INIT) await vscode.commands.executeCommand('isms.initWorkspace', { folder: vscode.Uri.parse(root.rootUri) });
          else if (answer === NEVER) await this.state.update(DISMISSED, [...(this.state.get<string[]>(DISMISSED) ?? []), root.rootUri]);
        });
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
