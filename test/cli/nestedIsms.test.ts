// `isms check` at a repository root with ISMSs in sub-folders (each with its own .isms.yaml).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { distFile } from '../support/dist';

const CLI = distFile('cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
const FIXTURE = join('test', 'fixtures', 'nested-isms');

describe('isms check on a repository holding several ISMSs', () => {
  it('checks each ISMS with its own configuration, reports paths from the folder checked, skips Markdown outside', () => {
    const r = run(['check', FIXTURE, '--today', '2026-11-21', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const found = (JSON.parse(r.stdout).diagnostics as { file: string; code: string; message: string }[]).map((d) => `${d.file} ${d.code}`);
    assert.deepEqual(found, ['compliance/isms/policies/ai-policy.md control-unknown', 'teams/ai/policy.md link-broken']);
    assert.doesNotMatch(r.stdout, /not enabled/, "the nested .isms.yaml enables ISO/IEC 42001");
    assert.doesNotMatch(r.stdout, /onboarding/, 'Markdown outside every ISMS is not checked');
    const text = run(['check', FIXTURE, '--today', '2026-11-21']);
    assert.match(text.stdout, /Checked 2 ISMSs, each with its own \.isms\.yaml: compliance\/isms, teams\/ai\./);
  });

  it('checks one ISMS alone when pointed at its folder, with the same findings', () => {
    const r = run(['check', join(FIXTURE, 'compliance', 'isms'), '--today', '2026-11-21', '--format', 'json']);
    assert.deepEqual((JSON.parse(r.stdout).diagnostics as { file: string }[]).map((d) => d.file), ['policies/ai-policy.md']);
  });

  it('export at the repository root names the ISMSs to export instead of writing an empty pack', () => {
    const r = run(['export', FIXTURE, '--out', join('out', 'nested-pack-never-written')]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /holds 2 with their own \.isms\.yaml: compliance\/isms, teams\/ai\. Export each/);
  });
});
