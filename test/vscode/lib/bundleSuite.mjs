// Bundles the in-editor mocha suite (test/vscode/suite/*.ts: index.ts exporting run(), and *.test.ts) into a
// folder of CommonJS files that an extension host can load as extensionTestsPath. `vscode` stays external (the
// extension host provides it); `mocha` is external too, but as an absolute path into this repository's
// node_modules, so the bundle works from any folder (a temp folder that no concurrent `build.mjs --tests`,
// which empties out/, can delete under a running test).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../suite');

/** @returns {Promise<{ index: string, files: string[] }>} index: the extensionTestsPath module */
export async function bundleSuite(outDir) {
  const mocha = createRequire(import.meta.url).resolve('mocha');
  const entries = readdirSync(SUITE_SRC).filter((f) => f.endsWith('.ts')).map((f) => join(SUITE_SRC, f));
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
    plugins: [{
      name: 'mocha-from-repo',
      setup(b) { b.onResolve({ filter: /^mocha$/ }, () => ({ path: mocha, external: true })); },
    }],
  });
  return { index: join(outDir, 'index.js'), files: entries };
}
