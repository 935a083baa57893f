// A quick fix through VS Code's own code action API: the control-legacy-id fix on procedures/secure-sdlc.md
// replaces A.14.2.1 with A.8.25, and the diagnostic disappears.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ismsDiagnostics, revert, uriOf, waitFor } from './helpers';

describe('ISMS quick fixes', function () {
  this.timeout(120_000);
  const uri = uriOf('procedures/secure-sdlc.md');
  after(() => revert(uri));

  it('replaces the 2013 ID A.14.2.1 with A.8.25 and the control-legacy-id diagnostic disappears', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const [diagnostic] = await waitFor('the control-legacy-id diagnostic', 60_000, () => {
      const found = ismsDiagnostics(uri, 'control-legacy-id');
      return found.length > 0 && found;
    });
    assert.equal(doc.getText(diagnostic.range), 'A.14.2.1');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Replace with A.8.25'));
    assert.ok(fix?.edit, `no "Replace with A.8.25" fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(new vscode.Range(diagnostic.range.start, diagnostic.range.start.translate(0, 6))), 'A.8.25');
    await waitFor('the control-legacy-id diagnostic to disappear', 30_000, () => ismsDiagnostics(uri, 'control-legacy-id').length === 0);
  });
});
