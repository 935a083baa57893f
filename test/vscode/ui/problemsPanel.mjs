// UI smoke test of the INSTALLED extension in code-server's real workbench, driven like a user would with
// playwright-core + Debian chromium: open the example folder, open one of its Markdown files, open the Problems
// panel and check that the example's deliberate faults are listed there by their diagnostic codes.
import { basename, join } from 'node:path';
import { openWorkbench } from '../lib/workbench.mjs';

const MARKERS = '.markers-panel';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext & { screenshot?: string }} o  `expected.faults`: the diagnostics to find
 *   (file: relative path, or folder ending in /); the first fault's file is opened in an editor; `screenshot`: the
 *   file name of the final screenshot in `results` (default vscode-problems.png)
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function problemsPanelSmoke(server, { folder, expected, results, failures, log = console.log, screenshot: shotName = 'vscode-problems.png' }) {
  const faults = expected.faults;
  const openFile = faults.find((f) => !f.file.endsWith('/'))?.file ?? '00-scope.md';
  const screenshot = join(results, shotName);
  const { page, close, steps, checks, check, load, palette, openFile: open } = await openWorkbench(server, { log, failures, name: 'problems', viewport: { width: 1400, height: 900 } });
  const critical = (name, fn) => check(name, fn, { critical: true });

  try {
    await critical('workbench loads with the example folder', async () => {
      await load(folder);
    });

    await critical(`opens ${openFile} in an editor`, async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await open(openFile);
    });

    await critical('opens the Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M');
      try {
        await page.locator(MARKERS).first().waitFor({ state: 'visible', timeout: 5_000 });
      } catch {
        await palette('View: Focus on Problems View');
        await page.locator(MARKERS).first().waitFor({ state: 'visible', timeout: 10_000 });
      }
      // give the panel room: maximise it so more rows render (the tree is virtualised)
      await palette('View: Toggle Maximized Panel').catch(() => {});
    });

    // The tree is virtualised (only visible rows exist in the DOM), so look each code up through the panel's
    // filter box, which matches a marker's message, source and code.
    const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    const rows = page.locator(`${MARKERS} .monaco-list-row`);
    // The filter box can drop a fill while the panel re-renders (markers published meanwhile): it then keeps the
    // previous code. Fill again until it holds the new one.
    const setFilter = async (value) => {
      await filter.waitFor({ state: 'visible', timeout: 10_000 });
      for (let attempt = 0; attempt < 5; attempt++) {
        await filter.fill(value);
        await page.waitForTimeout(200);
        if ((await filter.inputValue()) === value) return;
      }
      throw new Error(`the Problems filter does not take "${value}" (it holds "${await filter.inputValue()}")`);
    };
    let wait = 60_000; // the first code waits for the language server to start and check the workspace
    for (const fault of faults) {
      await check(`Problems panel lists ${fault.code} (${fault.file})`, async () => {
        await setFilter(fault.code);
        const row = rows.filter({ hasText: fault.code }).first();
        await row.waitFor({ timeout: wait });
        const text = (await rows.allTextContents()).join('\n');
        const file = fault.file.endsWith('/') ? fault.file.replace(/\/$/, '').split('/').pop() : basename(fault.file);
        if (!text.includes(file)) throw new Error(`${fault.code} is listed, but not under ${fault.file}: ${text.slice(0, 300)}`);
        if (!/isms/.test(text)) throw new Error(`${fault.code} is listed without the source "isms": ${text.slice(0, 300)}`);
      });
      wait = 15_000;
    }
    if (!steps.broken) {
      await filter.fill('').catch(() => {});
      await page.waitForTimeout(500);
    }
  } finally {
    try {
      await page.screenshot({ path: screenshot });
      log(`  screenshot ${screenshot}`);
    } catch (e) {
      log(`  (no screenshot: ${String(e?.message ?? e).split('\n')[0]})`);
    }
    await close();
  }
  return checks;
}
