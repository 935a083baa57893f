// UI check of the Actions view and the audit-depth additions in the real workbench: every open action of the
// example ISMS grouped by where it was decided, the group with the overdue action first and the overdue action
// first in it, a click opening the action's row; the objectives with their status under the Evidence Locker's
// objectives item; the status bar counting the overdue action with the overdue reviews.
import { openWorkbench } from '../lib/workbench.mjs';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 */
export async function actionsViewUi(server, { folder, failures, log = console.log }) {
  const { page, close, checks, check, load, widenSidebar } = await openWorkbench(server, { log, failures, name: 'actions', viewport: { width: 1400, height: 1000 } });
  const pane = (title) => page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
  const rows = (title) => pane(title).locator('.monaco-list-row');
  const row = (title, text) => pane(title).locator('.monaco-list-row', { hasText: text }).first();
  /** Expands a view's pane when it is collapsed (the side bar has more views than room). */
  const expand = async (title) => {
    const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  };
  const collapse = async (title) => {
    const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  };

  let overdueActions = 0;
  try {
    await check('workbench loads with the example folder', async () => {
      await load(folder);
    }, { critical: true });

    await check('the ISMS container shows an Actions view', async () => {
      const item = page.locator('.part.activitybar .action-item [aria-label^="ISMS"], .part.activitybar .action-item[aria-label^="ISMS"]').first();
      await item.waitFor({ timeout: 60_000 });
      await item.click();
      await widenSidebar(480);
      // Room for the Actions view: the other trees folded away.
      for (const title of ['Statement of Applicability', 'Risks']) await collapse(title);
      await expand('Actions');
    }, { critical: true });

    await check('Actions lists open actions by the document that decided them, the overdue one first', async () => {
      await row('Actions', 'ACT-9').waitFor({ timeout: 60_000 });
      const texts = await rows('Actions').allTextContents();
      const first = texts.findIndex((t) => /REC-004|Nonconformity and Corrective Action Log/.test(t));
      if (first !== 0) throw new Error(`the group with the overdue action is not first: ${texts.slice(0, 4).join(' | ')}`);
      // The editor runs on the real date: ACT-9 (due 2026-10-31) is overdue by at least 21 days.
      const days = Number(/overdue (\d+) days?/.exec(texts[1])?.[1]);
      if (!/ACT-9/.test(texts[1]) || !(days >= 21)) throw new Error(`first action row: ${texts[1]}`);
      overdueActions = texts.filter((t) => /· overdue \d+ days?$/.test(t)).length;
      const all = texts.join('\n');
      for (const id of ['ACT-4', 'ACT-6', 'ACT-10']) if (!all.includes(id)) throw new Error(`${id} (open) missing: ${all.slice(0, 500)}`);
      for (const id of ['ACT-1 ', 'ACT-5 ', 'ACT-7 ']) if (all.includes(id)) throw new Error(`${id.trim()} is done and must not be listed`);
    });

    await check('a click on an action opens its row', async () => {
      await row('Actions', 'ACT-9').click({ position: { x: 140, y: 8 } });
      await page.locator('.tabs-container .tab.active', { hasText: 'nonconformity-corrective-action-log.md' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .view-line', { hasText: '| ACT-9 | Rotate the Helion Compute cluster API tokens' }).first().waitFor({ timeout: 10_000 });
    });

    await check('the Evidence Locker lists the objectives with their status', async () => {
      await collapse('Actions');
      await expand('Evidence Locker');
      await row('Evidence Locker', 'Information security objectives').click({ position: { x: 140, y: 8 } });
      const stale = row('Evidence Locker', 'O6 Weights can always be recovered');
      await stale.waitFor({ timeout: 15_000 });
      const staleText = await stale.textContent();
      if (!/measurement overdue/.test(staleText)) throw new Error(`O6 row: ${staleText}`);
      const vague = await row('Evidence Locker', 'O9 ').textContent();
      if (!/not measurable/.test(vague)) throw new Error(`O9 row: ${vague}`);
    });

    await check('the status bar counts the overdue action with the overdue reviews', async () => {
      // On the real date more may be overdue than on the demo date: the count must be the overdue reviews plus
      // the overdue actions the Actions view showed, as the tooltip breaks it down.
      const item = page.locator('.statusbar-item', { hasText: 'ISMS' }).first();
      await item.waitFor({ timeout: 30_000 });
      const text = await item.textContent();
      const total = Number(/(\d+) overdue/.exec(text)?.[1]);
      await item.hover();
      const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'overdue action' }).first();
      await hover.waitFor({ timeout: 10_000 });
      const tip = await hover.textContent();
      const reviews = Number(/(\d+) overdue reviews?/.exec(tip)?.[1]);
      const actions = Number(/(\d+) overdue actions?/.exec(tip)?.[1]);
      if (!(actions >= 1) || actions !== overdueActions || total !== reviews + actions) throw new Error(`status bar "${text}", tooltip "${tip}", Actions view ${overdueActions} overdue`);
      await page.mouse.move(1, 1);
    });
  } finally {
    await close();
  }
  return checks;
}
