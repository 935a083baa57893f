// The release (.github/workflows/release.yml) short of its two uploads: scripts/release-check.mjs on this
// repository and its packaged .vsix, on a wrong tag and a missing or unreleased CHANGELOG entry, and the workflow
// itself publishing the one .vsix npm test built, with the tokens the README names.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { missingTool } from '../support/missingTool';

const CHECK = resolve('scripts/release-check.mjs');
const VSIX = 'isms-markdown.vsix';
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function releaseCheck(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CHECK, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

describe('the release', function () {
  this.timeout(180_000);
  let dir: string;
  /** A copy of the manifest files, with this CHANGELOG text. */
  const project = (changelog: string) => {
    for (const f of ['package.json', 'README.md', 'LICENSE', '.vscodeignore']) copyFileSync(f, join(dir, f));
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
    return dir;
  };
  before(() => (dir = mkdtempSync(join(tmpdir(), 'isms-release-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('this repository passes the manifest checks of vsce and ovsx and has a CHANGELOG entry for its version', () => {
    const r = releaseCheck([]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /ovsx: isms-markdown\.isms-markdown /);
    assert.match(r.out, /vsce: manifest valid/);
  });

  it('the packaged .vsix carries package.json\'s publisher, name and version', function () {
    if (!existsSync(VSIX)) missingTool(this, `${VSIX} has not been built (npm run package)`);
    const r = releaseCheck(['--vsix', VSIX]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, new RegExp(`${VSIX}: isms-markdown\\.isms-markdown ${version.replace(/\./g, '\\.')}`));
  });

  it('refuses a tag that is not v<version>', () => {
    const r = releaseCheck(['--tag', 'v99.0.0'], project(`# Changelog\n\n## ${version} (2026-12-05)\n\nFirst.\n`));
    assert.equal(r.code, 1);
    assert.match(r.out, new RegExp(`tag v99\\.0\\.0 does not match package.json's version ${version.replace(/\./g, '\\.')}`));
  });

  it('refuses a version without a CHANGELOG entry, and a tagged one still marked unreleased', () => {
    const missing = releaseCheck([], project('# Changelog\n\n## 0.0.1\n\nOld.\n'));
    assert.equal(missing.code, 1);
    assert.match(missing.out, new RegExp(`CHANGELOG.md has no "## ${version.replace(/\./g, '\\.')}" entry`));
    const unreleased = releaseCheck(['--tag', `v${version}`], project(`# Changelog\n\n## ${version} (unreleased)\n\nNext.\n`));
    assert.equal(unreleased.code, 1);
    assert.match(unreleased.out, /still says "\(unreleased\)"/);
  });

  it('accepts the matching tag and writes the entry as the release notes', () => {
    const cwd = project(`# Changelog\n\n## ${version} (2026-12-05)\n\nFirst release.\n\n- One.\n\n## 0.0.1\n\nOld.\n`);
    const r = releaseCheck(['--tag', `v${version}`, '--notes', 'notes.md'], cwd);
    assert.equal(r.code, 0, r.out);
    assert.equal(readFileSync(join(cwd, 'notes.md'), 'utf8'), 'First release.\n\n- One.\n');
  });

  it('the workflow tests, checks, then publishes the one .vsix npm test built to both marketplaces and the GitHub release, and the npm package', () => {
    const wf = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      on: { push: { tags: string[] } };
      jobs: Record<string, { container?: string; steps: Step[] }>;
    };
    assert.deepEqual(wf.on.push.tags, ['v*']);
    const job = Object.values(wf.jobs)[0];
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (pattern: RegExp) => {
      const i = runs.findIndex((r) => pattern.test(r));
      assert.ok(i >= 0, `no step ${pattern}: ${runs.join(' | ')}`);
      return i;
    };
    const order = [
      at(/^npm ci$/),
      at(/release-check\.mjs --tag "\$GITHUB_REF_NAME"$/),
      at(/^npm test$/),
      at(/release-check\.mjs --tag "\$GITHUB_REF_NAME" --vsix isms-markdown\.vsix/),
      at(/^npx vsce publish --packagePath isms-markdown\.vsix$/),
      at(/^npx ovsx publish isms-markdown\.vsix$/),
      at(/^npm config set "\/\/registry\.npmjs\.org\/:_authToken" "\$NPM_TOKEN"\nnpm publish\n$/),
      at(/^softprops\/action-gh-release@/),
    ];
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    // No second packaging: the uploads take the file npm test's package step wrote.
    assert.ok(!runs.some((r) => /npm run package|vsce package/.test(r)), runs.join(' | '));
    assert.equal(job.steps[order[4]].env?.VSCE_PAT, '${{ secrets.VSCE_PAT }}');
    assert.equal(job.steps[order[5]].env?.OVSX_PAT, '${{ secrets.OVSX_PAT }}');
    assert.equal(job.steps[order[6]].env?.NPM_TOKEN, '${{ secrets.NPM_TOKEN }}');
    assert.equal(job.steps[order[7]].with?.files, VSIX);
    // The tools' own CLIs are the ones installed here (the ovsx devDependency, the vsce the package step uses).
    for (const cli of ['vsce', 'ovsx']) assert.ok(existsSync(join('node_modules', '.bin', cli)), cli);
    const readme = readFileSync('README.md', 'utf8');
    for (const secret of ['VSCE_PAT', 'OVSX_PAT', 'NPM_TOKEN']) assert.ok(readme.includes(`\`${secret}\``), `README does not name ${secret}`);
  });

  it('CI runs exactly the README\'s test command', () => {
    const ci = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    assert.ok(Object.values(ci.jobs)[0].steps.some((s) => s.run === '.ci/run'));
    const script = readFileSync('.ci/run', 'utf8');
    assert.match(script, /^bash -c 'npm ci && npm test' 2>&1 \| tee "\$log"$/m);
    assert.ok(readFileSync('README.md', 'utf8').includes('npm ci && npm test'));
  });

  it('.ci/run ends with the counts line and the command\'s status, also after npm\'s failure epilogue or an early death', () => {
    // npm stands in: `npm ci` succeeds or not, `npm test` prints counts and npm's epilogue.
    const root = join(dir, 'ci-clone');
    const bin = join(dir, 'ci-bin');
    mkdirSync(join(root, '.ci'), { recursive: true });
    mkdirSync(bin, { recursive: true });
    copyFileSync('.ci/run', join(root, '.ci', 'run'));
    writeFileSync(
      join(bin, 'npm'),
      '#!/bin/sh\nif [ "$1" = ci ]; then [ -z "$FAIL_CI" ]; exit $?; fi\necho "=== engine"\necho "$COUNTS"\n[ -n "$EPILOGUE" ] && echo "npm error Lifecycle script \\`test\\` failed" >&2\nexit $STATUS\n',
    );
    chmodSync(join(bin, 'npm'), 0o755);
    const ci = (env: Record<string, string>) => {
      const r = spawnSync('bash', [join(root, '.ci', 'run')], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, encoding: 'utf8' });
      return { code: r.status, last: r.stdout.trim().split('\n').at(-1) };
    };
    assert.deepEqual(ci({ COUNTS: '12 passed, 0 failed', STATUS: '0' }), { code: 0, last: '12 passed, 0 failed' });
    assert.deepEqual(ci({ COUNTS: '11 passed, 1 failed', STATUS: '1', EPILOGUE: '1' }), { code: 1, last: '11 passed, 1 failed' });
    assert.deepEqual(ci({ FAIL_CI: '1', COUNTS: '', STATUS: '0' }), { code: 1, last: '0 passed, 1 failed' });
  });
});
