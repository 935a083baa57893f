// Rename through the protocol: risk and document IDs across the workspace, including files not open.
import { strict as assert } from 'node:assert';
import type { Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { Fixture, applyEdits, editsByUri } from './fixture';

describe('language server: rename', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  const rejected = async (rel: string, needle: string, nth = 1, delta = 0) => {
    await assert.rejects(f.request('textDocument/prepareRename', f.at(rel, needle, nth, delta)), (e: Error) => {
      assert.match(e.message, /can be renamed|cannot be renamed|is not defined/);
      return true;
    });
  };

  it('prepares a risk ID or a document ID and refuses anything else', async () => {
    const risk = await f.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', f.at('soa/soa.md', '| R-001', 1, 4));
    assert.equal(risk.placeholder, 'R-001');
    const p = f.pos('soa/soa.md', '| R-001', 1, 2);
    assert.deepEqual(risk.range, { start: p, end: { line: p.line, character: p.character + 5 } });
    const doc = await f.request<{ placeholder: string }>('textDocument/prepareRename', f.at('scope.md', 'POL-001'));
    assert.equal(doc.placeholder, 'POL-001');
    await rejected('policies/access-control.md', 'A.5.15');
    await rejected('policies/access-control.md', 'quarterly');
    await rejected('policies/access-control.md', 'R-099');
  });

  it('renames a risk in its register and every reference, in files that are not open', async () => {
    const edit = await f.request<WorkspaceEdit>('textDocument/rename', { ...f.at('exceptions/break-glass.md', 'R-001'), newName: 'R-101' });
    const byUri = editsByUri(edit);
    const files = [...byUri.keys()].map((u) => u.slice(f.uri('').length + 1)).sort();
    assert.deepEqual(files, ['exceptions/break-glass.md', 'policies/access-control.md', 'risk/r-003.md', 'risk/register.md', 'soa/soa.md']);
    for (const change of edit.documentChanges as TextDocumentEdit[]) assert.equal(change.textDocument.version, null, 'closed files carry no version');
    for (const rel of files) {
      const after = applyEdits(f.text(rel), byUri.get(f.uri(rel))!);
      assert.ok(!/\bR-001\b/.test(after), `${rel} still mentions R-001:\n${after}`);
      assert.equal(after.split('R-101').length - 1, f.text(rel).split(/\bR-001\b/).length - 1, rel);
    }
    assert.match(applyEdits(f.text('soa/soa.md'), byUri.get(f.uri('soa/soa.md'))!), /\| R-101: unauthorised access \|/);
  });

  it('renames a document ID: its id field and every mention', async () => {
    const edit = await f.request<WorkspaceEdit>('textDocument/rename', { ...f.at('scope.md', 'POL-001'), newName: 'POL-100' });
    const byUri = editsByUri(edit);
    const own = applyEdits(f.text('policies/access-control.md'), byUri.get(f.uri('policies/access-control.md'))!);
    assert.match(own, /^id: POL-100$/m);
    for (const rel of ['scope.md', 'policies/crypto.md', 'exceptions/break-glass.md']) {
      const after = applyEdits(f.text(rel), byUri.get(f.uri(rel))!);
      assert.ok(after.includes('POL-100') && !after.includes('POL-001'), rel);
    }
  });

  it('uses the editor’s unsaved text and version for open files', async () => {
    const uri = f.uri('policies/crypto.md');
    const text = f.text('policies/crypto.md').replace('## Key management', 'Extra line first.\n\n## Key management');
    await f.client.open(uri, text, 7);
    try {
      const edit = await f.request<WorkspaceEdit>('textDocument/rename', { ...f.at('scope.md', 'POL-001'), newName: 'POL-100' });
      const change = (edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === uri)!;
      assert.equal(change.textDocument.version, 7);
      assert.match(applyEdits(text, change.edits as never), /Extra line first\.\n\n## Key management\n\nKeys follow A\.8\.24 and support POL-100\./);
    } finally {
      await f.client.close(uri);
    }
  });

  it('refuses new names that clash or do not fit the ID pattern', async () => {
    await assert.rejects(f.request('textDocument/rename', { ...f.at('scope.md', 'POL-001'), newName: 'POL-002' }), /already exists/);
    await assert.rejects(f.request('textDocument/rename', { ...f.at('scope.md', 'POL-001'), newName: 'policy one' }), /not shaped like a document ID/);
    await assert.rejects(f.request('textDocument/rename', { ...f.at('exceptions/break-glass.md', 'R-001'), newName: 'RISK-1' }), /risk ID pattern/);
  });
});

describe('language server: rename for clients without documentChanges', () => {
  it('returns changes keyed by URI', async () => {
    const f = new Fixture();
    await f.client.start(f.dir);
    try {
      await f.client.waitFor(f.uri('scope.md'), (d) => d.length > 0);
      const edit = await f.request<WorkspaceEdit>('textDocument/rename', { ...f.at('scope.md', 'POL-001'), newName: 'POL-100' });
      assert.equal(edit.documentChanges, undefined);
      assert.deepEqual(Object.keys(edit.changes!).map((u) => u.slice(f.uri('').length + 1)).sort(), ['exceptions/break-glass.md', 'policies/access-control.md', 'policies/crypto.md', 'scope.md']);
    } finally {
      await f.stop();
    }
  });
});
