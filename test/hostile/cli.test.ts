// Hostile files through the `isms` command: it completes, reports, and exits 0 or 1, never crashes or hangs.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { HOSTILE_CASES } from './cases';
import { hostileFolder, OUTSIDE_CONTENT } from './folder';
import { distFile } from '../support/dist';

describe('hostile files: CLI', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = hostileFolder()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the folder and reports every hostile file', () => {
    const cli = distFile('cli.js');
    const r = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json', '--today', '2026-11-21'], { encoding: 'utf8', timeout: 50_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.error, undefined);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    for (const c of HOSTILE_CASES) {
      const codes = out.diagnostics.filter((d) => d.file === c.file).map((d) => d.code);
      for (const expected of c.expect) assert.ok(codes.includes(expected), `${c.name}: ${codes.join(', ')}`);
    }
    assert.ok(out.diagnostics.some((d) => d.file === 'passwd-link.md' && d.code === 'file-unreadable'));
    assert.doesNotMatch(r.stdout + r.stderr, OUTSIDE_CONTENT);
    assert.ok(!out.diagnostics.some((d) => d.code === 'rule-failed'));
  });
});
