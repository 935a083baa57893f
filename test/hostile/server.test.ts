// Hostile files through the language server: it publishes findings for them, survives every one of them
// being opened and edited, and still answers afterwards.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, fileUri } from '../server/lspClient';
import { HOSTILE_CASES } from './cases';
import { hostileFolder, OUTSIDE_CONTENT } from './folder';

describe('hostile files: language server', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = hostileFolder();
    client = new LspTestClient();
    await client.start(dir);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the expected finding for every hostile file on disk', async () => {
    for (const c of HOSTILE_CASES) {
      if (c.expect.length === 0) continue;
      const d = await client.waitFor(fileUri(join(dir, c.file)), (x) => c.expect.every((code) => x.some((y) => y.code === code)), 30_000);
      assert.ok(d.length > 0, c.name);
    }
  });

  it('survives opening and editing each of them, then still answers', async () => {
    let version = 1;
    for (const c of HOSTILE_CASES) {
      const uri = fileUri(join(dir, c.file));
      const text = readFileSync(join(dir, c.file)).toString('utf8');
      await client.open(uri, text, version++);
      await client.change(uri, text + '\nA.12.6.1\n', version++);
      await client.close(uri);
    }
    const symbols = await client.request<unknown[]>('workspace/symbol', { query: 'POL' });
    assert.ok(Array.isArray(symbols));
    for (const list of client.diagnostics.values()) for (const d of list) assert.doesNotMatch(d.message, OUTSIDE_CONTENT);
  });
});
