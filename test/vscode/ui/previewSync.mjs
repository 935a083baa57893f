// The preview beside the editor, at half the window's width, on the example's risk register (ten columns, one
// finding on R-009's row): scroll sync both ways without a feedback loop, the wide register scrolling sideways
// inside the preview with its ID column kept in view and no column out of reach, and the finding marker on
// R-009's row leading to the finding (cursor on it, its hover shown, the Problems panel open). Takes the README's
// screenshot of the preview of a wide register (preview-wide-register.png).
/* global document, window */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench } from '../lib/workbench.mjs';

const DOC = 'risk/risk-register.md';
/** How long to let both sides settle before checking that neither moved the other again. */
const SETTLE_MS = 1_500;

/**
 * The source line (fractional) at the top of the preview, computed from the blocks' data-line attributes the way
 * a reader would check it: between the last block that starts above the top and the next one (runs in the frame).
 */
function previewTopLine() {
  const blocks = [...document.querySelectorAll('#isms-content [data-line]')]
    .map((el) => ({ line: Number(el.getAttribute('data-line')), top: el.getBoundingClientRect().top }))
    .sort((a, b) => a.top - b.top || a.line - b.line);
  let before;
  let after;
  for (const b of blocks) {
    if (b.top <= 0.5) before = b;
    else {
      after = b;
      break;
    }
  }
  if (!before) return { line: 0, scrollY: window.scrollY };
  const line = !after || after.line <= before.line ? before.line : before.line + ((0 - before.top) / (after.top - before.top)) * (after.line - before.line);
  return { line, scrollY: window.scrollY };
}

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function previewSyncUi(server, { folder, screenshots, failures, log = console.log }) {
  // One source line per editor line (Markdown wraps by default), so the line numbers on screen say the editor's top line.
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ '[markdown]': { 'editor.wordWrap': 'off' }, 'editor.minimap.enabled': false }, null, 2));
  const source = readFileSync(join(folder, DOC), 'utf8').split('\n');
  const r009 = source.findIndex((l) => l.startsWith('| R-009 |'));
  const { page, close, checks, check, load, extensionReady, palette, openFile, webviewFrame, shoot } = await openWorkbench(server, { log, failures, name: 'preview-sync' });
  const critical = (name, fn) => check(name, fn, { critical: true });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const preview = () => webviewFrame('tr.isms-finding-block');

  /** The editor's top line (0-based): the first line wholly inside the editor, as the API's visibleRanges say. */
  const editorTopLine = () =>
    editor.evaluate((ed) => {
      const top = ed.querySelector('.overflow-guard')?.getBoundingClientRect().top ?? ed.getBoundingClientRect().top;
      const numbers = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')]
        .map((el) => ({ n: Number(el.textContent), rect: el.getBoundingClientRect() }))
        .filter((x) => Number.isFinite(x.n) && x.n > 0 && x.rect.top >= top - 0.5);
      return Math.min(...numbers.map((x) => x.n)) - 1;
    });

  /** Waits until `fn()` is true (polling; the time limit only catches a hang), else throws with `describe()`. */
  const until = async (fn, describe, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await fn()) return;
      await page.waitForTimeout(150);
    }
    throw new Error(await describe());
  };

  /** Editor and preview agree: the preview's top line is within a line of the editor's. */
  const state = async () => ({ editor: await editorTopLine(), preview: await (await preview()).evaluate(previewTopLine) });
  const inSync = (s) => Math.abs(s.preview.line - s.editor) <= 1;
  const show = (s) => `editor top line ${s.editor + 1}, preview top at line ${(s.preview.line + 1).toFixed(2)} (scrollY ${s.preview.scrollY})`;

  try {
    await critical('the preview of the risk register opens beside its editor, half the width each', async () => {
      await load(folder);
      await extensionReady();
      await openFile(DOC);
      await palette('View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      await palette('ISMS: Open Preview to the Side');
      const frame = await preview();
      await frame.locator('tr.isms-finding-block .isms-finding-marker').first().waitFor({ timeout: 15_000 });
      const width = await frame.evaluate(() => window.innerWidth);
      const full = page.viewportSize()?.width ?? 1360;
      if (width > full * 0.55 || width < full * 0.35) throw new Error(`the preview is ${width} px wide in a ${full} px window`);
      log(`  preview ${width} px wide in a ${full} px window`);
    });

    await check('scrolling the editor scrolls the preview to the same source line, and the preview does not scroll the editor back', async () => {
      const before = await state();
      await editor.hover({ position: { x: 200, y: 300 } });
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(80);
      }
      let s = before;
      await until(async () => {
        s = await state();
        return s.editor > before.editor + 5 && s.preview.scrollY > before.preview.scrollY && inSync(s);
      }, () => `not in sync after scrolling the editor: ${show(s)} (before: ${show(before)})`);
      log(`  ${show(s)}`);
      await page.waitForTimeout(SETTLE_MS);
      const after = await state();
      if (after.editor !== s.editor || Math.abs(after.preview.scrollY - s.preview.scrollY) > 1) throw new Error(`it moved again: ${show(after)} (was ${show(s)})`);
    });

    await check('scrolling the preview reveals its top line at the top of the editor, and the editor does not scroll the preview back', async () => {
      const frame = await preview();
      const before = await state();
      const box = await (await frame.frameElement()).boundingBox();
      if (!box) throw new Error('no box for the preview\'s frame');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 700);
      let s = before;
      await until(async () => {
        s = await state();
        return s.preview.scrollY > before.preview.scrollY + 300 && s.editor > before.editor && inSync(s);
      }, () => `not in sync after scrolling the preview: ${show(s)} (before: ${show(before)})`);
      log(`  ${show(s)}`);
      await page.waitForTimeout(SETTLE_MS);
      const after = await state();
      if (after.editor !== s.editor || Math.abs(after.preview.scrollY - s.preview.scrollY) > 1) throw new Error(`it moved again: ${show(after)} (was ${show(s)})`);
      if (!(await frame.evaluate(() => document.querySelectorAll('#isms-content tr[data-line]').length))) throw new Error('no rows with data-line');
    });

    await check('the wide register scrolls sideways inside the preview: the ID column stays, every column is in reach, the page does not overflow', async () => {
      const frame = await preview();
      const wrap = frame.locator('.isms-body .isms-table-wrap').first();
      await frame.locator(`.isms-body tr[data-line="${r009}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const measure = () =>
        wrap.evaluate((w) => {
          const box = w.getBoundingClientRect();
          const headers = [...w.querySelectorAll('thead th')].map((th) => {
            const r = th.getBoundingClientRect();
            return { text: th.textContent.trim(), left: r.left, right: r.right, width: r.width };
          });
          const firstCell = w.querySelector('tbody tr td:first-child').getBoundingClientRect();
          return {
            wrapLeft: box.left, wrapRight: box.right, scrollLeft: w.scrollLeft, scrollWidth: w.scrollWidth, clientWidth: w.clientWidth,
            pageOverflow: document.documentElement.scrollWidth - window.innerWidth, viewport: window.innerWidth, headers, firstCellLeft: firstCell.left,
            firstCellWidth: firstCell.width,
          };
        });
      const start = await measure();
      const problems = [];
      if (start.headers.length !== 10) problems.push(`${start.headers.length} header cells, not 10`);
      if (start.scrollWidth <= start.clientWidth + 20) problems.push(`the table is not wider than the preview (${start.scrollWidth} in ${start.clientWidth} px): nothing to prove`);
      if (start.pageOverflow > 0) problems.push(`the page itself overflows by ${start.pageOverflow} px`);
      if (start.wrapRight > start.viewport) problems.push(`the table's box ends at ${start.wrapRight} px, past the preview's ${start.viewport} px`);
      for (const h of start.headers) if (h.width < 24) problems.push(`column "${h.text}" is ${h.width} px wide`);
      // Sideways with the wheel, as a user would (shift+wheel on a mouse, a sideways swipe on a touchpad).
      const box = await frame.locator(`.isms-body tr[data-line="${r009}"]`).boundingBox();
      if (!box) throw new Error('R-009\'s row has no box');
      const across = await wrap.boundingBox();
      await page.mouse.move((across?.x ?? box.x) + (across?.width ?? 200) / 2, box.y + box.height / 2);
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(120, 0);
        await page.waitForTimeout(50);
      }
      let end = start;
      await until(async () => {
        end = await measure();
        return end.scrollLeft + end.clientWidth >= end.scrollWidth - 1;
      }, () => `the table did not scroll to its last column (scrollLeft ${end.scrollLeft} of ${end.scrollWidth - end.clientWidth})`);
      const last = end.headers[end.headers.length - 1];
      if (Math.abs(end.firstCellLeft - end.wrapLeft) > 1.5) problems.push(`the ID column moved with the scroll: its left edge at ${end.firstCellLeft}, the table's at ${end.wrapLeft}`);
      if (last.right > end.wrapRight + 1 || last.left < end.wrapLeft + end.firstCellWidth - 1) problems.push(`the last column "${last.text}" is not in view at the end (${last.left}–${last.right}, box ${end.wrapLeft}–${end.wrapRight})`);
      if (problems.length) throw new Error(problems.join('; '));
      log(`  table ${end.scrollWidth} px in a ${end.clientWidth} px box; scrolled ${end.scrollLeft} px, ID column pinned at ${end.firstCellLeft - end.wrapLeft} px`);
      await page.mouse.move(1, 1);
      await page.waitForTimeout(600);
      await shoot(join(screenshots, 'preview-wide-register.png'));
    });

    await check('the finding marker on R-009\'s row shows the finding: cursor on it, its hover, the Problems panel', async () => {
      const frame = await preview();
      const marker = frame.locator(`tr[data-line="${r009}"] .isms-finding-marker`);
      const title = (await marker.getAttribute('title')) ?? '';
      if (!/risk-score-mismatch/.test(title)) throw new Error(`the marker says "${title}"`);
      // The cursor elsewhere first, so the click is what puts it on the finding.
      await editor.click({ position: { x: 300, y: 40 } });
      await page.keyboard.press('Control+Home');
      await marker.click();
      await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'R-009' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.statusbar-item', { hasText: `Ln ${r009 + 1},` }).first().waitFor({ timeout: 10_000 });
      await page.locator('.monaco-hover:visible', { hasText: 'states a score of 16' }).first().waitFor({ timeout: 10_000 });
      const active = await page.locator('.tabs-container .tab.active').first().textContent();
      if (!active?.includes('risk-register.md')) throw new Error(`the active editor is "${active}"`);
    });
  } finally {
    await close();
  }
  return checks;
}
