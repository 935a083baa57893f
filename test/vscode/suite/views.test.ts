// The ISMS views in a real VS Code: contributed, populated from the language server on the example ISMS, and
// a click on an item opens the right file at the right line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXT_ID, api, click, labelOf, lineOf, rel, uriOf, waitFor } from './helpers';

describe('ISMS views (activity bar container "ISMS")', function () {
  this.timeout(120_000);

  it('contributes the ISMS container with the Evidence Locker, Statement of Applicability, Risks and Scope views', () => {
    const pkg = vscode.extensions.getExtension(EXT_ID)!.packageJSON as { contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string; name: string }[]> } };
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.id), ['isms']);
    assert.deepEqual(pkg.contributes.views.isms.map((v) => v.name), ['Evidence Locker', 'Statement of Applicability', 'Risks', 'Actions', 'Scope']);
  });

  it('Evidence Locker: every mandatory document of the example, with owner and review state', async () => {
    const { views } = await api();
    const nodes = await waitFor('the evidence locker to fill', 60_000, async () => {
      views.evidenceLocker.refresh();
      const n = await views.evidenceLocker.nodes();
      return n.length > 0 && n;
    });
    const scope = nodes.find((n) => labelOf(n) === 'ISMS scope')!;
    assert.ok(scope, nodes.map(labelOf).join(', '));
    assert.equal(scope.contextValue, 'lockerItem.present');
    assert.match(scope.description ?? '', /clause 4\.3 · SCOPE-001 · Head of Security/);
    assert.equal(nodes.filter((n) => n.contextValue === 'lockerItem.missing').length, 0);
    const policies = nodes.find((n) => labelOf(n) === 'Other policies')!;
    const bcp = policies.children!.find((n) => labelOf(n).startsWith('POL-009'))!;
    assert.equal(bcp.contextValue, 'ismsDocument.overdue');
    // Its review-overdue finding is counted too; the icon is the worst state (overdue).
    assert.match(bcp.description ?? '', /^COO · review overdue · 1 warning$/);
    assert.equal(bcp.icon?.id, 'warning');
    // An item is never green over a document with findings: it takes their worst state and counts them.
    for (const item of nodes.filter((n) => n.contextValue === 'lockerItem.present')) {
      const children = item.children ?? [];
      const worst = children.some((c) => c.icon?.id === 'error') ? 'error' : children.some((c) => c.icon?.id === 'warning') ? 'warning' : undefined;
      if (worst) assert.equal(item.icon?.id, worst, `${labelOf(item)}: ${item.description}`);
    }
    const aup = policies.children!.find((n) => labelOf(n).startsWith('POL-002'))!;
    assert.match(aup.description ?? '', /^no owner/);
    assert.ok(nodes.some((n) => labelOf(n) === 'Exceptions and break-glass records' && n.children?.length === 5));
  });

  it('Evidence Locker: clicking a document opens it', async () => {
    const { views } = await api();
    const scope = (await views.evidenceLocker.nodes()).find((n) => labelOf(n) === 'ISMS scope')!;
    const editor = await click(views.evidenceLocker, scope.children![0]);
    assert.equal(rel(editor.document.uri), '00-scope.md');
    assert.equal(editor.selection.active.line, 0);
  });

  it('Statement of Applicability: the 93 controls by theme with their status', async () => {
    const { views } = await api();
    const themes = await views.soa.nodes();
    assert.deepEqual(themes.map((t) => [labelOf(t), t.children?.length]), [['Organizational', 37], ['People', 8], ['Physical', 14], ['Technological', 34]]);
    const controls = themes.flatMap((t) => t.children!);
    assert.equal(controls.length, 93);
    const a75 = controls.find((c) => labelOf(c).startsWith('A.7.5 '))!;
    // The example's deliberate soa-justification-missing fault: marked, and its theme is not plainer than it.
    assert.equal(a75.description, 'excluded · no justification');
    assert.equal(a75.icon?.id, 'warning');
    assert.equal(themes.find((t) => labelOf(t) === 'Physical')?.icon?.id, 'warning');
    assert.equal(typeof a75.label, 'string', 'a plain label: no search-match highlight on the ID');
    const a825 = controls.find((c) => labelOf(c) === 'A.8.25 Secure development life cycle')!;
    assert.equal(a825.description, 'applicable · implemented');
    assert.ok(a825.children!.some((c) => labelOf(c).startsWith('PRO-008')), 'referenced by the secure SDLC procedure');
    assert.ok(a825.children!.some((c) => labelOf(c) === 'R-002'), 'treats R-002');
  });

  it('Statement of Applicability: clicking a control reveals its SoA row', async () => {
    const { views } = await api();
    const a825 = (await views.soa.nodes()).flatMap((t) => t.children!).find((c) => labelOf(c).startsWith('A.8.25 '))!;
    const editor = await click(views.soa, a825);
    assert.equal(rel(editor.document.uri), 'soa/statement-of-applicability.md');
    assert.equal(editor.selection.active.line, await lineOf('soa/statement-of-applicability.md', '| A.8.25 |'));
  });

  it('Risks: sorted by score, highest first, with owner and treatment', async () => {
    const { views } = await api();
    const risks = await views.risks.nodes();
    assert.equal(risks.length, 21);
    const scores = risks.map((r) => Number(/score (\d+)/.exec(r.description ?? '')?.[1] ?? -1));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const r1 = risks.find((r) => labelOf(r).startsWith('R-001 '))!;
    assert.equal(r1.description, 'score 15 · Head of ML Platform · modify');
    assert.deepEqual(r1.children!.map(labelOf), ['A.8.24 Use of cryptography', 'A.8.2 Privileged access rights', 'A.8.3 Information access restriction', 'A.8.12 Data leakage prevention', 'A.8.16 Monitoring activities']);
  });

  it('Risks: clicking a risk reveals its register row; clicking its control reveals the SoA row', async () => {
    const { views } = await api();
    const r9 = (await views.risks.nodes()).find((r) => labelOf(r).startsWith('R-009 '))!;
    let editor = await click(views.risks, r9);
    assert.equal(rel(editor.document.uri), 'risk/risk-register.md');
    assert.equal(editor.selection.active.line, await lineOf('risk/risk-register.md', '| R-009 |'));
    const control = r9.children![0];
    editor = await click(views.risks, control);
    assert.equal(rel(editor.document.uri), 'soa/statement-of-applicability.md');
    assert.equal(editor.selection.active.line, await lineOf('soa/statement-of-applicability.md', `| ${labelOf(control).split(' ')[0]} |`));
  });

  it('Scope: the clause 4.3 sections, flagging the missing "Interfaces and dependencies"', async () => {
    const { views } = await api();
    const [scope] = await views.scope.nodes();
    assert.equal(labelOf(scope), 'SCOPE-001 ISMS Scope');
    const missing = scope.children!.filter((s) => s.contextValue === 'scopeSection.missing').map(labelOf);
    assert.deepEqual(missing, ['Interfaces and dependencies']);
    const boundaries = scope.children!.find((s) => labelOf(s) === 'Boundaries')!;
    const editor = await click(views.scope, boundaries);
    assert.equal(rel(editor.document.uri), '00-scope.md');
    assert.equal(editor.selection.active.line, await lineOf('00-scope.md', '## Boundaries'));
  });

  it('filters a view by text and clears the filter', async () => {
    const { views } = await api();
    views.soa.setFilter('Information backup');
    try {
      const shown = await views.soa.getChildren();
      const controls = shown.flatMap((t) => t.children ?? []);
      assert.ok(controls.some((c) => labelOf(c) === 'A.8.13 Information backup'), controls.map(labelOf).join(', '));
      assert.ok(controls.length < 10, `${controls.length} controls match`);
      assert.ok(shown.every((t) => t.expanded), 'themes with matches are expanded');
      assert.ok(shown.every((t) => /^\d+ of \d+ match$/.test(t.description ?? '')), shown.map((t) => t.description).join(', '));
      assert.match(views.soa.view?.description ?? '', /Information backup/);
    } finally {
      views.soa.setFilter('');
    }
    assert.equal((await views.soa.getChildren()).length, 4);
    assert.equal(views.soa.view?.description, undefined);
  });

  it('shows the views in the ISMS container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.isms');
    const { views } = await api();
    await waitFor('the Evidence Locker to be visible', 10_000, () => views.evidenceLocker.view?.visible);
    await waitFor('the SoA view to be visible', 10_000, () => views.soa.view?.visible);
    assert.ok(uriOf('00-scope.md'));
  });
});
