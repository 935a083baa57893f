// The ISMS preview in a real VS Code: opens beside the editor, shows control references with their titles, a
// header card, the risk heat map, follows the active editor and the text as it is typed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, revert, uriOf, waitFor } from './helpers';

const previewTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('isms.preview'));

describe('ISMS preview', function () {
  this.timeout(120_000);
  const sdlc = uriOf('procedures/secure-sdlc.md');

  after(async () => {
    await revert(sdlc);
    const { preview } = await api();
    preview.current?.panel.dispose();
  });

  it('"ISMS: Open Preview to the Side" shows the document with control references resolved to their titles', async () => {
    const { preview } = await api();
    await vscode.window.showTextDocument(sdlc, { preview: false });
    await vscode.commands.executeCommand('isms.openPreviewToSide');
    const result = await waitFor('the preview of secure-sdlc.md', 30_000, () => {
      const current = preview.current;
      return current?.uri.toString() === sdlc.toString() && current.result?.html.includes('isms-card') && current.result;
    });
    await waitFor('one ISMS preview tab', 10_000, () => previewTabs().length === 1);
    assert.equal(result.title, 'Secure Development Lifecycle and Code Review Procedure');
    assert.match(result.html, /<span class="isms-ref-id">A\.8\.25<\/span><span class="isms-ref-title">Secure development life cycle<\/span>/);
    assert.match(result.html, /isms-legacy/, 'the 2013 ID is marked as withdrawn');
    assert.doesNotMatch(result.html, /<script/i);
  });

  it('a click on a reference opens its target (the SoA row of A.8.25)', async () => {
    const { preview } = await api();
    const result = preview.current!.result!;
    const target = /data-isms-kind="control"[^>]*data-isms-target="(t\d+)"><span class="isms-ref-id">A\.8\.25</.exec(result.html)?.[1];
    assert.ok(target);
    const loc = result.targets[target];
    assert.equal(loc.uri, uriOf('soa/statement-of-applicability.md').toString());
  });

  it('updates as the document is edited', async () => {
    const { preview } = await api();
    const editor = await vscode.window.showTextDocument(sdlc, { preview: false, viewColumn: vscode.ViewColumn.One });
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nLive edit citing A.5.15.\n'));
    await waitFor('the preview to show the edit', 20_000, () => preview.current?.result?.html.includes('Live edit citing <a'));
    assert.match(preview.current!.result!.html, /Live edit citing <a[^>]*><span class="isms-ref-id">A\.5\.15<\/span><span class="isms-ref-title">Access control<\/span>/);
    await revert(sdlc);
  });

  it('follows the active editor: the risk register shows its likelihood × impact heat map', async () => {
    const { preview } = await api();
    const register = uriOf('risk/risk-register.md');
    await vscode.window.showTextDocument(register, { preview: false, viewColumn: vscode.ViewColumn.One });
    const html = await waitFor('the preview to follow to the risk register', 20_000, () => preview.current?.uri.toString() === register.toString() && preview.current.result?.html.includes('isms-heatmap') && preview.current.result.html);
    assert.match(html, /Risk heat map/);
    assert.equal(previewTabs().length, 1, 'still one preview');
  });
});
