// Bundles the extension client, the language server and the CLI with esbuild (one file each, dependencies
// inlined, so the .vsix ships no node_modules), and with --tests every *.test.ts into out/ for mocha.
// The web build (vscode.dev, github.dev) bundles the client and the server once more for the browser.
import * as esbuild from 'esbuild';
import { browserBundles, commonOptions } from './bundles.mjs';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const quiet = args.has('--quiet');
const withTests = args.has('--tests');
// Separate output folders let several checkouts' worth of work build side by side (ISMS_DIST_DIR, ISMS_OUT_DIR).
const distDir = process.env.ISMS_DIST_DIR ?? 'dist';
const outDir = process.env.ISMS_OUT_DIR ?? 'out';

const common = commonOptions({ production, quiet });

/** Every *.test.ts under a folder, skipping fixtures (which are data, not code). */
function findTests(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    // test/vscode runs inside an editor and is bundled by its own runner (scripts/vscode-tests.mjs).
    if (name === 'node_modules' || name === 'fixtures' || full === join('test', 'vscode')) continue;
    if (statSync(full).isDirectory()) findTests(full, found);
    else if (name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

const started = Date.now();
rmSync(distDir, { recursive: true, force: true });
const builds = [
  esbuild.build({ ...common, entryPoints: { client: 'client/src/nodeExtension.ts' }, outdir: distDir }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: distDir }),
  esbuild.build({
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: distDir,
    banner: { js: '#!/usr/bin/env node' },
  }),
  // PDF and Excel rendering (pdfmake with its fonts, exceljs): loaded by the CLI and the server only when a pack is
  // exported (server/src/exportFormats/load.ts), so starting the extension never pays for it.
  esbuild.build({ ...common, entryPoints: { exportFormats: 'server/src/exportFormats/main.ts' }, outdir: distDir }),
  ...Object.values(browserBundles(common, distDir)).map((options) => esbuild.build(options)),
];
if (withTests) {
  rmSync(outDir, { recursive: true, force: true });
  const entries = [...findTests('server/src'), ...findTests('client/src'), ...findTests('test')];
  builds.push(
    esbuild.build({
      ...common,
      sourcemap: 'inline',
      entryPoints: Object.fromEntries(entries.map((f) => [relative('.', f).replace(/\.ts$/, ''), f])),
      outdir: outDir,
      external: ['vscode', 'mocha', 'playwright-core'],
    }),
  );
}
await Promise.all(builds);
if (!quiet) console.log(`built in ${Date.now() - started} ms${withTests ? ' (with tests)' : ''}`);
