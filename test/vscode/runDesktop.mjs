#!/usr/bin/env node
// The in-editor mocha suite (test/vscode/suite) in DESKTOP VS Code (Electron), through @vscode/test-electron.
// For machines that can download VS Code from Microsoft (the CI machines cannot; they use
// scripts/vscode-tests.mjs, the same suite in code-server). On a Linux machine without a display, run it under
// xvfb:  xvfb-run -a node test/vscode/runDesktop.mjs
//
// Env: ISMS_VSCODE_VERSION (default "stable"; e.g. "1.100.0", "insiders"),
//      ISMS_VSCODE_EXECUTABLE (use this VS Code instead of downloading one), ISMS_VSCODE_GREP (mocha --grep).
// Writes .test-results/vscode-desktop.json = {"passed":N,"failed":M}; last line "N passed, M failed".
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSuite } from './lib/bundleSuite.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, '.test-results');
const tmp = mkdtempSync(join(tmpdir(), 'isms-vscode-desktop-'));

async function main() {
  // the extension under development is the repository itself: it needs dist/
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('npm run build failed');
  const { index } = await bundleSuite(join(tmp, 'suite'));
  const folder = join(tmp, 'acme-ai-isms');
  cpSync(join(ROOT, 'examples/acme-ai-isms'), folder, { recursive: true });
  const resultFile = join(tmp, 'result.json');

  let code;
  try {
    code = await runTests({
      version: process.env.ISMS_VSCODE_VERSION || 'stable',
      vscodeExecutablePath: process.env.ISMS_VSCODE_EXECUTABLE || undefined,
      cachePath: join(ROOT, '.vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: index,
      extensionTestsEnv: { ISMS_VSCODE_RESULT: resultFile, ISMS_VSCODE_GREP: process.env.ISMS_VSCODE_GREP ?? '' },
      launchArgs: [
        folder,
        '--disable-extensions', // every other extension; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir', join(tmp, 'user-data'),
        '--extensions-dir', join(tmp, 'extensions'),
      ],
    });
  } catch (e) {
    console.error(`VS Code test run failed: ${e?.message ?? e}`);
    code = 1;
  }
  const report = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 1 };
  if (code !== 0 && report.failed === 0) report.failed = 1;
  return { passed: report.passed, failed: report.failed };
}

let tally;
try {
  tally = await main();
} catch (e) {
  console.error(String(e?.stack ?? e));
  tally = { passed: 0, failed: 1 };
}
rmSync(tmp, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'vscode-desktop.json'), JSON.stringify(tally) + '\n');
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 || tally.passed === 0 ? 1 : 0;
