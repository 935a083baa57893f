// UI checks of the INSTALLED extension in code-server's real workbench, driven through chromium like a user: the
// ISMS container in the activity bar, its views with rows, a click from the SoA tree into the document, the
// preview webview with resolved control titles and the risk heat map, the status bar item. Takes the screenshots
// the README shows (sidebar.png, preview.png, risk-heatmap.png).
import { join } from 'node:path';
import { openWorkbench } from '../lib/workbench.mjs';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function ismsViewsUi(server, { folder, screenshots, failures, log = console.log }) {
  const { page, close, checks, check, load, palette, openFile, webviewFrame: previewFrame, widenSidebar, shoot } = await openWorkbench(server, { log, failures, name: 'views' });
  const shots = {
    sidebar: join(screenshots, 'sidebar.png'),
    preview: join(screenshots, 'preview.png'),
    heatmap: join(screenshots, 'risk-heatmap.png'),
  };

  /** Scrolls a virtualised tree until a row with `text` is rendered. */
  const scrollToRow = async (title, text) => {
    const target = row(title, text);
    const list = pane(title).locator('.monaco-list').first();
    for (let i = 0; i < 40 && (await target.count()) === 0; i++) {
      await list.hover();
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(100);
    }
    await target.waitFor({ timeout: 5_000 });
    // Rows render a little beyond the visible area: bring it well inside, away from hovers.
    const listBox = await list.boundingBox();
    for (let i = 0; i < 10; i++) {
      const box = await target.boundingBox();
      if (!box || !listBox || box.y + box.height <= listBox.y + listBox.height - 40) break;
      await list.hover({ position: { x: 10, y: 10 } });
      await page.mouse.wheel(0, 60);
      await page.waitForTimeout(100);
    }
    await page.mouse.move(1, 1);
    await page.waitForTimeout(300);
    return target;
  };
  const pane = (title) => page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
  const row = (title, text) => pane(title).locator('.monaco-list-row', { hasText: text }).first();

  try {
    await check('workbench loads with the example folder', async () => {
      await load(folder);
    }, { critical: true });

    await check('the activity bar has the ISMS container, and it opens', async () => {
      const item = page.locator('.part.activitybar .action-item [aria-label^="ISMS"], .part.activitybar .action-item[aria-label^="ISMS"]').first();
      await item.waitFor({ timeout: 60_000 });
      await item.click();
      await page.locator('.part.sidebar .pane-header', { hasText: 'Evidence Locker' }).first().waitFor({ timeout: 15_000 });
      // A wider side bar, so the screenshots show the descriptions (owner, review state, SoA status).
      await widenSidebar(430);
    }, { critical: true });

    await check('Evidence Locker shows the mandatory documents as tree rows', async () => {
      await row('Evidence Locker', 'ISMS scope').waitFor({ timeout: 60_000 });
      await row('Evidence Locker', 'Statement of Applicability').waitFor({ timeout: 5_000 });
      const text = (await pane('Evidence Locker').locator('.monaco-list-row').allTextContents()).join('\n');
      if (!/clause 4\.3/.test(text)) throw new Error(`no clause in the rows: ${text.slice(0, 300)}`);
    });

    await check('Statement of Applicability shows the four themes', async () => {
      for (const theme of ['Organizational', 'People', 'Physical', 'Technological']) await row('Statement of Applicability', theme).waitFor({ timeout: 30_000 });
    });

    await check('Risks shows the risks, highest score first', async () => {
      const first = pane('Risks').locator('.monaco-list-row').first();
      await first.waitFor({ timeout: 30_000 });
      const text = await first.textContent();
      if (!/R-\d+/.test(text) || !/score (20|16)/.test(text)) throw new Error(`first risk row: ${text}`);
    });

    await check('the status bar shows the ISMS counts', async () => {
      await page.locator('.statusbar-item', { hasText: 'ISMS' }).first().waitFor({ timeout: 30_000 });
    });

    await check('a click on a control in the SoA tree opens the SoA at its row', async () => {
      // Five views share the side bar: fold the Actions view so the SoA's rows are not under its sticky theme row.
      const actions = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^Actions/ });
      if (await actions.count()) await actions.first().click();
      await row('Statement of Applicability', 'Technological').click();
      const control = await scrollToRow('Statement of Applicability', 'A.8.25 Secure development life cycle');
      await control.click({ position: { x: 120, y: 14 } });
      await page.locator('.tabs-container .tab', { hasText: 'statement-of-applicability.md' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .view-line', { hasText: '| A.8.25 | Secure development life cycle |' }).first().waitFor({ timeout: 10_000 });
      // Show an overdue policy in the locker for the screenshot.
      await (await scrollToRow('Evidence Locker', 'Other policies')).click({ position: { x: 120, y: 8 } });
      await scrollToRow('Evidence Locker', 'POL-009');
      await page.waitForTimeout(800);
      await shoot(shots.sidebar);
    });

    await check('the preview opens beside the editor with control references resolved to their titles', async () => {
      await openFile('procedures/secure-sdlc.md');
      // The editor and the preview get the width: hide the side bar.
      await palette('View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      await palette('ISMS: Open Preview to the Side');
      const frame = await previewFrame('.isms-card');
      await frame.locator('.isms-ref-title', { hasText: 'Secure development life cycle' }).first().waitFor({ timeout: 15_000 });
      await frame.locator('.isms-card-title', { hasText: 'Secure Development Lifecycle and Code Review Procedure' }).waitFor({ timeout: 5_000 });
      await page.locator('.tabs-container .tab', { hasText: 'Preview Secure Development' }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      await shoot(shots.preview);
    });

    await check('a click on a control in the preview opens its SoA row (message from the webview, nonce\'d script)', async () => {
      const frame = await previewFrame('.isms-card');
      await frame.locator('.isms-card-refs a.isms-ref', { hasText: 'A.8.25' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'statement-of-applicability.md' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .view-line', { hasText: '| A.8.25 | Secure development life cycle |' }).first().waitFor({ timeout: 10_000 });
    });

    await check('the preview follows the editor to the risk register and shows the heat map', async () => {
      await page.locator('.editor-group-container').first().click({ position: { x: 200, y: 200 } }).catch(() => {});
      await openFile('risk/risk-register.md');
      const frame = await previewFrame('.isms-heatmap');
      await frame.locator('.isms-heat-cell .isms-ref', { hasText: 'R-009' }).first().waitFor({ timeout: 10_000 });
      await frame.locator('.isms-summary-title').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(500);
      await shoot(shots.heatmap);
    });
  } finally {
    await close();
  }
  return checks;
}
