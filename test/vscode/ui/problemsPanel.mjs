// UI smoke test of the INSTALLED extension in code-server's real workbench, driven like a user would with
// playwright-core + Debian chromium: open the example folder, open one of its Markdown files, open the Problems
// panel and check that the example's deliberate faults are listed there by their diagnostic codes.
import { basename } from 'node:path';
import { launch } from '../lib/browser.mjs';
import { stepRunner } from '../lib/steps.mjs';

const WORKBENCH = '.monaco-workbench .part.activitybar';
const QUICK_INPUT = '.quick-input-widget input';
const MARKERS = '.markers-panel';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {object} o
 * @param {string} o.folder       workspace folder to open
 * @param {string} o.openFile     Markdown file to open, relative to the folder
 * @param {{code: string, file: string}[]} o.faults  expected diagnostics (file: relative path, or folder ending in /)
 * @param {string} o.screenshot   PNG path
 * @param {(line: string) => void} [o.log]
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function problemsPanelSmoke(server, { folder, openFile, faults, screenshot, log = console.log }) {
  const t0 = Date.now();
  const { page, close } = await launch();
  page.on('pageerror', (e) => log(`  [page error] ${String(e.message).split('\n')[0].slice(0, 200)}`));
  const steps = stepRunner({ log, t0 });
  const { checks, check } = steps;
  const critical = (name, fn) => check(name, fn, { critical: true });

  /** Run a workbench command through the command palette (F1). */
  const palette = async (label) => {
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };

  try {
    await critical('workbench loads with the example folder', async () => {
      await page.goto(server.workbenchUrl(folder), { timeout: 60_000 });
      await page.waitForSelector(WORKBENCH, { timeout: 90_000 });
      // the explorer shows the example's files
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '00-scope.md' }).first().waitFor({ timeout: 60_000 });
    });

    const name = basename(openFile);
    await critical(`opens ${openFile} in an editor`, async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(openFile);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
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
    let wait = 60_000; // the first code waits for the language server to start and check the workspace
    for (const fault of faults) {
      await check(`Problems panel lists ${fault.code} (${fault.file})`, async () => {
        await filter.waitFor({ state: 'visible', timeout: 10_000 });
        await filter.fill(fault.code);
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
