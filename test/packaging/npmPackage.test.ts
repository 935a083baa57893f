// The npm package: `npx isms-markdown` / `npm install -g` give a working `isms` command with nothing to
// download (every dependency is bundled into dist/). The same packed package is what the pre-commit hook installs
// (pre-commit's node language packs the hook repository and installs it globally) and what the released GitHub
// Action runs through npx, so both are tested with it here.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { policy } from '../../server/src/engine/testing/fixtures';
import { runAction } from '../support/action';

const EXAMPLE = join(process.cwd(), 'examples/acme-ai-isms');
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the npm package', function () {
  this.timeout(180_000);
  let dir: string;
  let files: string[];
  let tgz: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isms-npm-'));
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    tgz = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The `isms` the example reports on, as JSON. */
  const examplePlain = () => JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'check', EXAMPLE, '--today', '2026-11-21', '--format', 'json', '--exit-zero'], { encoding: 'utf8' })) as {
    summary: { errors: number; warnings: number };
  };

  it('ships the bundled CLI and no sources or tests', () => {
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/exportFormats.js'), files.join(', '));
    assert.ok(!files.some((f) => /\.ts$|^test\/|^server\/src|^examples\//.test(f)), files.join(', '));
  });

  let project: string;
  it('installs into an empty folder without dependencies and runs `isms check DIR`', () => {
    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name":"probe","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], { cwd: project, stdio: 'ignore' });
    const r = spawnSync(join(project, 'node_modules', '.bin', 'isms'), ['check', EXAMPLE, '--today', '2026-11-21', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(JSON.parse(r.stdout).diagnostics.length >= 9);
  });

  it('the pre-commit hook, installed as pre-commit installs a node hook, checks the whole ISMS', () => {
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean; files: string }[];
    const hook = hooks.find((h) => h.id === 'isms-check')!;
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false);
    const files = new RegExp(hook.files);
    assert.ok(files.test('policies/access-control.md') && !files.test('.isms.yaml') && !files.test('notes.md.bak'));
    // pre-commit's node language: `npm pack` the hook repository, `npm install -g` the tarball into the hook's
    // environment, then run `entry` there (no file names: pass_filenames is false) from the repository's root.
    const env = join(dir, 'pre-commit-env');
    execFileSync('npm', ['install', '-g', '--prefix', env, '--offline', '--no-audit', '--no-fund', tgz], { stdio: 'ignore' });
    const [cmd, ...args] = hook.entry.split(/\s+/);
    const run = (cwd: string) => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${join(env, 'bin')}:${process.env.PATH}` } });
    const repo = join(dir, 'repo');
    cpSync(EXAMPLE, repo, { recursive: true });
    const faulty = run(repo);
    assert.equal(faulty.status, 1, faulty.stderr);
    assert.match(faulty.stdout, /\berror exception-review-overdue\b/);
    const clean = join(dir, 'clean');
    mkdirSync(join(clean, 'policies'), { recursive: true });
    writeFileSync(join(clean, '.isms.yaml'), 'rules:\n  locker-missing-document: off\n');
    writeFileSync(join(clean, 'policies', 'access.md'), policy({ next_review: '2999-01-01' }));
    const ok = run(clean);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  });

  it('the released GitHub Action (sources only, no dist/) runs this version\'s package through npx', () => {
    // A `uses: …@v1` checkout: the action's files and package.json, nothing built.
    const checkout = join(dir, 'action-checkout');
    mkdirSync(join(checkout, 'action'), { recursive: true });
    cpSync('action/run.mjs', join(checkout, 'action', 'run.mjs'));
    cpSync('package.json', join(checkout, 'package.json'));
    // npx stands in for the registry: it must be asked for exactly this version, and runs the packed package's bin.
    const bin = join(dir, 'npx-bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npx'),
      `#!/bin/sh\n[ "$1" = --yes ] && [ "$2" = "isms-markdown@${version}" ] || { echo "unexpected npx $*" >&2; exit 9; }\nshift 2\nexec "${join(project, 'node_modules', '.bin', 'isms')}" "$@"\n`,
    );
    chmodSync(join(bin, 'npx'), 0o755);
    const want = examplePlain();
    const r = runAction(join(checkout, 'action', 'run.mjs'), { path: EXAMPLE, today: '2026-11-21' }, process.cwd(), { ...process.env, PATH: `${bin}:${process.env.PATH}` });
    rmSync(r.temp, { recursive: true, force: true });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.errors, String(want.summary.errors));
    assert.equal(r.outputs.warnings, String(want.summary.warnings));
    assert.equal(r.outputs.failed, String(want.summary.errors > 0));
  });
});
