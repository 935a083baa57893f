// esbuild options shared by scripts/build.mjs and the web build's tests (test/web/browserServer.test.mjs).
// esbuild also turns the ESM-only unified/remark packages into CommonJS, which VS Code's extension host loads.

/** Options every bundle starts from: Node, CommonJS, dependencies inlined, `vscode` left to the extension host. */
export function commonOptions({ production = false, quiet = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: production ? 'none' : 'inline',
    logLevel: quiet ? 'error' : 'warning',
    external: ['vscode'],
    // .ttf: the fonts the audit pack's PDFs embed (dist/exportFormats.js).
    loader: { '.css': 'text', '.ttf': 'binary' },
  };
}

/**
 * The web build (vscode.dev, github.dev): the client as CommonJS for the web extension host, the server as a plain
 * script for a Web Worker. With platform 'browser' esbuild cannot resolve Node built-ins (node:fs, path, ...) and
 * nothing here polyfills or externalises them, so one reaching a browser bundle fails the build.
 */
export function browserBundles(common, outdir) {
  const browser = { ...common, platform: 'browser', target: 'es2022', outdir };
  return {
    client: { ...browser, entryPoints: { browserClient: 'client/src/browserExtension.ts' } },
    // 'worker': packages' builds for a Web Worker, which has no DOM (decode-named-character-reference's
    // 'browser' build decodes entities through `document`).
    server: { ...browser, format: 'iife', external: [], conditions: ['worker'], entryPoints: { browserServer: 'server/src/browserServer.ts' } },
  };
}
