// How the features behave as a whole: announced capabilities, answers that follow edits at once (open files,
// other files, files changed on disk), several workspace roots, and cancellation.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, type Hover, type Location, type SymbolInformation } from 'vscode-languageserver-protocol';
import { Fixture, FULL_CAPABILITIES } from './fixture';

const text = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('language server: capabilities and live index', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  it('announces every feature', () => {
    const caps = f.client.initializeResult!.capabilities as Record<string, unknown>;
    for (const key of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'completionProvider', 'codeActionProvider', 'renameProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'codeLensProvider', 'semanticTokensProvider']) {
      assert.ok(caps[key], `${key} announced`);
    }
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.ok((caps.completionProvider as { triggerCharacters: string[] }).triggerCharacters.includes('#'));
  });

  it('answers from the edited text at once, in the edited file and in files that depend on it', async () => {
    const uri = f.uri('risk/register.md');
    const edited = f.text('risk/register.md').replace('Unauthorised access to customer data', 'Account takeover');
    await f.client.open(uri, edited, 1);
    // No waiting for diagnostics: the request after the change sees the change.
    assert.match(text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'R-001 and'))), /R-001 · Account takeover/);
    await f.client.change(uri, edited.replace('| R-002 |', '| R-020 |'), 2);
    assert.match(text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'R-002'))), /not defined/);
    await f.client.close(uri);
    assert.match(text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'R-002'))), /Loss of encryption keys/);
  });

  it('follows files changed on disk that are not open', async () => {
    writeFileSync(join(f.dir, 'policies/crypto.md'), f.text('policies/crypto.md').replace('title: Cryptography Policy', 'title: Encryption Standard'));
    await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: f.uri('policies/crypto.md'), type: 2 }] });
    // The request waits for the file to be re-read.
    assert.match(text(await f.request<Hover>('textDocument/hover', f.at('policies/access-control.md', 'POL-002'))), /POL-002 · Encryption Standard/);
  });
});

describe('language server: refresh requests', () => {
  it('asks clients that support it to refresh semantic tokens and code lenses after a re-check', async () => {
    const f = new Fixture();
    const refreshes: string[] = [];
    await f.client.start(f.dir, { capabilities: { workspace: { semanticTokens: { refreshSupport: true }, codeLens: { refreshSupport: true } } } });
    try {
      for (const method of ['workspace/semanticTokens/refresh', 'workspace/codeLens/refresh']) f.client.connection.onRequest(method, () => void refreshes.push(method));
      await f.client.waitFor(f.uri('policies/access-control.md'), (d) => d.length > 0);
      refreshes.length = 0;
      const uri = f.uri('risk/register.md');
      await f.client.open(uri, f.text('risk/register.md').replace('| R-002 |', '| R-099 |'), 1);
      // R-099 is now defined: access-control.md's diagnostics (and its tokens) change without it being edited.
      await f.client.waitFor(f.uri('policies/access-control.md'), (d) => !d.some((x) => x.message.startsWith('Risk R-099')));
      const deadline = Date.now() + 3000;
      while (refreshes.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual([...new Set(refreshes)].sort(), ['workspace/codeLens/refresh', 'workspace/semanticTokens/refresh']);
    } finally {
      await f.stop();
    }
  });
});

describe('language server: multi-root workspaces', function () {
  let a: Fixture;
  let b: Fixture;
  before(async () => {
    a = new Fixture();
    b = new Fixture();
    writeFileSync(join(b.dir, 'policies/access-control.md'), b.text('policies/access-control.md').replace('title: Access Control Policy', 'title: Zugangskontrolle'));
    await a.client.start([a.dir, b.dir], { capabilities: FULL_CAPABILITIES });
    await a.client.waitFor(b.uri('policies/access-control.md'), (d) => d.length > 0);
  });
  after(async () => {
    await a.stop();
    rmSync(b.dir, { recursive: true, force: true });
  });

  it('treats each root as its own ISMS', async () => {
    assert.match(text(await a.request<Hover>('textDocument/hover', a.at('scope.md', 'POL-001'))), /POL-001 · Access Control Policy/);
    assert.match(text(await a.request<Hover>('textDocument/hover', b.at('scope.md', 'POL-001'))), /POL-001 · Zugangskontrolle/);
    const [def] = await a.request<Location[]>('textDocument/definition', b.at('scope.md', 'POL-001'));
    assert.equal(def.uri, b.uri('policies/access-control.md'));
    const refs = await a.request<Location[]>('textDocument/references', { ...b.at('policies/access-control.md', 'A.5.15'), context: { includeDeclaration: true } });
    assert.ok(refs.length > 0 && refs.every((r) => r.uri.startsWith(b.uri(''))), 'references stay in their root');
  });

  it('lists symbols of every root', async () => {
    const symbols = await a.request<SymbolInformation[]>('workspace/symbol', { query: 'POL-001' });
    const docs = symbols.filter((s) => s.name.startsWith('POL-001'));
    assert.deepEqual(docs.map((s) => s.name).sort(), ['POL-001 Access Control Policy', 'POL-001 Zugangskontrolle']);
  });
});

describe('language server: cancellation', function () {
  let f: Fixture;
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  /**
   * Sends a request and cancels it at once. The cancel notification races the server's answer over the
   * pipe, so a lost race (an answer) is retried a few times; a server that ignores cancellation fails.
   */
  async function cancelledAtOnce(method: string, params: unknown): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const source = new CancellationTokenSource();
      const pending = f.client.connection.sendRequest(method, params, source.token);
      source.cancel();
      const outcome = await pending.then(
        () => 'answered',
        (e: { code?: number }) => e.code,
      );
      if (outcome === 'answered') continue;
      assert.equal(outcome, LSPErrorCodes.RequestCancelled);
      return;
    }
    assert.fail(`${method} was never cancelled in 5 attempts`);
  }

  it('answers cancelled workspace symbol and rename requests with RequestCancelled', async () => {
    await cancelledAtOnce('workspace/symbol', { query: '' });
    await cancelledAtOnce('textDocument/rename', { ...f.at('scope.md', 'POL-001'), newName: 'POL-100' });
    // The server is still fine afterwards.
    assert.ok((await f.request<SymbolInformation[]>('workspace/symbol', { query: '' })).length > 0);
  });
});
