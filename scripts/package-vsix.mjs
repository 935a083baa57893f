#!/usr/bin/env node
// Packages the extension (isms-markdown.vsix) with vsce and fails on any vsce warning: a Marketplace-ready package
// has none (issue 7), and a warning in a log nobody reads would rot. Expects the production build in dist/.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', 'isms-markdown.vsix'], { encoding: 'utf8' });
const out = `${r.stdout}${r.stderr}`;
process.stdout.write(out);
const warnings = out.split('\n').filter((line) => /\bWARNING\b/i.test(line));
if (r.status !== 0) process.exit(r.status ?? 1);
if (warnings.length > 0) {
  console.error(`package: vsce printed ${warnings.length} warning(s); the package must have none:\n${warnings.join('\n')}`);
  process.exit(1);
}
