// A second, independent LSP client: headless Neovim's built-in client (nobody on this project wrote it) runs
// the built server on the fixture workspace; diagnostics, hover and go to definition must work through it.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distFile } from '../support/dist';
import { missingTool } from '../support/missingTool';

interface ProbeResult {
  ok: boolean;
  ms: number;
  nvim: { major: number; minor: number; patch: number };
  diagnostics: { code: string; source: string; range: { start: { line: number } } }[];
  hover?: { result?: { contents: { kind: string; value: string } }; error?: string };
  definition?: { result?: { uri: string; range: { start: { line: number; character: number } } }[]; error?: string };
}

function positionOf(text: string, needle: string, delta = 0): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return `${line},${before.length - before.lastIndexOf('\n') - 1}`;
}

describe('Neovim as an LSP client', function () {
  let dir: string;

  before(function () {
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      missingTool(this, 'nvim is not installed (apt-get install neovim)');
    }
    dir = mkdtempSync(join(tmpdir(), 'isms-nvim-'));
    cpSync(join(process.cwd(), 'test', 'fixtures', 'lsp-workspace'), dir, { recursive: true });
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function runNeovim(file: string, env: Record<string, string>): Promise<ProbeResult> {
    const out = join(dir, '.nvim-result.json');
    const server = distFile('server.js');
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(process.cwd(), 'test', 'neovim', 'lsp-probe.lua')}`, join(dir, file)], {
      cwd: dir,
      env: { ...process.env, ISMS_TODAY: '2026-11-21', LSP_CMD: JSON.stringify([process.execPath, server, '--stdio']), LSP_ROOT: dir, LSP_OUT: out, LSP_TIMEOUT_MS: '15000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    return new Promise((resolve, reject) =>
      child.on('exit', (code) => {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(readFileSync(out, 'utf8')) as ProbeResult);
        } catch (e) {
          reject(new Error(`nvim exited with ${code} and no result: ${(e as Error).message}\n${stderr}`));
        }
      }),
    );
  }

  it('shows diagnostics, hover and go to definition', async function () {
    const text = readFileSync(join(dir, 'policies/access-control.md'), 'utf8');
    const result = await runNeovim('policies/access-control.md', {
      LSP_HOVER: positionOf(text, 'A.5.15 and', 2),
      LSP_DEFINITION: positionOf(text, 'R-001 and', 1),
    });
    assert.ok(result.ok, JSON.stringify(result));
    // Diagnostics
    const codes = result.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['control-legacy-id', 'control-legacy-id', 'control-unknown', 'review-overdue', 'risk-unknown']);
    assert.ok(result.diagnostics.every((d) => d.source === 'isms'));
    // Hover
    assert.equal(result.hover?.error, undefined);
    assert.equal(result.hover?.result?.contents.kind, 'markdown');
    assert.match(result.hover!.result!.contents.value, /A\.5\.15 · Access control/);
    assert.match(result.hover!.result!.contents.value, /applicable \*\*yes\*\*/);
    // Definition
    assert.equal(result.definition?.error, undefined);
    const [target] = result.definition!.result!;
    assert.equal(target.uri, pathToFileURL(join(dir, 'risk/register.md')).toString());
    const register = readFileSync(join(dir, 'risk/register.md'), 'utf8');
    assert.equal(target.range.start.line, Number(positionOf(register, '| R-001').split(',')[0]));
  });
});
