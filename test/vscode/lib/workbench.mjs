// What every UI check does in code-server's workbench, driven through chromium like a user: open the workbench on a
// folder, run a command from the palette, open a file by name, find the preview's webview frame, take a screenshot.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { toPalettePng } from './pngPalette.mjs';
import { stepRunner } from './steps.mjs';

export const QUICK_INPUT = '.quick-input-widget input';

/**
 * Launch chromium on the workbench and return the helpers the checks use. The caller runs its checks with `check`
 * and calls `close()` in a finally.
 *
 * @param {import('./codeServer.mjs').CodeServer} server  started, with the extension installed
 * @param {object} o
 * @param {(line: string) => void} o.log
 * @param {string} [o.failures]  folder for a screenshot of each failed check (ui-failed-<name>-N.png)
 * @param {string} [o.name]      this check file's name, used in failure screenshots
 * @param {{ width: number, height: number }} [o.viewport]
 */
export async function openWorkbench(server, { log, failures, name = 'ui', viewport = { width: 1360, height: 840 } }) {
  const t0 = Date.now();
  const { page, close } = await launch({ viewport });
  page.on('pageerror', (e) => log(`  [page error] ${String(e.message).split('\n')[0].slice(0, 200)}`));
  const steps = stepRunner({
    log,
    t0,
    onFailure: failures
      ? async (n) => {
          const shot = `${failures}/ui-failed-${name}-${n}.png`;
          await page.screenshot({ path: shot });
          log(`  screenshot ${shot}`);
        }
      : undefined,
  });

  /** Load the workbench on `folder` and wait for the explorer to list `firstFile`. */
  const load = async (folder, firstFile = '00-scope.md') => {
    await page.goto(server.workbenchUrl(folder), { timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: firstFile }).first().waitFor({ timeout: 90_000 });
  };

  /** Wait for the extension's status bar item, which shows once the server has checked the workspace. */
  const extensionReady = (timeoutMs = 90_000) =>
    page.locator('.statusbar-item', { hasText: 'ISMS' }).first().waitFor({ timeout: timeoutMs });

  /**
   * Load the workbench on `folder` and wait for the server's check. Under load the workspaceContains probe can time
   * out; opening a Markdown file activates the extension then (its editor is closed again).
   */
  const loadChecked = async (folder) => {
    await load(folder);
    await extensionReady(20_000).catch(async () => {
      await openFile('00-scope.md');
      await extensionReady(90_000);
      await palette('View: Close All Editors');
    });
  };

  /** Run a command through the command palette (F1). */
  const palette = async (label) => {
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };

  /** Open a file with Quick Open (Ctrl+P) and wait for its tab and its text (the file search is slow on a busy machine). */
  const openFile = async (rel) => {
    const fileName = rel.split('/').pop();
    await page.keyboard.press('Control+P');
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(rel);
    // Enter opens the focused row: wait until the results for `rel` have replaced the recently opened files.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
  };

  /** The frame of a webview whose document has `selector` (webviews nest an iframe in an iframe). */
  const webviewFrame = async (selector, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        try {
          if (await frame.locator(selector).count()) return frame;
        } catch { /* detached */ }
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`no webview frame with ${selector} within ${timeoutMs} ms`);
  };

  /** Drag the side bar's edge until it is `width` pixels wide (no-op when it is wider already). */
  const widenSidebar = async (width) => {
    const box = await page.locator('.part.sidebar').boundingBox().catch(() => null);
    if (!box || box.width >= width) return;
    const x = box.x + box.width;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + (width - box.width), y, { steps: 8 });
    await page.mouse.up();
  };

  /** A screenshot (of the page, or of `clip`), stored as a palette PNG when that is smaller. */
  const shoot = async (path, clip) => {
    if (!path) return;
    await page.screenshot({ path, clip });
    try {
      const small = toPalettePng(readFileSync(path));
      if (small.length < readFileSync(path).length) writeFileSync(path, small);
    } catch (e) {
      log(`  (screenshot kept as taken: ${String(e?.message ?? e).split('\n')[0]})`);
    }
    log(`  screenshot ${path}`);
  };

  /** Go to Line/Column (Ctrl+G), then wait for the status bar to show the new position. */
  const goTo = async (line, column) => {
    await page.keyboard.press('Control+G');
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 15_000 });
  };

  /** Open `rel` of `folder` and put the cursor one character into the `id` that follows `near` on the first line containing `near`. */
  const cursorAtId = async (folder, rel, near, id = near) => {
    const lines = readFileSync(join(folder, rel), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(near));
    if (line < 0) throw new Error(`${rel} has no line with "${near}"`);
    const column = lines[line].indexOf(id, lines[line].indexOf(near));
    if (column < 0) throw new Error(`${rel}:${line + 1} has no "${id}" at or after "${near}"`);
    await openFile(rel);
    await goTo(line + 1, column + 2);
  };

  /** The visible widget matched by `selector` whose text has `needle`, once it is there. */
  const widget = async (selector, needle, timeout = 20_000) => {
    const el = page.locator(selector).filter({ hasText: needle }).first();
    await el.waitFor({ state: 'visible', timeout });
    return el;
  };

  /** Runs `attempt` until it succeeds (a server's finding may arrive after the edit), for up to `timeoutMs`. */
  const retry = async (what, timeoutMs, attempt) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await attempt();
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`${what}: ${String(e?.message ?? e).split('\n')[0]}`);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1_000);
      }
    }
  };

  /**
   * Ctrl+. at the cursor until the code-action menu offers `title`, which is returned: pressed before the server's
   * finding reached the editor (right after an edit or a revert), it finds no action and shows no menu.
   */
  const quickFixMenu = (title, timeoutMs = 60_000) =>
    retry(`the quick fix "${title}"`, timeoutMs, async () => {
      await page.keyboard.press('Control+.');
      return widget('.action-widget', title, 5_000);
    });

  /** Close whatever widget is open and put the active editor back as it is on disk. */
  const revert = async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await palette('File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 5_000 });
  };

  return { page, close, steps, goTo, cursorAtId, widget, quickFixMenu, revert, retry, check: steps.check, checks: steps.checks, load, loadChecked, extensionReady, palette, openFile, webviewFrame, widenSidebar, shoot };
}
