// The ISMS commands in a real VS Code: Mark Reviewed, New Document…, Create ISMS from Template, Check Workspace,
// and the status bar item. Runs last: it adds files to the workspace (and removes them again).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXT_ID, api, folder, ismsDiagnostics, rel, revert, todayUtc, uriOf, waitFor } from './helpers';
import type { CheckSummaryResult } from '../../../server/src/protocol';

describe('ISMS commands', function () {
  this.timeout(120_000);

  it('the status bar counts errors, warnings and overdue reviews', async () => {
    const { statusBar } = await api();
    const text = await waitFor('the status bar counts', 30_000, () => /\$\(error\) \d+/.test(statusBar.item.text) && statusBar.item.text);
    assert.match(text, /^\$\(shield\) ISMS \$\(error\) [1-9]\d* \$\(warning\) [1-9]\d* \$\(calendar\) [1-9]\d* overdue$/);
    assert.equal(statusBar.item.command, 'isms.showProblems');
  });

  it('"ISMS: Check Workspace" reports every finding', async () => {
    const summary = await vscode.commands.executeCommand<CheckSummaryResult>('isms.checkWorkspace');
    assert.ok(summary.errors > 0);
    const codes = new Set(summary.roots[0].findings!.map((f) => f.code));
    for (const code of ['scope-missing-section', 'risk-score-mismatch', 'exception-review-overdue']) assert.ok(codes.has(code), code);
  });

  it('"ISMS: Mark Reviewed" sets last_reviewed to today, and the review-overdue finding clears', async () => {
    const uri = uriOf('policies/business-continuity-policy.md');
    try {
      await vscode.window.showTextDocument(uri, { preview: false });
      await waitFor('review-overdue on POL-009', 60_000, () => ismsDiagnostics(uri, 'review-overdue').length > 0);
      assert.equal(await vscode.commands.executeCommand('isms.markReviewed'), true);
      const doc = await vscode.workspace.openTextDocument(uri);
      const today = todayUtc();
      assert.match(doc.getText(), new RegExp(`last_reviewed: ${today}`));
      assert.doesNotMatch(doc.getText(), /next_review: 2026-09-15/);
      await waitFor('review-overdue to clear', 30_000, () => ismsDiagnostics(uri, 'review-overdue').length === 0);
    } finally {
      await revert(uri);
    }
  });

  it('"ISMS: New Document…" writes a policy from its template with the next free ID', async () => {
    const { newDocument } = await api();
    const uri = await newDocument({ kind: 'policy', title: 'Clean Desk Policy', owner: 'Facilities Manager', rootUri: folder().uri.toString() });
    assert.ok(uri);
    try {
      assert.equal(rel(uri), 'policies/clean-desk-policy.md');
      const text = fs.readFileSync(uri.fsPath, 'utf8');
      assert.match(text, /^---\ntype: policy\nid: POL-015\ntitle: "Clean Desk Policy"\nowner: "Facilities Manager"\n/);
      assert.match(text, new RegExp(`last_reviewed: ${todayUtc()}`));
      assert.equal(rel(vscode.window.activeTextEditor!.document.uri), 'policies/clean-desk-policy.md');
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(ismsDiagnostics(uri).map((d) => d.message), [], 'a new document from a template has no findings');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('"ISMS: New Document…" is one edit that undo takes back, beside an existing file of the same name', async () => {
    const { newDocument } = await api();
    // The user's own file where the new one would go: CRLF, no final newline, a tab; it must stay byte for byte.
    const existing = uriOf('policies/clean-desk-policy.md');
    const theirs = '---\r\ntype: policy\r\nid: POL-900\r\ntitle: Clean Desk\r\nowner: Office Manager\r\n---\r\n\r\n# Clean Desk\r\n\r\n-\tClear desks at night.';
    fs.writeFileSync(existing.fsPath, theirs);
    let uri: vscode.Uri | undefined;
    try {
      uri = await newDocument({ kind: 'policy', title: 'Clean Desk Policy', owner: 'Facilities Manager', rootUri: folder().uri.toString() });
      assert.ok(uri);
      assert.equal(rel(uri), 'policies/clean-desk-policy-2.md');
      assert.equal(fs.readFileSync(existing.fsPath, 'utf8'), theirs, 'the existing file is untouched');
      const written = fs.readFileSync(uri.fsPath, 'utf8');
      assert.match(written, /^---\ntype: policy\n/);
      const doc = vscode.window.activeTextEditor!.document;
      assert.equal(doc.uri.toString(), uri.toString());
      assert.equal(doc.isDirty, false, 'saved');
      // Ctrl+Z in the new document's editor takes the whole edit back: the text and the file.
      await vscode.commands.executeCommand('undo');
      const created = uri;
      await waitFor('undo to delete the new document', 15_000, () => !fs.existsSync(created.fsPath));
      assert.equal(fs.readFileSync(existing.fsPath, 'utf8'), theirs, 'the existing file is still untouched');
    } finally {
      if (uri) await revert(uri);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      for (const u of [existing, uri]) if (u && fs.existsSync(u.fsPath)) await vscode.workspace.fs.delete(u);
    }
  });

  it('"ISMS: Create ISMS from Template" writes a starter ISMS whose only findings are its placeholders, inside the workspace only', async () => {
    const { createFromTemplate } = await api();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-starter-'));
    const inside = uriOf('zz-starter');
    const dir = inside.fsPath;
    try {
      assert.equal(await createFromTemplate({ folder: vscode.Uri.file(outside), organisation: 'Test Org Ltd', force: true }), undefined);
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing written outside the workspace folder');
      // A file of the user's already there: kept byte for byte.
      fs.mkdirSync(dir);
      const theirs = '# Our scope\r\n\r\nWritten by hand.';
      fs.writeFileSync(path.join(dir, '00-scope.md'), theirs);
      const written = await createFromTemplate({ folder: inside, organisation: 'Test Org Ltd', force: true });
      assert.ok(written && written.length >= 20, String(written));
      assert.ok(!written.includes('00-scope.md'));
      assert.equal(fs.readFileSync(path.join(dir, '00-scope.md'), 'utf8'), theirs);
      for (const f of ['soa/statement-of-applicability.md', 'risk/risk-register.md', '.isms.yaml', `audits/${new Date().getUTCFullYear()}-internal-audit.md`]) assert.ok(written.includes(f), f);
      assert.match(fs.readFileSync(path.join(dir, 'risk/risk-register.md'), 'utf8'), new RegExp(`last_reviewed: ${todayUtc()}`));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.path.includes('/zz-starter/')), 'every file saved');
      fs.rmSync(path.join(dir, '00-scope.md'));
      assert.deepEqual(await createFromTemplate({ folder: inside, organisation: 'Test Org Ltd', force: true }), ['00-scope.md']);
      const cli = path.join(vscode.extensions.getExtension(EXT_ID)!.extensionPath, 'dist', 'cli.js');
      const out = execFileSync(process.execPath, [cli, 'check', dir, '--format', 'json', '--exit-zero'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000 });
      // A starter is not an approved ISMS: its only findings are the placeholders left to fill in.
      const findings = (JSON.parse(out) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
      assert.ok(findings.length > 0, 'the starter\'s placeholders are reported');
      assert.deepEqual([...new Set(findings.map((d) => `${d.code} ${d.severity}`))], ['template-placeholder warning']);
      // ... and the editor says so: the status item and the Evidence Locker count the drafts among the approved.
      const { statusBar, views } = await api();
      // The count comes with the documents, the placeholders with the starter's check: wait for both.
      const tooltip = () => String((statusBar.item.tooltip as vscode.MarkdownString | undefined)?.value ?? '');
      const approved = await waitFor('the status item to count approved documents and placeholders', 60_000, () => {
        const counted = /approved; \d+ still with placeholder text/.test(tooltip()) && /\$\(edit\) (\d+) of (\d+) approved$/.exec(statusBar.item.text);
        // What it shows instead goes into the timeout's message.
        if (!counted) throw new Error(`the status item reads "${statusBar.item.text}", its tooltip "${tooltip().replace(/\n+/g, ' ')}"`);
        return counted;
      });
      assert.ok(Number(approved[1]) < Number(approved[2]), statusBar.item.text);
      await waitFor('the Evidence Locker to count approved documents', 30_000, async () => {
        views.evidenceLocker.refresh();
        await views.evidenceLocker.nodes();
        return /^\d+ of \d+ documents approved; the others are drafts\.$/.test(views.evidenceLocker.view?.message ?? '');
      });
      // Nothing is overwritten the second time.
      assert.deepEqual(await createFromTemplate({ folder: inside, organisation: 'Other', force: true }), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(outside, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
