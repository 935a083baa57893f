// The web build in a real VS Code web host: the .vsix installed into code-server with "main" removed from the
// installed package.json, so only the workbench's web-worker extension host can run it (package.json "browser":
// dist/browserClient.js, which starts dist/browserServer.js in a Web Worker and reads the files through the
// editor). scripts/vscode-tests.mjs then runs the Problems-panel check (problemsPanel.mjs) against it.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Installs `vsix` (while no server runs) and strips "main" from the installed manifest. */
export function installWebOnly(server, vsix, extensionId) {
  const installed = server.installExtension(vsix);
  const folder = readdirSync(server.extensions).find((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (!folder) throw new Error(`${extensionId} not found in ${server.extensions} after: ${installed}`);
  const manifest = join(server.extensions, folder, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!pkg.browser) throw new Error(`${manifest} has no "browser" entry`);
  delete pkg.main;
  writeFileSync(manifest, JSON.stringify(pkg, null, 2));
  return installed;
}

/**
 * A check that the server's Node extension host never activated the extension (so the findings came from the
 * web-worker host). Fails when there is no Node host log to look at.
 */
export function notActivatedInNodeHost(server, extensionId) {
  const logsDir = join(server.userData, 'logs');
  const logs = existsSync(logsDir)
    ? readdirSync(logsDir).flatMap((session) =>
        existsSync(join(logsDir, session))
          ? readdirSync(join(logsDir, session)).filter((d) => d.startsWith('exthost')).map((d) => join(logsDir, session, d, 'remoteexthost.log')).filter(existsSync)
          : [],
      )
    : [];
  const text = logs.map((f) => readFileSync(f, 'utf8')).join('\n');
  const ok = /_doActivateExtension /.test(text) && !text.includes(`_doActivateExtension ${extensionId}`);
  return {
    name: `${extensionId} ran in the web-worker extension host, not in the Node one`,
    ok,
    ...(ok ? {} : { error: logs.length ? `the Node extension host log ${text.includes(extensionId) ? 'shows it activated' : 'shows no activation at all'}` : `no remoteexthost.log under ${logsDir}` }),
  };
}
