// The GitHub Action (action.yml): its check step (action/run.mjs) run as the runner runs it, with INPUT_*
// variables and a GITHUB_OUTPUT file, on the example ISMS; and the action's wiring of inputs, SARIF upload and
// verdict. The released form, which takes the CLI from the npm package, is tested with the packed package in
// npmPackage.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { distFile } from '../support/dist';
import { runAction } from '../support/action';

const EXAMPLE = 'examples/acme-ai-isms';

/** What the CLI itself finds in the example, to compare the action's outputs with. */
function expected() {
  const r = spawnSync(process.execPath, [distFile('cli.js'), 'check', EXAMPLE, '--format', 'json', '--today', '2026-11-21'], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as { diagnostics: { file: string; severity: string; code: string; line: number }[]; summary: { errors: number; warnings: number } };
}

describe('the GitHub Action', function () {
  this.timeout(180_000);
  const temps: string[] = [];
  after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
  const action = (inputs: Record<string, string>) => {
    const r = runAction('action/run.mjs', inputs);
    temps.push(r.temp);
    return r;
  };

  it('checks a folder of the repository: counts, verdict, one annotation per finding at its repository path, and a SARIF file', () => {
    const want = expected();
    const r = action({ path: EXAMPLE, today: '2026-11-21', 'fail-on': 'error', format: 'text', sarif: 'true' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.errors, String(want.summary.errors));
    assert.equal(r.outputs.warnings, String(want.summary.warnings));
    assert.equal(r.outputs.findings, String(want.diagnostics.length));
    assert.equal(r.outputs.failed, String(want.summary.errors > 0));
    assert.equal(r.outputs.verdict, `${want.summary.errors} errors, ${want.summary.warnings} warnings in ${EXAMPLE} (fail-on: error)`);
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    assert.equal(annotations.length, want.diagnostics.length);
    for (const d of want.diagnostics.filter((x) => x.file !== '.')) {
      assert.ok(annotations.some((a) => a.startsWith(`::${d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice'} file=${EXAMPLE}/${d.file},line=${d.line},`) && a.includes(`title=${d.code}::`)), `${d.file}:${d.line} ${d.code}`);
    }
    // The text report follows, and is saved as the report output.
    assert.match(r.stdout, /\d+ problems? \(/);
    assert.equal(readFileSync(r.outputs.report, 'utf8'), r.stdout.slice(r.stdout.indexOf(readFileSync(r.outputs.report, 'utf8'))));
    // SARIF paths are relative to the repository, as code scanning resolves them, and name real files.
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.runs[0].results.length, want.diagnostics.length);
    for (const x of sarif.runs[0].results) {
      const uri = decodeURI(x.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uri.startsWith(`${EXAMPLE}/`) && existsSync(uri), uri);
    }
    assert.match(readFileSync(join(r.temp, 'summary.md'), 'utf8'), /errors, \d+ warnings/);
  });

  it('fail-on: warning fails on warnings, none never fails; format json and sarif are the report', () => {
    const want = expected();
    const warning = action({ path: EXAMPLE, today: '2026-11-21', 'fail-on': 'warning', format: 'json' });
    assert.equal(warning.outputs.failed, String(want.summary.errors + want.summary.warnings > 0));
    assert.equal(JSON.parse(readFileSync(warning.outputs.report, 'utf8')).summary.errors, want.summary.errors);
    const none = action({ path: EXAMPLE, today: '2026-11-21', 'fail-on': 'none', format: 'sarif' });
    assert.equal(none.outputs.failed, 'false');
    assert.equal(JSON.parse(readFileSync(none.outputs.report, 'utf8')).version, '2.1.0');
  });

  it('stops with an error annotation on a bad input', () => {
    for (const [inputs, message] of [
      [{ path: EXAMPLE, format: 'xml' }, /format must be text, json or sarif/],
      [{ path: EXAMPLE, 'fail-on': 'info' }, /fail-on must be error, warning or none/],
      [{ path: EXAMPLE, today: '21/11/2026' }, /--today must be a date written YYYY-MM-DD/],
      [{ path: 'no/such/folder' }, /is not a folder/],
    ] as [Record<string, string>, RegExp][]) {
      const r = action(inputs);
      assert.equal(r.code, 2, JSON.stringify(inputs));
      assert.match(r.stdout, /^::error title=ISMS check::/m);
      assert.match(r.stdout, message);
    }
  });

  it('action.yml passes every input to the check, uploads the SARIF file when asked, and gives the verdict last', () => {
    const yml = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: { id?: string; if?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
    };
    assert.deepEqual(Object.keys(yml.inputs).sort(), ['fail-on', 'format', 'path', 'sarif', 'sarif-category', 'today']);
    assert.equal(yml.runs.using, 'composite');
    const [check, upload, verdict] = yml.runs.steps;
    assert.equal(check.run, 'node "$GITHUB_ACTION_PATH/action/run.mjs"');
    for (const name of ['path', 'format', 'today', 'fail-on']) assert.equal(check.env?.[`INPUT_${name.toUpperCase().replace('-', '_')}`], `\${{ inputs.${name} }}`, name);
    assert.match(upload.uses ?? '', /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload.if, "${{ inputs.sarif == 'true' }}");
    assert.equal(upload.with?.sarif_file, '${{ steps.check.outputs.sarif-file }}');
    assert.equal(verdict.if, "${{ steps.check.outputs.failed == 'true' }}");
    assert.match(verdict.run ?? '', /exit 1/);
    for (const [name, o] of Object.entries(yml.outputs)) assert.equal(o.value, `\${{ steps.check.outputs.${name} }}`);
  });
});
