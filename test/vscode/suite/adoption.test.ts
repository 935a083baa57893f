// "ISMS: Export Audit Pack" and "ISMS: Initialise Workspace" in a real VS Code, run with arguments (no dialogs).
// The pack goes to a temporary folder outside the workspace; the workspace's .isms.yaml is put back afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, folder, ismsDiagnostics, uriOf, waitFor } from './helpers';

describe('adoption and export commands', function () {
  this.timeout(180_000);

  describe('"ISMS: Export Audit Pack"', () => {
    let tmp: string;
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-pack-host-'));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const exportTo = (output: string, extra: Record<string, unknown> = {}) =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('isms.exportAuditPack', { folder: folder().uri, output: vscode.Uri.file(output), confirm: true, ...extra });

    it('writes index.html with every ISMS document, linked from its contents', async () => {
      const { server } = await api();
      const locker = await waitFor('the evidence locker', 60_000, async () => (await server.request('isms/evidenceLocker', {}))?.roots[0]);
      const pack = path.join(tmp, 'pack');
      const index = await exportTo(pack);
      assert.ok(index, 'the command returns the pack');
      assert.equal(index.fsPath, path.join(pack, 'index.html'));
      const html = fs.readFileSync(index.fsPath, 'utf8');
      assert.match(html, new RegExp(`<title>ISMS evidence pack: ${folder().name}</title>`));
      const sections = [...html.matchAll(/<section class="pack-doc" id="(doc-[^"]+)">/g)].map((m) => m[1]);
      assert.equal(sections.length, locker.ismsDocuments);
      for (const id of sections) assert.ok(html.includes(`<a href="#${id}">`), `the contents link to ${id}`);
      assert.ok(sections.includes('doc-00-scope'));
      assert.match(html, /in this document \(see <a href="#findings">Open findings and suppressions<\/a>\)/);
      assert.doesNotMatch(html, /Problems panel/);
      // A scripted call writes every format: a PDF per document, the workbooks, the manifest.
      const pdfs = fs.readdirSync(pack).filter((d) => /^\d-/.test(d)).flatMap((d) => fs.readdirSync(path.join(pack, d)).filter((f) => f.endsWith('.pdf')));
      assert.equal(pdfs.length, locker.ismsDocuments);
      assert.ok(fs.existsSync(path.join(pack, '3-risk-assessment-and-treatment', 'statement-of-applicability.xlsx')));
      const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
      assert.ok(manifest.files.some((f) => f.path === 'findings.xlsx'));
    });

    it('writes only the formats asked for', async () => {
      const pack = path.join(tmp, 'pdf-only');
      const written = await exportTo(pack, { formats: ['pdf'] });
      assert.equal(written?.fsPath, pack);
      assert.deepEqual(fs.readdirSync(pack).filter((e) => !/^\d-/.test(e)), ['manifest.json']);
    });

    it('replaces an earlier pack, stale evidence copies included, but not a file its manifest does not list', async () => {
      const pack = path.join(tmp, 'pack');
      // An evidence copy the earlier pack wrote (so its manifest lists it) whose source is gone since.
      fs.mkdirSync(path.join(pack, 'files', 'old'), { recursive: true });
      fs.writeFileSync(path.join(pack, 'files', 'old', 'gone.pdf'), 'stale');
      const manifestPath = path.join(pack, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
      manifest.files.push({ path: 'files/old/gone.pdf', bytes: 5, sha256: '' });
      fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
      fs.writeFileSync(path.join(pack, 'index.html'), fs.readFileSync(path.join(pack, 'index.html'), 'utf8').replace('<h1>ISMS evidence pack</h1>', '<h1>old</h1>'));
      const index = await exportTo(pack);
      assert.ok(index);
      assert.match(fs.readFileSync(index.fsPath, 'utf8'), /<h1>ISMS evidence pack<\/h1>/);
      assert.equal(fs.existsSync(path.join(pack, 'files', 'old', 'gone.pdf')), false);
      // A file the auditor added to the pack folder is not the pack's to remove: the export stops instead.
      fs.mkdirSync(path.join(pack, 'files'), { recursive: true });
      fs.writeFileSync(path.join(pack, 'files', 'auditor-notes.txt'), 'mine');
      const before = fs.readFileSync(index.fsPath, 'utf8');
      assert.equal(await exportTo(pack), undefined);
      assert.equal(fs.readFileSync(path.join(pack, 'files', 'auditor-notes.txt'), 'utf8'), 'mine');
      assert.equal(fs.readFileSync(index.fsPath, 'utf8'), before, 'the earlier pack is left as it was');
    });

    it('never writes into the ISMS folder itself', async () => {
      const before = fs.readdirSync(folder().uri.fsPath).sort();
      assert.equal(await exportTo(folder().uri.fsPath), undefined);
      assert.deepEqual(fs.readdirSync(folder().uri.fsPath).sort(), before);
    });

    it('never writes into a folder that holds something else, or for a folder outside the workspace', async () => {
      const other = path.join(tmp, 'other');
      fs.mkdirSync(other);
      fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
      assert.equal(await exportTo(other), undefined);
      assert.deepEqual(fs.readdirSync(other), ['notes.txt']);
      const outside = vscode.Uri.file(tmp);
      assert.equal(await vscode.commands.executeCommand('isms.exportAuditPack', { folder: outside, output: vscode.Uri.file(path.join(tmp, 'x')), confirm: true }), undefined);
      assert.equal(fs.existsSync(path.join(tmp, 'x')), false);
    });
  });

  describe('"ISMS: Initialise Workspace"', () => {
    const config = () => uriOf('.isms.yaml');
    let original: string;
    before(() => {
      original = fs.readFileSync(config().fsPath, 'utf8');
    });
    after(async () => {
      // Put the example's own file back, and wait until the server checks with it again.
      await vscode.workspace.fs.writeFile(config(), new TextEncoder().encode(original));
      await waitFor('the 42001 controls to resolve again', 60_000, () => ismsDiagnostics(uriOf('policies/ai-system-policy.md'), 'control-unknown').length === 0);
    });

    it('does not replace an existing .isms.yaml unless told to', async () => {
      assert.equal(await vscode.commands.executeCommand('isms.initWorkspace', { folder: folder().uri, confirm: true }), undefined);
      assert.equal(fs.readFileSync(config().fsPath, 'utf8'), original);
    });

    it('writes the proposal, and the server checks the folder with it', async () => {
      // Without configuration the example's ISO/IEC 42001 controls are unknown...
      const aiPolicy = uriOf('policies/ai-system-policy.md');
      await vscode.workspace.fs.delete(config());
      await waitFor('control-unknown without the 42001 catalog', 60_000, () => ismsDiagnostics(aiPolicy, 'control-unknown').length > 0);
      // ...and the proposal enables the catalog again, since the documents mention ISO/IEC 42001.
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('isms.initWorkspace', { folder: folder().uri, confirm: true });
      assert.ok(written, 'the command returns the file it wrote');
      assert.equal(written.toString(), config().toString());
      const text = fs.readFileSync(config().fsPath, 'utf8');
      assert.match(text, /^# ISMS Markdown configuration, proposed by `isms init`/);
      assert.match(text, /- iso42001-2023\n/);
      await waitFor('control-unknown to clear with the written file', 60_000, () => ismsDiagnostics(aiPolicy, 'control-unknown').length === 0);
    });

    it('replaces an existing file when told to', async () => {
      fs.writeFileSync(config().fsPath, '# hand-written\ncatalogs: [iso27001-2022, iso42001-2023]\n');
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('isms.initWorkspace', { folder: folder().uri, confirm: true, overwrite: true });
      assert.ok(written);
      assert.match(fs.readFileSync(config().fsPath, 'utf8'), /^# ISMS Markdown configuration, proposed by `isms init`/);
    });

    it('writes nothing over a file that changed on disk while the proposal was open', async () => {
      fs.writeFileSync(config().fsPath, '# hand-written\ncatalogs: [iso27001-2022, iso42001-2023]\n');
      const running = vscode.commands.executeCommand<vscode.Uri | undefined>('isms.initWorkspace', { folder: folder().uri });
      // The proposal is on screen, as a diff with Accept / Cancel...
      await waitFor('the proposal to be shown', 30_000, () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'isms-proposal'),
      );
      // ...when another program (a branch switch, say) rewrites the file; then the user accepts.
      const theirs = '# from another branch\r\ncatalogs: [iso27001-2022, iso42001-2023]\r\n';
      fs.writeFileSync(config().fsPath, theirs);
      await vscode.commands.executeCommand('isms.acceptProposal');
      assert.equal(await running, undefined);
      assert.equal(fs.readFileSync(config().fsPath, 'utf8'), theirs);
    });

    it('replaces an open file through its editor, saved and undoable, keeping its CRLF line ends', async () => {
      const handWritten = '# hand-written\r\ncatalogs: [iso27001-2022, iso42001-2023]\r\n';
      fs.writeFileSync(config().fsPath, handWritten);
      const editor = await vscode.window.showTextDocument(config());
      await waitFor('the editor to show the file on disk', 10_000, () => editor.document.getText() === handWritten);
      const version = editor.document.version;
      assert.ok(await vscode.commands.executeCommand('isms.initWorkspace', { folder: folder().uri, confirm: true, overwrite: true }));
      assert.ok(editor.document.version > version, 'edited in the editor buffer, not behind its back');
      assert.equal(editor.document.isDirty, false, 'saved');
      const written = fs.readFileSync(config().fsPath, 'utf8');
      assert.match(written, /^# ISMS Markdown configuration, proposed by `isms init`[^\r\n]*\r\n/);
      assert.doesNotMatch(written, /[^\r]\n/, 'CRLF kept');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), handWritten, 'one undo brings the hand-written file back');
      await editor.document.save();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
});
