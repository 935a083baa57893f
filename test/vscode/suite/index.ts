// extensionTestsPath module: VS Code (desktop via @vscode/test-electron, or code-server's extension host via
// scripts/vscode-tests.mjs) loads it inside the extension host and awaits run(). It runs every *.test.js that the
// build put next to it with mocha, resolved from the repository's node_modules.
//
// Output: mocha's spec report on the console, then a plain "N passed, N failed" line; and, when the environment
// variable ISMS_VSCODE_RESULT names a file, a JSON report { passed, failed, tests: [...] } there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestReport {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 90_000,
    grep: process.env.ISMS_VSCODE_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const tests: TestReport[] = [];
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const passed = tests.filter((t) => t.state === 'passed').length;
        const failed = tests.filter((t) => t.state === 'failed').length;
        const line = `${passed} passed, ${failed} failed`;
        const out = process.env.ISMS_VSCODE_RESULT;
        if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed, files, tests }, null, 2) + '\n');
        console.log(line);
        if (failures > 0 || failed > 0 || files.length === 0) reject(new Error(files.length ? line : `no *.test.js next to ${__filename}`));
        else resolve();
      });
    } catch (e) {
      reject(e);
      return;
    }
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) =>
      tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err).split('\n').slice(0, 6).join('\n') }),
    );
  });
}
