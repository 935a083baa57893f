// In-editor tests: run inside a real VS Code extension host (code-server's, or desktop VS Code's) with the
// example ISMS (a copy of examples/acme-ai-isms) open as the workspace folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import expected from '../expected-faults.json';

const EXT_ID = expected.extensionId;
const SOURCE = expected.source;

/** Diagnostic.code is a string, a number, or { value, target }. */
function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined || c === null) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder is open');
  return f;
}

/** Path of a document relative to the workspace folder, with forward slashes. */
function rel(uri: vscode.Uri): string {
  return path.posix.relative(folder().uri.path, uri.path);
}

/** `pattern` is a file relative to the folder, or a folder ending in '/'. */
function fileMatches(relPath: string, pattern: string): boolean {
  return pattern.endsWith('/') ? relPath.startsWith(pattern) : relPath === pattern;
}

interface Found {
  uri: vscode.Uri;
  rel: string;
  d: vscode.Diagnostic;
  code: string | undefined;
}

function ismsDiagnostics(uri?: vscode.Uri): Found[] {
  const pairs: [vscode.Uri, readonly vscode.Diagnostic[]][] = uri ? [[uri, vscode.languages.getDiagnostics(uri)]] : vscode.languages.getDiagnostics();
  const out: Found[] = [];
  for (const [u, ds] of pairs) for (const d of ds) if (d.source === SOURCE) out.push({ uri: u, rel: rel(u), d, code: codeOf(d) });
  return out;
}

/** A short picture of what the extension has reported so far, for failure messages. */
function describeDiagnostics(): string {
  const byFile = new Map<string, Set<string>>();
  for (const f of ismsDiagnostics()) {
    if (!byFile.has(f.rel)) byFile.set(f.rel, new Set());
    byFile.get(f.rel)!.add(String(f.code));
  }
  if (byFile.size === 0) return `no diagnostics with source '${SOURCE}' at all`;
  return [...byFile].map(([f, codes]) => `  ${f}: ${[...codes].sort().join(', ')}`).join('\n');
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now:\n${describeDiagnostics()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the bundled CLI (`isms check --format json`) of the same extension build finds in the folder. */
function cliFindings(extensionPath: string, dir: string): string[] {
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  assert.ok(fs.existsSync(cli), `${cli} not found`);
  // process.execPath is Node in code-server's extension host and Electron in desktop VS Code (hence RUN_AS_NODE)
  const out = execFileSync(process.execPath, [cli, 'check', dir, '--format', 'json', '--exit-zero'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  const report = JSON.parse(out) as { diagnostics: { file: string; line: number; code: string }[] };
  return report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`).sort();
}

function editorFindings(): string[] {
  return ismsDiagnostics()
    .map((f) => `${f.rel}:${f.d.range.start.line + 1} ${f.code}`)
    .sort();
}

describe('ISMS Markdown in a real VS Code', function () {
  this.timeout(120_000);

  it('opens the example ISMS as the workspace folder', () => {
    const f = folder();
    assert.ok(fs.existsSync(path.join(f.uri.fsPath, '00-scope.md')), `${f.uri.fsPath} is not the example ISMS (no 00-scope.md)`);
  });

  it(`activates ${EXT_ID} on the example workspace`, async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
    // The activation event (workspaceContains:**/*.md) must start it without any help from the test.
    await waitFor('the extension to activate by itself', 60_000, () => ext.isActive);
  });

  describe('diagnostics for the example\'s deliberate faults', () => {
    for (const fault of expected.faults) {
      it(`shows ${fault.code} on ${fault.file}`, async () => {
        const hit = await waitFor(`a '${fault.code}' diagnostic on ${fault.file}`, 90_000, () =>
          ismsDiagnostics().find((f) => f.code === fault.code && fileMatches(f.rel, fault.file)),
        );
        assert.equal(hit.d.source, SOURCE);
        assert.ok(hit.d.message.length > 0, 'empty diagnostic message');
      });
    }

    it('are exactly what `isms check` reports for the folder (same files, lines and codes)', async () => {
      const ext = vscode.extensions.getExtension(EXT_ID);
      assert.ok(ext);
      const expectedFindings = cliFindings(ext.extensionPath, folder().uri.fsPath);
      assert.ok(expectedFindings.length > 0, 'the CLI found nothing in the example');
      try {
        await waitFor('the editor to show exactly the CLI\'s findings', 30_000, () => {
          const now = editorFindings();
          return now.length === expectedFindings.length && now.every((x, i) => x === expectedFindings[i]);
        });
      } catch {
        const now = editorFindings();
        const missing = expectedFindings.filter((x) => !now.includes(x));
        const extra = now.filter((x) => !expectedFindings.includes(x));
        assert.fail(`editor and CLI disagree.\n  only from the CLI: ${missing.join('; ') || '-'}\n  only in the editor: ${extra.join('; ') || '-'}`);
      }
    });
  });

  describe('updates diagnostics live while a document is edited', () => {
    const { file, insert, code } = expected.liveEdit;
    let uri: vscode.Uri;
    let original = '';
    let insertedLine = -1;
    const onInsertedLine = (): Found[] =>
      ismsDiagnostics(uri).filter((f) => f.code === code && f.d.range.start.line === insertedLine);

    before(async () => {
      uri = vscode.Uri.joinPath(folder().uri, file);
      const doc = await vscode.workspace.openTextDocument(uri);
      original = doc.getText();
      await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
      // the server has seen this file once its other diagnostics are there
      await waitFor(`diagnostics on ${file}`, 90_000, () => ismsDiagnostics(uri).length > 0);
    });

    after(async () => {
      // leave the document as we found it, whatever happened
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri?.toString());
      if (doc && doc.getText() !== original) {
        const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, all, original);
        await vscode.workspace.applyEdit(edit);
      }
      if (doc?.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it(`inserting "${insert}" adds a ${code} diagnostic on that line`, async () => {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(ismsDiagnostics(uri).filter((f) => f.code === code).length, 0, `${file} must start without ${code} diagnostics`);
      const end = doc.positionAt(doc.getText().length);
      const prefix = doc.getText().endsWith('\n') ? '\n' : '\n\n';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, end, `${prefix}${insert}\n`);
      assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
      insertedLine = doc.getText().split('\n').lastIndexOf(insert);
      assert.ok(insertedLine >= 0, 'inserted text not found in the document');
      const [hit] = await waitFor(`a live ${code} diagnostic on line ${insertedLine + 1} of ${file}`, 30_000, () => {
        const found = onInsertedLine();
        return found.length > 0 && found;
      });
      assert.match(hit.d.message, /A\.12\.6\.1/);
    });

    it(`undo removes the ${code} diagnostic again`, async () => {
      assert.ok(insertedLine >= 0, 'the insert step did not run');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
      await vscode.commands.executeCommand('undo');
      await waitFor('undo to restore the document text', 10_000, () => doc.getText() === original);
      await waitFor(`the live ${code} diagnostic to disappear`, 30_000, () =>
        ismsDiagnostics(uri).filter((f) => f.code === code).length === 0,
      );
    });
  });
});
