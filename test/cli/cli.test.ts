// The `isms` command as CI runs it: built bundle, real folders on disk, three formats, exit codes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { md, policy } from '../../server/src/engine/testing/fixtures';
import { folderWith } from '../support/folders';
import { distFile } from '../support/dist';
import { exportGcFlags, heapGrowthFlag } from '../../server/src/gcFlags';

const CLI = distFile('cli.js');

function run(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const folder = (files: Record<string, string | Buffer>) => folderWith(files, 'isms-cli-');

describe('isms CLI', () => {
  const dirs: string[] = [];
  // Small fixture folders are not whole ISMSs: the evidence-locker rule stays off unless a test turns it on.
  const make = (files: Record<string, string | Buffer>) => {
    const d = folder({ '.isms.yaml': 'rules:\n  locker-missing-document: off\n', ...files });
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const faulty = () =>
    make({
      'policies/access.md': policy({ owner: undefined }, 'Patch per A.12.6.1. See [x](missing.md).\n'),
      'policies/crypto.md': policy({ id: 'POL-002', controls: ['A.8.99'] }),
    });

  it('prints text findings as path:line:col severity code message, then a summary, and exits 1 on errors', () => {
    const r = run(['check', faulty(), '--today', '2026-11-21']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^policies\/access\.md:\d+:\d+ warning frontmatter-missing-field /);
    assert.ok(lines.some((l) => /^policies\/access\.md:\d+:\d+ warning control-legacy-id A\.12\.6\.1/.test(l)));
    assert.ok(lines.some((l) => /^policies\/crypto\.md:\d+:\d+ error control-unknown /.test(l)));
    assert.match(lines[lines.length - 1], /^4 problems \(1 error, 3 warnings, 0 info\) in 2 files; 2 ISMS documents checked\.$/);
  });

  it('prints JSON with 1-based positions and relative paths', () => {
    const r = run(['check', faulty(), '--format', 'json', '--today', '2026-11-21']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    const legacy = out.diagnostics.find((d: { code: string }) => d.code === 'control-legacy-id');
    assert.deepEqual(Object.keys(legacy), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.equal(legacy.file, 'policies/access.md');
    assert.equal(legacy.line, 11);
    assert.equal(legacy.column, 11);
    assert.equal(legacy.endColumn, 19);
    assert.deepEqual([out.summary.errors, out.summary.warnings], [1, 3]);
  });

  it('prints SARIF 2.1.0 with rules and regions', () => {
    const r = run(['check', faulty(), '--format=sarif', '--today', '2026-11-21']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'isms');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'control-unknown'));
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'control-unknown');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'policies/crypto.md');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'control-unknown');
  });

  it('dates recurring evidence by its last git commit, and notes evidence it cannot date', () => {
    const files = { 'procedures/access-review.md': md({ type: 'procedure', id: 'PRO-2', title: 'Access review', owner: 'CISO', cadence: 'quarterly', evidence: ['../exports/access-2026-q2.csv'] }, '# Access review\n'), 'exports/access-2026-q2.csv': 'user,access\n' };
    const undated = make(files);
    const before = run(['check', undated, '--today', '2026-11-21']);
    assert.doesNotMatch(before.stdout, /evidence-stale/);
    assert.match(before.stderr, /note: evidence-stale skipped 1 recurring evidence file with no git history and no `date`: exports\/access-2026-q2\.csv/);
    const dated = make(files);
    const git = (...a: string[]) => spawnSync('git', ['-C', dated, ...a], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-04-20T10:00:00Z', GIT_COMMITTER_DATE: '2026-04-20T10:00:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    git('add', '.');
    assert.equal(git('commit', '-q', '-m', 'evidence').status, 0);
    for (const format of ['text', 'json', 'sarif']) {
      const r = run(['check', dated, '--today', '2026-11-21', '--format', format]);
      assert.match(r.stdout, /evidence-stale/, format);
      assert.match(r.stdout, /its last commit is 2026-04-20/, format);
    }
  });

  it('exits 0 with only warnings, and with --exit-zero', () => {
    const warnOnly = make({ 'p.md': policy({ owner: undefined }) });
    assert.equal(run(['check', warnOnly, '--today', '2026-11-21']).code, 0);
    assert.equal(run(['check', faulty(), '--exit-zero', '--today', '2026-11-21']).code, 0);
  });

  it('uses --today for staleness and reads .isms.yaml', () => {
    const dir = make({ 'p.md': policy({ next_review: '2026-12-01' }), '.isms.yaml': 'rules:\n  review-overdue: error\n  locker-missing-document: off\n' });
    assert.equal(run(['check', dir, '--today', '2026-11-21']).code, 0);
    const late = run(['check', dir, '--today', '2027-01-01', '--format', 'json']);
    assert.equal(late.code, 1);
    assert.equal(JSON.parse(late.stdout).diagnostics[0].severity, 'error');
  });

  it('exits 2 on bad usage with a message', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--today', '2026-02-30'], ['check', '/no/such/folder'], ['frobnicate'], ['check', 'a', 'b'], ['check', '--today']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^isms: /);
    }
    assert.equal(run([]).code, 2);
    assert.equal(run(['--help']).code, 0);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('never crashes on binary, empty, invalid UTF-8 or huge files', () => {
    const dir = make({
      'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      'latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
      'empty.md': '',
      'huge.md': '# big\n' + 'x'.repeat(3 * 1024 * 1024),
      'dashes.md': '---',
      'ok.md': md({ type: 'record', id: 'REC-1', title: 'r', owner: 'o' }),
    });
    const r = run(['check', dir, '--format', 'json', '--today', '2026-11-21']);
    // The lone --- is an unclosed frontmatter: reported, not a crash; a warning, since it declares no ISMS type.
    assert.equal(r.code, 0, r.stderr);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`);
    assert.deepEqual(found, ['bin.md file-unreadable', 'dashes.md frontmatter-syntax', 'huge.md file-unreadable', 'latin1.md file-unreadable']);
  });

  it('skips excluded folders', () => {
    const dir = make({ 'node_modules/pkg/readme.md': policy({ controls: ['A.99.1'] }), 'ok.md': policy() });
    const r = run(['check', dir, '--format', 'json', '--today', '2026-11-21']);
    assert.deepEqual(JSON.parse(r.stdout).diagnostics, []);
  });

  it('lists suppressions with their reasons and what they hide', () => {
    const dir = make({
      'p.md': policy({}, '<!-- isms-disable-next-line control-legacy-id -- quoted from the 2013 audit -->\nA.12.6.1\n<!-- isms-disable-next-line link-broken -->\n[x](gone.md)\n'),
    });
    const check = JSON.parse(run(['check', dir, '--format', 'json', '--today', '2026-11-21']).stdout);
    assert.deepEqual(check.diagnostics.map((d: { code: string }) => d.code), ['suppression-missing-reason']);
    assert.equal(check.summary.suppressed, 2);
    const text = run(['check', dir, '--list-suppressions', '--today', '2026-11-21']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^p\.md:12 next-line control-legacy-id -- quoted from the 2013 audit\n {4}hides p\.md:13 control-legacy-id /m);
    assert.match(text.stdout, /link-broken -- \(no reason given\)/);
    assert.match(text.stdout, /2 suppressions, hiding 2 findings\.\n$/);
    const json = JSON.parse(run(['check', dir, '--list-suppressions', '--format', 'json']).stdout);
    assert.equal(json.suppressions[0].reason, 'quoted from the 2013 audit');
    assert.equal(json.suppressions[1].reason, null);
    assert.equal(json.suppressions[0].hides[0].code, 'control-legacy-id');
  });

  it('lists the rules', () => {
    const r = run(['rules']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^scope-missing-section\s+warning /m);
  });
  // The heap's growth limit (server/src/cli/heapGrowth.ts), seen from inside the process: a preloaded script records
  // every V8 flag the CLI sets, for check and export alike, and none when the environment turns it off; export
  // also turns off allocation-site pretenuring.
  describe('heap growth limit', () => {
    const flagsSet = (args: string[], env: NodeJS.ProcessEnv) => {
      const spy = make({ 'spy.cjs': "const v8 = require('node:v8'); const set = v8.setFlagsFromString; const seen = [];\nv8.setFlagsFromString = (f) => { seen.push(f); set(f); };\nprocess.on('exit', () => process.stderr.write('flags-set ' + JSON.stringify(seen) + '\\n'));\n" });
      const r = spawnSync(process.execPath, ['--require', `${spy}/spy.cjs`, CLI, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ISMS_GC_GROWING_PERCENT: undefined, ISMS_GC_PRETENURING: undefined, ...env } });
      const line = /flags-set (.*)/.exec(r.stderr)?.[1];
      assert.ok(line, r.stderr);
      return JSON.parse(line) as string[];
    };
    const isms = () => make({ 'policies/access.md': policy({}) });

    it('is 30 % for check and for export unless ISMS_GC_GROWING_PERCENT says otherwise', () => {
      assert.deepEqual(flagsSet(['check', isms(), '--exit-zero'], {}), ['--heap-growing-percent=30']);
      const out = `${make({})}/pack`;
      assert.deepEqual(flagsSet(['export', isms(), '--out', out, '--format', 'html'], {}), ['--heap-growing-percent=30', '--no-allocation-site-pretenuring']);
      assert.deepEqual(flagsSet(['export', isms(), '--out', `${out}2`, '--format', 'html'], { ISMS_GC_PRETENURING: '1' }), ['--heap-growing-percent=30']);
      assert.deepEqual(flagsSet(['check', isms(), '--exit-zero'], { ISMS_GC_GROWING_PERCENT: '50' }), ['--heap-growing-percent=50']);
    });

    it('is left to V8 with ISMS_GC_GROWING_PERCENT=0', () => {
      assert.deepEqual(flagsSet(['check', isms(), '--exit-zero'], { ISMS_GC_GROWING_PERCENT: '0' }), []);
    });

    it('reads the environment as the language server does', () => {
      assert.equal(heapGrowthFlag({}), '--heap-growing-percent=30');
      assert.equal(heapGrowthFlag({ ISMS_GC_GROWING_PERCENT: '0' }), undefined);
      assert.equal(heapGrowthFlag({ ISMS_GC_GROWING_PERCENT: 'x' }), undefined);
      assert.equal(heapGrowthFlag({ ISMS_GC_GROWING_PERCENT: '45' }), '--heap-growing-percent=45');
    });

    it('turns off pretenuring for export only', () => {
      assert.deepEqual(exportGcFlags(['export', '.', '--out', 'p'], {}), ['--no-allocation-site-pretenuring']);
      assert.deepEqual(exportGcFlags(['check', '.'], {}), []);
      assert.deepEqual(exportGcFlags(['export', '.'], { ISMS_GC_PRETENURING: '1' }), []);
      assert.deepEqual(exportGcFlags([], {}), []);
    });
  });
});
