// Runs the GitHub Action's check step (action/run.mjs) as the runner does: inputs as INPUT_* variables, outputs
// read back from the GITHUB_OUTPUT file it appends to.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the action's check step in `cwd` with these inputs; returns its outputs, log and exit status. */
export function runAction(entry: string, inputs: Record<string, string>, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env) {
  const temp = mkdtempSync(join(tmpdir(), 'isms-action-'));
  const output = join(temp, 'github-output');
  const vars: NodeJS.ProcessEnv = { ...env, GITHUB_OUTPUT: output, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: join(temp, 'summary.md') };
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const r = spawnSync(process.execPath, [entry], { cwd, env: vars, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  const outputs = existsSync(output)
    ? Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]))
    : {};
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, temp };
}

