// Two editors, one folder: two language servers on the same folder with the same cache folder (two windows) start
// and write the result cache at the same time, and a torn or foreign cache file is ignored and rewritten. Every
// start must publish what a server without a cache publishes.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, fileUri } from './lspClient';

const SOURCE = join(process.cwd(), 'test', 'fixtures', 'write-safety');
const FILES = ['.isms.yaml', 'scope.md', 'soa.md', 'policies/access.md', 'policies/backup.md', 'risk/register.md', 'exceptions/gate.md'];

describe('language server: two servers sharing one folder’s result cache', function () {
  this.timeout(240_000);
  let folder: string;
  let cacheDir: string;
  let clean: Map<string, string>;
  const uri = (rel: string) => fileUri(join(folder, rel));
  const shape = (d: Diagnostic[] | undefined) => JSON.stringify((d ?? []).map((x) => [x.code, x.severity, x.range, x.message]));

  /** The cache file, once written (servers write it after their first full check). */
  const cacheFiles = () => {
    const formats = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
    return formats.flatMap((f) => readdirSync(join(cacheDir, f)).map((n) => join(cacheDir, f, n)));
  };

  async function start(withCache: boolean): Promise<LspTestClient> {
    const client = new LspTestClient();
    await client.start(folder, { initializationOptions: withCache ? { cacheDir } : {} });
    return client;
  }

  /** Waits until every file's findings are those of the clean start. */
  async function publishesClean(client: LspTestClient, label: string): Promise<void> {
    for (const rel of FILES) await client.waitFor(uri(rel), (d) => shape(d) === clean.get(rel), 60_000).catch((e: Error) => assert.fail(`${label}: ${rel}: ${e.message.slice(0, 300)}`));
  }

  async function cacheWritten(after: number): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const [file] = cacheFiles().filter((f) => f.endsWith('.json'));
      if (file && statSync(file).mtimeMs > after) return file;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail('the result cache was not written');
  }

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'isms-shared-'));
    cpSync(SOURCE, folder, { recursive: true });
    cacheDir = mkdtempSync(join(tmpdir(), 'isms-shared-cache-'));
    const reference = await start(false);
    try {
      for (const rel of FILES) await reference.waitFor(uri(rel), (d) => d.length > 0);
      clean = new Map(FILES.map((rel) => [rel, shape(reference.diagnostics.get(uri(rel)))]));
    } finally {
      await reference.stop();
    }
  });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('two servers started together both publish the clean findings and leave one whole cache file', async () => {
    for (let round = 0; round < 3; round++) {
      const started = Date.now() - 1;
      const [a, b] = await Promise.all([start(true), start(true)]);
      try {
        await Promise.all([publishesClean(a, `round ${round} server A`), publishesClean(b, `round ${round} server B`)]);
        const file = await cacheWritten(started);
        // Both have written (or will): give the second writer time, then the file must be whole.
        await new Promise((r) => setTimeout(r, 500));
        assert.equal(typeof (JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown }).key, 'string');
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      assert.deepEqual(cacheFiles().filter((f) => !f.endsWith('.json')), [], 'no temporary file left behind');
    }
  });

  const damage: Record<string, (valid: string) => string> = {
    'a torn cache file': (valid) => valid.slice(0, Math.floor(valid.length / 3)),
    'a cache file of another shape': () => JSON.stringify({ key: 'x', files: null, findings: null }),
    'a cache file whose findings are not lists': (valid) => JSON.stringify({ ...JSON.parse(valid), findings: Object.fromEntries(FILES.map((f) => [f, 'garbage'])) }),
  };

  for (const [name, spoil] of Object.entries(damage)) {
    it(`a restart over ${name} publishes the clean findings and rewrites it`, async () => {
      let [file] = cacheFiles().filter((f) => f.endsWith('.json'));
      if (!file) {
        const first = await start(true);
        await publishesClean(first, 'first start');
        file = await cacheWritten(0);
        await first.stop();
      }
      writeFileSync(file, spoil(readFileSync(file, 'utf8')));
      const spoiledAt = statSync(file).mtimeMs;
      const client = await start(true);
      try {
        await publishesClean(client, name);
        await cacheWritten(spoiledAt);
        assert.equal(typeof (JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown }).key, 'string', 'rewritten whole');
        // Still the clean findings once the background check has finished.
        for (const rel of FILES) assert.equal(shape(client.diagnostics.get(uri(rel))), clean.get(rel), rel);
        assert.doesNotMatch(client.stderr, /TypeError|Unhandled|at .*resultCache/);
      } finally {
        await client.stop();
      }
    });
  }
});
