// "ISMS: Check Workspace": the latest check of every ISMS folder as a report in the "ISMS Check" output channel,
// like `isms check`: one line per finding, then the totals (isms/checkSummary).
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { CheckSummaryResult } from '../../../server/src/protocol';

export async function checkWorkspace(server: IsmsServer, output: vscode.OutputChannel): Promise<CheckSummaryResult | undefined> {
  const summary = await server.request('isms/checkSummary', { includeFindings: true });
  output.clear();
  if (!summary) {
    output.appendLine('The ISMS language server is not running. Try "ISMS: Restart Server".');
    output.show(true);
    return undefined;
  }
  const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  output.appendLine(`ISMS check, ${stamp} UTC`);
  for (const root of summary.roots) {
    output.appendLine('');
    output.appendLine(`${root.name}: ${root.documents} ISMS documents, ${root.files} files`);
    for (const f of root.findings ?? []) output.appendLine(`  ${f.path}:${f.line + 1}:${f.character + 1}  ${f.severity.padEnd(7)}  ${f.code}  ${f.message}`);
    output.appendLine(`  ${root.errors} errors, ${root.warnings} warnings, ${root.infos} infos, ${root.hints} hints; ${root.overdueReviews} overdue reviews, ${root.dueSoonReviews} due soon, ${root.overdueActions} overdue actions`);
    if (root.documents === 0 && root.markdownFiles > 0) {
      output.appendLine(`  No ISMS document recognised among ${root.markdownFiles} Markdown files. If they are your ISMS written another way, run "ISMS: Initialise Workspace" to propose the settings that read them.`);
    }
  }
  if (summary.roots.length === 0) output.appendLine('No workspace folder is open.');
  output.appendLine('');
  output.appendLine(`Total: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.overdueReviews} overdue reviews`);
  output.show(true);
  return summary;
}
