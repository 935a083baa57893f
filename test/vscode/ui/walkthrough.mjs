// The walkthrough's Preview step, the way a user meets it in code-server's real workbench: "Open Preview to the
// Side" with no Markdown document open warns and leaves the step unticked; with the risk register open under the
// walkthrough's tab it previews the register and ticks the step. (New Risk has a check of its own: newRisk.mjs.)
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';

const REGISTER = 'risk/risk-register.md';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function walkthroughUi(server, { folder, failures, log = console.log }) {
  const { page, close, checks, check, loadChecked, palette, openFile, webviewFrame } = await openWorkbench(server, { log, failures, name: 'walkthrough' });
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

  try {
    await check('workbench loads the folder and the server has checked it', async () => {
      await loadChecked(folder);
    }, { critical: true });

    await check('the walkthrough\'s Preview step with no Markdown document open: a warning, and the step stays unticked', async () => {
      await openWalkthrough();
      if (await ticked()) throw new Error('the Preview step is ticked before anything was previewed');
      await clickPreviewButton();
      await notification('Open a Markdown document').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      if (await ticked()) throw new Error('the Preview step ticked itself although no preview opened');
      // Closed with its own clear button, so that the next step's check for the warning does not see this one.
      const toast = notification('Open a Markdown document');
      await toast.hover();
      await toast.locator('.codicon-notifications-clear').first().click();
      await toast.waitFor({ state: 'hidden', timeout: 15_000 });
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
  } finally {
    await close();
  }
  return checks;
}
