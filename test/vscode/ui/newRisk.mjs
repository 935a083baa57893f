// "ISMS: New Risk…" the way a user meets it in code-server's real workbench: through its picks, the example's
// register, a description, an owner from the ISMS's own, likelihood left empty, impact 3, treatment left empty. The
// register gets the row with exactly those values (empty cells where nothing was given, no score), saved, with the
// new row selected; the hover on its ID asks for the likelihood and treatment decision; Ctrl+Z takes the row back.
// Typed by hand instead, a new row's ID cell offers the next free ID first.
//
// Each answer first waits for the quick input to ask its own question (the next prompt replaces the previous one in
// the same widget), and picks are answered by clicking their row, not by typing a filter and pressing Enter: the
// filter can still be re-rendering when Enter arrives, which is what made an earlier version of this check flaky.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';

const REGISTER = 'risk/risk-register.md';
const DESCRIPTION = 'Laptop stolen from a car exposes customer data';
const ROW = `| R-022 | ${DESCRIPTION} | Head of Security | | 3 | | | | | |`;

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function newRiskUi(server, { folder, failures, log = console.log }) {
  const { page, close, checks, check, loadChecked, palette, openFile, cursorAtId, widget, retry } = await openWorkbench(server, { log, failures, name: 'new-risk' });
  const input = page.locator(QUICK_INPUT);
  const registerText = () => readFileSync(join(folder, REGISTER), 'utf8');
  const registerLines = () => registerText().split('\n');
  const before = registerText();

  /** Waits until the quick input asks `asked` (in its placeholder or its prompt). */
  const asking = async (asked) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const visible = await input.isVisible().catch(() => false);
      const placeholder = visible ? ((await input.getAttribute('placeholder').catch(() => '')) ?? '') : '';
      const message = visible ? ((await page.locator('.quick-input-widget .quick-input-message').first().textContent().catch(() => '')) ?? '') : '';
      if (placeholder.includes(asked) || message.includes(asked)) return;
      if (Date.now() > deadline) throw new Error(`no quick input asking "${asked}" (it ${visible ? `asks "${placeholder || message}"` : 'is closed'})`);
      await page.waitForTimeout(200);
    }
  };
  /** Answers a pick asking `asked` by clicking the row whose text matches `row`. */
  const pick = async (asked, row) => {
    await asking(asked);
    const item = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: row }).first();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    await item.click();
  };
  /** Answers an input box asking `asked` with `text`, once the box holds it. */
  const type = async (asked, text) => {
    await asking(asked);
    await retry(`typing "${text}"`, 15_000, async () => {
      await input.fill(text);
      if ((await input.inputValue()) !== text) throw new Error(`the box holds "${await input.inputValue()}"`);
    });
    await page.keyboard.press('Enter');
  };

  try {
    await check('workbench loads the folder and the server has checked it', async () => {
      await loadChecked(folder);
    }, { critical: true });

    await check('New Risk appends a row to the register with the values entered and empty cells for those left empty', async () => {
      await openFile(REGISTER);
      await palette('ISMS: New Risk');
      await pick('Where does the risk go?', 'Add R-022 to Information Security Risk Register');
      await type('threat, vulnerability', DESCRIPTION);
      await pick('Risk owner', /^\s*Head of Security\s*$/);
      await pick('Likelihood, 1 to 5', 'Leave empty');
      await pick('Impact, 1 to 5', /^\s*3\s*of 5/);
      await pick('Treatment decision', 'Leave empty');
      await retry('the row saved in the register', 30_000, async () => {
        if (!registerLines().includes(ROW)) throw new Error(`the register on disk has no row "${ROW}"; its last rows:\n${registerLines().filter((l) => l.startsWith('| R-')).slice(-2).join('\n')}`);
      });
      const lines = registerLines();
      const at = lines.indexOf(ROW);
      if (!lines[at - 1].startsWith('| R-021 |')) throw new Error(`the row is not after the last risk: ${lines[at - 1]}`);
      // Nothing else changed: the register is the old one with the row inserted.
      if ([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n') !== before) throw new Error('lines other than the new row changed');
      await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'risk-register.md' }).first().waitFor({ timeout: 15_000 });
    });

    await check('the hover on the new risk\'s ID asks for the likelihood and treatment decision left empty', async () => {
      await cursorAtId(folder, REGISTER, '| R-022 |', 'R-022');
      await retry('the finding in the hover', 60_000, async () => {
        await palette('Show or Focus Hover');
        await widget('.monaco-hover', 'Risk R-022 has no likelihood or treatment decision', 5_000);
      });
      await page.keyboard.press('Escape');
    });

    await check('Ctrl+Z in the register takes the row back, leaving the file as it was', async () => {
      await page.keyboard.press('Control+Z');
      await page.locator('.tabs-container .tab.active.dirty', { hasText: 'risk-register.md' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+S');
      await retry('the row gone from the register on disk', 15_000, async () => {
        if (registerLines().includes(ROW)) throw new Error('the row is still there');
      });
      if (registerText() !== before) throw new Error('the register differs from before New Risk');
    });

    await check('typing a new row by hand, completion in its ID cell offers the next free ID first', async () => {
      await cursorAtId(folder, REGISTER, '| R-021 |', 'R-021');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('| ');
      await retry('the next free ID first in the suggestions', 30_000, async () => {
        await page.keyboard.press('Control+Space');
        const suggest = await widget('.suggest-widget', 'R-022', 5_000);
        const first = ((await suggest.locator('.monaco-list-row').first().textContent()) ?? '').replace(/\s+/g, ' ');
        if (!/R-022/.test(first)) throw new Error(`the first suggestion is "${first}"`);
        const focused = ((await suggest.locator('.monaco-list-row.focused').first().textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ');
        if (!/R-022.*next free ID/.test(focused)) throw new Error(`the focused suggestion reads "${focused}"`);
      });
      await page.keyboard.press('Enter');
      await page.locator('.part.editor .monaco-editor .view-line', { hasText: '| R-022' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
      await palette('File: Revert File');
    });
  } finally {
    await close();
  }
  return checks;
}
