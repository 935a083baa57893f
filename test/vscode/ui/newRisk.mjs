// Risks as data and the walkthrough's Preview step, the way a user meets them in code-server's real workbench:
// the walkthrough's "Open Preview to the Side" with no Markdown document open warns and leaves the step unticked;
// with the risk register open under the walkthrough's tab it previews the register and ticks the step. Then
// "ISMS: New Risk…" through its picks: the example's register, a description, an owner from the ISMS's own,
// likelihood left empty, impact 3, treatment left empty: the register gets the row with exactly those values
// (empty cells where nothing was given, no score) and the Problems panel asks for the likelihood and treatment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';

const REGISTER = 'risk/risk-register.md';
const ROW = '| R-022 | Laptop stolen from a car exposes customer data | Head of Security | | 3 | | | | | |';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function newRiskUi(server, { folder, failures, log = console.log }) {
  const { page, close, checks, check, load, extensionReady, palette, openFile, webviewFrame } = await openWorkbench(server, { log, failures, name: 'risks' });
  const notification = (text) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  const step = () => page.locator('.getting-started-step', { hasText: 'Preview a document' }).first();
  /** Whether the walkthrough shows the step as done (its checkbox icon). */
  const ticked = async () => {
    const icon = step().locator('.codicon').first();
    const cls = (await icon.getAttribute('class')) ?? '';
    return /complete|pass-filled/.test(cls) || /\bcomplete\b/.test((await step().getAttribute('class')) ?? '');
  };
  /** Clicks the step's "Open Preview to the Side" button (expanding the step first). */
  const clickPreviewButton = async () => {
    await step().waitFor({ timeout: 20_000 });
    await step().click();
    const button = page.locator('.getting-started-step.expanded, .getting-started-step', { hasText: 'Preview a document' }).locator('a, button, .monaco-button', { hasText: 'Open Preview to the Side' }).first();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await button.click();
  };
  const openWalkthrough = async () => {
    await palette('Welcome: Open Walkthrough...');
    const input = page.locator(QUICK_INPUT);
    await input.fill('Get Started with ISMS Markdown');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with ISMS Markdown' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await step().waitFor({ timeout: 30_000 });
  };

  /** Brings the walkthrough's tab to the front (its title names the walkthrough), else opens it again. */
  const showWalkthrough = async () => {
    const tab = page.locator('.tabs-container .tab', { hasText: /Walkthrough|Get Started with ISMS/ }).first();
    if (await tab.count()) await tab.click();
    else await openWalkthrough();
    await step().waitFor({ timeout: 20_000 });
  };

  /** Answers the open quick pick: waits for its placeholder (or prompt), types `text` and takes the first match. */
  const answer = async (asked, text, row = text) => {
    const input = page.locator(QUICK_INPUT);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const placeholder = (await input.getAttribute('placeholder').catch(() => '')) ?? '';
      const message = (await page.locator('.quick-input-widget .quick-input-message').first().textContent().catch(() => '')) ?? '';
      if ((await input.isVisible().catch(() => false)) && (placeholder.includes(asked) || message.includes(asked))) break;
      if (Date.now() > deadline) throw new Error(`no quick input asking "${asked}" (it asks "${placeholder || message}")`);
      await page.waitForTimeout(200);
    }
    await input.fill(text);
    if (row) await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };

  try {
    await check('workbench loads the folder and the server has checked it', async () => {
      await load(folder);
      // Under load the workspaceContains probe can time out; opening a Markdown file activates it then.
      await extensionReady(20_000).catch(async () => {
        await openFile('00-scope.md');
        await extensionReady(90_000);
        await palette('View: Close All Editors');
      });
    }, { critical: true });

    await check('the walkthrough\'s Preview step with no Markdown document open: a warning, and the step stays unticked', async () => {
      await openWalkthrough();
      if (await ticked()) throw new Error('the Preview step is ticked before anything was previewed');
      await clickPreviewButton();
      await notification('Open a Markdown document').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      if (await ticked()) throw new Error('the Preview step ticked itself although no preview opened');
      // Cleared, so that the next step's check for the warning does not see this one.
      await palette('Notifications: Clear All Notifications');
      await notification('Open a Markdown document').waitFor({ state: 'hidden', timeout: 15_000 });
    });

    await check('with the register open under the walkthrough\'s tab, the step previews the register and ticks', async () => {
      await openFile(REGISTER);
      await showWalkthrough();
      await clickPreviewButton();
      await page.locator('.tabs-container .tab', { hasText: 'Preview Information Security Risk Register' }).first().waitFor({ timeout: 30_000 });
      await webviewFrame('.isms-heatmap');
      if (await notification('Open a Markdown document').isVisible().catch(() => false)) throw new Error('the warning showed although the register was open');
      await showWalkthrough();
      const deadline = Date.now() + 15_000;
      while (!(await ticked())) {
        if (Date.now() > deadline) throw new Error('the Preview step is not ticked after the preview opened');
        await page.waitForTimeout(250);
      }
    });

    await check('New Risk appends a row to the register with the values entered and empty cells for those left empty', async () => {
      await openFile(REGISTER);
      await palette('ISMS: New Risk');
      await answer('Where does the risk go?', 'Add R-022', 'Add R-022 to Information Security Risk Register');
      await answer('threat, vulnerability', 'Laptop stolen from a car exposes customer data', '');
      await answer('Risk owner', 'Head of Security');
      await answer('Likelihood, 1 to 5', 'Leave empty');
      await answer('Impact, 1 to 5', '3');
      await answer('Treatment decision', 'Leave empty');
      const deadline = Date.now() + 20_000;
      let lines = [];
      for (;;) {
        lines = readFileSync(join(folder, REGISTER), 'utf8').split('\n');
        if (lines.includes(ROW)) break;
        if (Date.now() > deadline) throw new Error(`the register on disk has no row "${ROW}"; its last rows:\n${lines.filter((l) => l.startsWith('| R-')).slice(-2).join('\n')}`);
        await page.waitForTimeout(250);
      }
      const at = lines.indexOf(ROW);
      if (!lines[at - 1].startsWith('| R-021 |')) throw new Error(`the row is not after the last risk: ${lines[at - 1]}`);
    });

    await check('the Problems panel asks for the likelihood and treatment left empty', async () => {
      await palette('ISMS: Show Problems');
      const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
      await filter.waitFor({ state: 'visible', timeout: 15_000 });
      // The filter box can drop a fill while the panel re-renders: fill until it holds the text.
      for (let attempt = 0; attempt < 5 && (await filter.inputValue()) !== 'R-022'; attempt++) {
        await filter.fill('R-022');
        await page.waitForTimeout(200);
      }
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'Risk R-022 has no likelihood or treatment decision' }).first().waitFor({ timeout: 30_000 });
    });
  } finally {
    await close();
  }
  return checks;
}
