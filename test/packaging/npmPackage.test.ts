// The npm package: `npx isms-markdown` / `npm install -g` give a working `isms` command with nothing to
// download (every dependency is bundled into dist/).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the npm package', function () {
  this.timeout(120_000);
  let dir: string;
  let files: string[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isms-npm-'));
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the bundled CLI and no sources or tests', () => {
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/exportFormats.js'), files.join(', '));
    assert.ok(!files.some((f) => /\.ts$|^test\/|^server\/src|^examples\//.test(f)), files.join(', '));
  });

  it('installs without dependencies and runs `isms`', () => {
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const project = join(dir, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), '{"name":"probe","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, tgz)], { cwd: project, stdio: 'ignore' });
    const r = spawnSync(join(project, 'node_modules', '.bin', 'isms'), ['check', join(process.cwd(), 'examples/acme-ai-isms'), '--today', '2026-11-21', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(JSON.parse(r.stdout).diagnostics.length >= 9);
  });
});
