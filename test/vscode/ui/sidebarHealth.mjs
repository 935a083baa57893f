// Health at a glance and one Markdown experience, in code-server's real workbench with the installed extension:
//  - the Risks view marks R-009 (its stated score is not likelihood × impact, a deliberate fault) with the error
//    on its row and its count; the Scope view marks each section with the warnings inside it;
//  - the Explorer decorates the overdue policy with the ISMS's letter for overdue (O) and colours its folder;
//  - a policy's Outline is one list of headings (no "ISMS" and "Markdown Language Features" groups side by side);
//  - Find All References on a control ID in a heading lists each line once (the built-in Markdown support lists
//    the heading and the link to it, the ISMS server the control's other mentions).
// Screenshot for the README: media/screenshots/sidebar-health.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';

/** A note whose heading names a control, with a link to that heading and the ID once more on the link's line. */
const NOTE = [
  '---',
  'type: record',
  'id: REC-900',
  'title: Office cabling notes',
  'owner: Head of Security',
  '---',
  '',
  '# Office cabling notes',
  '',
  '## A.7.12 Cabling in the new office',
  '',
  'The landlord supplies the cabling.',
  '',
  'Cabling notes: see [A.7.12](#a712-cabling-in-the-new-office), and A.7.12 in the SoA.',
  '',
].join('\n');

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 */
export async function sidebarHealthUi(server, { folder, screenshots, failures, log = console.log }) {
  mkdirSync(join(folder, 'records'), { recursive: true });
  writeFileSync(join(folder, 'records', 'office-cabling-notes.md'), NOTE);
  mkdirSync(screenshots, { recursive: true });
  const { page, close, checks, check, load, extensionReady, palette, openFile, widenSidebar, shoot } = await openWorkbench(server, { log, failures, name: 'health' });
  const text = (s) => (s ?? '').replace(/\u00a0/g, ' ');
  const pane = (title) => page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
  const row = (title, needle) => pane(title).locator('.monaco-list-row', { hasText: needle }).first();
  const setExpanded = async (title, expanded) => {
    const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  };
  /** The badge VS Code draws after a decorated label (a CSS ::after), e.g. "1, O". */
  const badgeOf = (locator) => locator.locator('.monaco-icon-label').first().evaluate((el) => globalThis.getComputedStyle(el, '::after').content);

  try {
    await check('workbench loads with the example folder; the language server checks it', async () => {
      await load(folder);
      await extensionReady();
    }, { critical: true });

    await check('the Risks view shows the finding on R-009\'s row with its count', async () => {
      await page.locator('.part.activitybar .action-item a[aria-label^="ISMS"]').first().click();
      await page.locator('.part.sidebar .pane-header', { hasText: 'Risks' }).first().waitFor({ timeout: 30_000 });
      await widenSidebar(540); // room for each risk's findings after its title
      for (const title of ['Evidence Locker', 'Statement of Applicability', 'Actions']) await setExpanded(title, false);
      await setExpanded('Risks', true);
      await palette('ISMS: Filter Risks…');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      // a few rows, so the Scope view below keeps room for the screenshot.
      await input.fill('R-00');
      await page.keyboard.press('Enter');
      const r9 = row('Risks', 'R-009');
      await r9.waitFor({ timeout: 30_000 });
      const t = text(await r9.textContent());
      if (!/1 error/.test(t)) throw new Error(`R-009's row: ${t}`);
      if (!(await r9.locator('.codicon-error').count())) throw new Error('R-009 has no error icon');
      const r1 = text(await row('Risks', 'R-001').textContent());
      if (/error|warning/.test(r1)) throw new Error(`R-001 has no finding, but its row says: ${r1}`);
    });

    await check('the Scope view shows the warnings inside each section, and the document never plainer', async () => {
      await setExpanded('Scope', true);
      const statement = row('Scope', 'Scope statement');
      await statement.waitFor({ timeout: 30_000 });
      // Give the Scope view the Risks view's empty space: drag the sash above the (folded) Actions view up.
      const actionsHeader = await page.locator('.part.sidebar .pane-header', { hasText: /^Actions/ }).first().boundingBox();
      const lastRisk = await row('Risks', 'R-005').boundingBox();
      if (actionsHeader && lastRisk && actionsHeader.y - (lastRisk.y + lastRisk.height) > 40) {
        await page.mouse.move(actionsHeader.x + 100, actionsHeader.y - 1);
        await page.mouse.down();
        await page.mouse.move(actionsHeader.x + 100, lastRisk.y + lastRisk.height + 12, { steps: 8 });
        await page.mouse.up();
      }
      await row('Scope', 'Management approval').waitFor({ timeout: 15_000 });
      await page.mouse.move(1, 1);
      await page.waitForTimeout(500);
      const box = await page.locator('.part.sidebar').boundingBox();
      await shoot(join(screenshots, 'sidebar-health.png'), box ?? undefined);
      for (const [name, want] of [['Scope statement', /1 warning/], ['Management approval', /1 warning/], ['Interfaces and dependencies', /missing/]]) {
        const t = text(await row('Scope', name).textContent());
        if (!want.test(t)) throw new Error(`${name}: ${t}`);
      }
      const boundaries = row('Scope', 'Boundaries');
      if (!(await boundaries.locator('.codicon-pass').count())) throw new Error(`the boundaries (no finding) are not marked clean: ${text(await boundaries.textContent())}`);
      const doc = row('Scope', 'ISMS Scope');
      if (!(await doc.locator('.codicon-warning, .codicon-error').count())) throw new Error(`the scope document is plainer than its sections: ${text(await doc.textContent())}`);
    });

    await check('the Explorer marks the overdue policy (O) and colours its folder', async () => {
      await palette('View: Show Explorer');
      const policies = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^policies$/ }).first();
      await policies.waitFor({ timeout: 15_000 });
      if ((await policies.getAttribute('aria-expanded')) !== 'true') await policies.click();
      const bcp = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'business-continuity-policy.md' }).first();
      await bcp.waitFor({ timeout: 15_000 });
      const deadline = Date.now() + 30_000;
      let badge = await badgeOf(bcp);
      while (!/\bO\b/.test(badge) && Date.now() < deadline) {
        await page.waitForTimeout(500);
        badge = await badgeOf(bcp);
      }
      if (!/\bO\b/.test(badge)) throw new Error(`the overdue policy's badge is ${badge}`);
      const ok = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'information-security-policy.md' }).first();
      if (/\bO\b|\bP\b/.test(await badgeOf(ok))) throw new Error('a policy without findings has an ISMS badge');
      const folderClass = (await policies.locator('.monaco-icon-label').first().getAttribute('class')) ?? '';
      if (!/monaco-decoration-itemColor/.test(folderClass)) throw new Error(`the policies folder is not coloured: ${folderClass}`);
    });

    await check('a policy\'s Outline is one list of its headings, not two groups', async () => {
      await openFile('policies/access-control-policy.md');
      await palette('Explorer: Focus on Outline View');
      const outline = pane('Outline');
      await outline.locator('.monaco-list-row', { hasText: 'Authentication' }).first().waitFor({ timeout: 30_000 });
      // Both providers' answers arrive; give the second one time to add its group if it were going to.
      await page.waitForTimeout(2_000);
      const rows = (await outline.locator('.monaco-list-row').allTextContents()).map((r) => text(r).trim());
      const groups = rows.filter((r) => /^(ISMS|Markdown Language Features)$/.test(r));
      if (groups.length) throw new Error(`the outline shows groups ${groups.join(', ')}: ${rows.slice(0, 12).join(' | ')}`);
      const headings = rows.filter((r) => /Access Control Policy|Principles|Identities/.test(r));
      if (new Set(headings).size !== headings.length) throw new Error(`a heading is listed twice: ${headings.join(' | ')}`);
    });

    await check('Find All References on a control ID in a heading lists each line once', async () => {
      await openFile('records/office-cabling-notes.md');
      await page.keyboard.press('Control+G');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(':10:6'); // inside "A.7.12" of "## A.7.12 Cabling in the new office"
      await page.keyboard.press('Enter');
      await page.locator('.statusbar-item', { hasText: 'Ln 10, Col 6' }).first().waitFor({ timeout: 10_000 });
      // Find All References (the References view lists every answer; Peek, Shift+F12, leaves out a declaration
      // with a single use, per provider, as VS Code does).
      await page.keyboard.press('Shift+Alt+F12');
      // The References view replaces the Explorer in the side bar: its rows are the visible ones.
      const visibleRows = page.locator('.part.sidebar .monaco-list-row:visible');
      await page.locator('.part.sidebar .monaco-list-row:visible', { hasText: 'a712-cabling-in-the-new-office' }).first().waitFor({ timeout: 30_000 });
      // Let the slower provider's answer arrive too.
      await page.waitForTimeout(2_000);
      const rows = (await visibleRows.allTextContents()).map(text);
      const heading = rows.filter((r) => r.includes('Cabling in the new office'));
      const link = rows.filter((r) => r.includes('a712-cabling-in-the-new-office'));
      if (heading.length !== 1 || link.length !== 1) throw new Error(`the heading is listed ${heading.length} times, the link's line ${link.length} times: ${rows.join(' | ')}`);
      // The control's own row in the SoA (the ISMS server's answer) is there too.
      if (!rows.some((r) => r.includes('statement-of-applicability.md'))) throw new Error(`the SoA is not listed: ${rows.join(' | ')}`);
    });
  } finally {
    await close();
  }
  return checks;
}
