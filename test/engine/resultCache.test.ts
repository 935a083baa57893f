// The on-disk result cache shared by every window on a folder: a torn write, JSON of another shape or a file of
// another format version is ignored (the folder is checked afresh and the file rewritten), and temporary files
// never collide between writers.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultCache, temporaryName } from '../../server/src/engine/workspace/resultCache';
import { scanFolder } from '../../server/src/engine/workspace/nodeLoader';

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'write-safety');
const TODAY = 20_778; // 2026-11-21 in days since the epoch

describe('result cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'isms-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const finding = { path: 'scope.md', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, severity: 'warning' as const, code: 'scope-missing-section', message: 'No "Exclusions" section.' };
  /** The one cache file written under `dir`. */
  const cacheFile = () => {
    const [format] = readdirSync(dir);
    const files = readdirSync(join(dir, format));
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
    assert.equal(files.length, 1);
    return join(dir, format, files[0]);
  };

  async function keyOf(cache: ResultCache) {
    return cache.key(FIXTURE, await scanFolder(FIXTURE), TODAY);
  }

  it('stores and loads a folder’s findings under its key', async () => {
    const cache = new ResultCache(dir, 'engine-a');
    const key = await keyOf(cache);
    assert.equal(cache.load(FIXTURE, key.key), undefined, 'nothing cached yet');
    cache.save(FIXTURE, { key: key.key, files: key.files, findings: { 'scope.md': [finding] } });
    const again = await keyOf(cache);
    assert.equal(again.key, key.key);
    assert.deepEqual(cache.load(FIXTURE, again.key)?.findings, { 'scope.md': [finding] });
    assert.equal(cache.load(FIXTURE, 'another key'), undefined);
  });

  const foreign: Record<string, (valid: string) => string> = {
    'a torn write (truncated JSON)': (valid) => valid.slice(0, Math.floor(valid.length / 2)),
    'an empty file': () => '',
    'JSON of another shape': () => JSON.stringify([1, 2, 3]),
    'null where the files are recorded': (valid) => JSON.stringify({ ...JSON.parse(valid), files: null }),
    'findings that are not lists': (valid) => JSON.stringify({ ...JSON.parse(valid), findings: { 'scope.md': 'error' } }),
    'file records of another shape': (valid) => JSON.stringify({ ...JSON.parse(valid), files: { 'scope.md': { size: 1 } } }),
    'another format version': (valid) => JSON.stringify({ format: 'isms-results-v1', key: JSON.parse(valid).key, results: [finding] }),
  };

  for (const [name, damage] of Object.entries(foreign)) {
    it(`ignores ${name} and rebuilds`, async () => {
      const cache = new ResultCache(dir, 'engine-a');
      const key = await keyOf(cache);
      cache.save(FIXTURE, { key: key.key, files: key.files, findings: { 'scope.md': [finding] } });
      const file = cacheFile();
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      // A fresh server (a restart, or the other window) must neither throw nor trust it.
      const restarted = new ResultCache(dir, 'engine-a');
      const again = await keyOf(restarted);
      assert.equal(again.key, key.key, 'the key depends on the files, not on what the cache file held');
      assert.equal(restarted.load(FIXTURE, again.key), undefined);
      restarted.save(FIXTURE, { key: again.key, files: again.files, findings: { 'scope.md': [finding] } });
      assert.deepEqual(new ResultCache(dir, 'engine-a').load(FIXTURE, (await keyOf(new ResultCache(dir, 'engine-a'))).key)?.findings, { 'scope.md': [finding] });
    });
  }

  it('never trusts another engine build’s findings', async () => {
    const a = new ResultCache(dir, 'engine-a');
    const keyA = await keyOf(a);
    a.save(FIXTURE, { key: keyA.key, files: keyA.files, findings: {} });
    const b = new ResultCache(dir, 'engine-b');
    const keyB = await keyOf(b);
    assert.notEqual(keyB.key, keyA.key);
    assert.equal(b.load(FIXTURE, keyB.key), undefined);
  });

  it('gives every write its own temporary file (process, counter and a random part)', () => {
    const names = Array.from({ length: 1000 }, () => temporaryName('/cache/x.json'));
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.match(n, new RegExp(`^/cache/x\\.json\\.${process.pid}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`));
  });
});
