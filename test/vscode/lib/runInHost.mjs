// Runs an extension's mocha suite INSIDE code-server's Node extension host, the way @vscode/test-web does it
// for the web workbench: the `payload` URL query carries extensionDevelopmentPath and extensionTestsPath, and
// the workbench reports the suite's end through window.codeAutomationExit(code) and its console through
// window.codeAutomationLog(type, args), both of which we expose to the page from playwright.
import { format } from 'node:util';
import { launch } from './browser.mjs';

const NOISE = /AgentHost|ChatModelSelection|AccountPolicyGate|open-vsx|marketplace|gallery|copilot|authentication provider|Creating a socket|reconnection-grace-time|builtin extensions cache|Service Worker|workbench contribution|Resolv/i;

/**
 * @param {import('./codeServer.mjs').CodeServer} server  a started server (with enable-smoke-test-driver)
 * @param {object} o
 * @param {string} o.devPath    extension folder (extensionDevelopmentPath)
 * @param {string} o.testsPath  module exporting run() (extensionTestsPath; without the .js is fine too)
 * @param {string} o.folder     workspace folder to open
 * @param {number} o.timeoutMs
 * @param {(line: string) => void} [o.log]
 * @returns {Promise<{ code: number | 'timeout', summary: string | null, seconds: number }>}
 */
export async function runInExtensionHost(server, { devPath, testsPath, folder, timeoutMs, log = console.log }) {
  const t0 = Date.now();
  const { page, close } = await launch();
  let summary = null;
  try {
    let done;
    const exited = new Promise((r) => (done = r));
    page.on('pageerror', (e) => log(`[page error] ${String(e.message).split('\n')[0].slice(0, 200)}`));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(args || []));
      if (/^\d+ passed, \d+ failed$/.test(text.trim())) summary = text.trim();
      // The workbench's own chatter (sockets, sign-in, chat features without network) hides the mocha report.
      if (NOISE.test(text.split('\n')[0])) return;
      for (const line of text.split('\n')) log(`  [exthost] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(devPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ];
    await page.goto(server.workbenchUrl(folder, payload), { timeout: 60_000 });
    let timer;
    const code = await Promise.race([
      exited,
      new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); }),
    ]);
    clearTimeout(timer);
    return { code, summary, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await close();
  }
}
