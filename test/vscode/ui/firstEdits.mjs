// The first edits in an existing ISMS, in code-server's real workbench, driven through chromium like a user:
//  - start-up: the ISMS status item reads "indexing" until the first check answers, never a clean-looking "0 0";
//  - a frontmatter slip (an unquoted ": " in a title) is explained in plain words and quoted by a quick fix;
//  - a risk score that is not likelihood × impact is corrected by a quick fix;
//  - an ISO/IEC 42001 control used while its catalog is off: a quick fix enables the catalog in .isms.yaml;
//  - the preview's heat map names its axes (Likelihood, Impact).
// Edits are reverted, never saved, except .isms.yaml, which is written back as it was.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench } from '../lib/workbench.mjs';

const POLICY = 'policies/access-control-policy.md';
const REGISTER = 'risk/risk-register.md';
const AI_POLICY = 'policies/ai-system-policy.md';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 */
/** The texts of every "ISMS Markdown" output channel log under a code-server's user-data folder. */
function outputLogs(userData) {
  const texts = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/ISMS Markdown\.log$/.test(entry.name)) texts.push(readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  if (existsSync(join(userData, 'logs'))) walk(join(userData, 'logs'));
  return texts;
}

export async function firstEditsUi(server, { folder, failures, log = console.log }) {
  const { page, close, checks, check, load, palette, openFile, goTo, cursorAtId, widget, quickFixMenu, revert, retry, webviewFrame } = await openWorkbench(server, { log, failures, name: 'first-edits' });
  const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
  const viewLine = (needle, timeout = 20_000) => editor.locator('.view-line', { hasText: needle }).first().waitFor({ timeout });
  /** Ctrl+. at the cursor, then the quick fix titled `title` from the menu. */
  const quickFix = async (title) => {
    const menu = await quickFixMenu(title);
    await menu.locator('.monaco-list-row', { hasText: title }).first().click();
  };

  try {
    await check('start-up: the status item reads "indexing" until the first check, then the counts, never "0 0" first; the Evidence Locker is never a blank pane; one workspace load', async () => {
      // Records every text of the ISMS status item from the first paint of the workbench.
      await page.addInitScript(`(() => {
        const seen = [];
        window.__ismsStatus = seen;
        setInterval(() => {
          const item = [...document.querySelectorAll('.statusbar-item')].map((e) => e.textContent ?? '').find((t) => /ISMS/.test(t));
          if (item !== undefined && seen[seen.length - 1] !== item) seen.push(item);
          // And what the Evidence Locker's pane shows once open: rows, the welcome text, a progress bar, or nothing.
          const pane = [...document.querySelectorAll('.part.sidebar .pane')].find((p) => p.querySelector('.pane-header')?.textContent?.includes('Evidence Locker'));
          const body = pane?.querySelector('.pane-body');
          if (!body || !body.getBoundingClientRect().height) return;
          const welcome = body.querySelector('.welcome-view-content');
          const state = body.querySelector('.monaco-list-row') ? 'rows' : welcome ? \`welcome "\${(welcome.textContent ?? '').slice(0, 40)}"\` : pane.querySelector('.monaco-progress-container.active') ? 'progress' : 'blank';
          const panes = (window.__ismsPane ??= []);
          if (panes[panes.length - 1]?.state !== state) panes.push({ state, at: Date.now() });
        }, 25);
      })()`);
      await load(folder);
      // The ISMS sidebar opened at once, while the server may still be starting and indexing.
      await page.locator('.part.activitybar .action-item [aria-label^="ISMS"], .part.activitybar .action-item[aria-label^="ISMS"]').first().click();
      await page.locator('.statusbar-item', { hasText: /ISMS\s+\d+\s+\d+/ }).first().waitFor({ timeout: 120_000 });
      await page.locator('.part.sidebar .pane-body .monaco-list-row', { hasText: 'ISMS scope' }).first().waitFor({ timeout: 60_000 });
      /** @type {{ state: string, at: number }[]} */
      const panes = await page.evaluate('window.__ismsPane ?? []');
      // A pane can be empty for a frame or two while it renders; blank for a second or more is what users saw.
      const blank = panes.map((p, i) => (p.state === 'blank' ? (panes[i + 1]?.at ?? Date.now()) - p.at : 0)).reduce((a, b) => Math.max(a, b), 0);
      log(`  Evidence Locker from opening: ${panes.map((p) => `${p.state} +${p.at - panes[0].at} ms`).join(', ')}`);
      if (blank >= 1000) throw new Error(`the Evidence Locker was blank for ${blank} ms before it filled: ${JSON.stringify(panes)}`);
      // Never "no ISMS here" about the ISMS being read.
      const wrong = panes.find((p) => /No ISMS|No folder/.test(p.state));
      if (wrong) throw new Error(`the Evidence Locker said ${wrong.state} while the ISMS was read`);
      await palette('View: Show Explorer');
      // One workspace load at start-up (clients send the configuration twice; each used to reload): the server's
      // "loaded <folder>:" lines in the extension's output channel, as code-server writes it to its logs folder.
      const loads = () => outputLogs(server.userData).flatMap((text) => text.split('\n')).filter((l) => l.startsWith(`loaded ${folder}:`));
      await retry('the server\'s load in the output channel\'s log', 30_000, async () => {
        if (!loads().length) throw new Error('no "loaded" line yet');
      });
      await page.waitForTimeout(2_000);
      if (loads().length !== 1) throw new Error(`the folder was loaded ${loads().length} times: ${loads().join(' | ')}`);
      /** @type {string[]} */
      const seen = await page.evaluate('window.__ismsStatus');
      const counts = seen.findIndex((t) => /ISMS\s+\d+\s+\d+/.test(t));
      if (!seen.slice(0, counts).some((t) => /indexing/.test(t))) throw new Error(`no "indexing" state before the counts: ${JSON.stringify(seen)}`);
      if (/ISMS\s+0\s+0/.test(seen[counts])) throw new Error(`the first counts were 0 0 on an ISMS with faults: ${JSON.stringify(seen)}`);
    }, { critical: true });

    await check('an unquoted ": " in a title is explained in plain words, and a quick fix quotes the value', async () => {
      await cursorAtId(folder, POLICY, 'title: Access Control Policy', 'Policy');
      await page.keyboard.press('End');
      await page.keyboard.type(': the rules');
      for (let i = 0; i < ': the rules'.length; i++) await page.keyboard.press('ArrowLeft'); // onto the ":"
      await retry('the plain-words explanation in the hover', 60_000, async () => {
        await palette('Show or Focus Hover');
        await widget('.monaco-hover', 'which YAML reads as the start of another field', 5_000);
      });
      await page.keyboard.press('Escape');
      await quickFix('Quote the value of title');
      await viewLine('title: "Access Control Policy: the rules"');
      await revert();
    });

    await check('a risk score that is not likelihood × impact: a quick fix corrects it', async () => {
      const line = readFileSync(join(folder, REGISTER), 'utf8').split('\n').findIndex((l) => l.startsWith('| R-009 |'));
      const cells = readFileSync(join(folder, REGISTER), 'utf8').split('\n')[line];
      await openFile(REGISTER);
      // The Score cell, the sixth: "| 16 |".
      await goTo(line + 1, cells.indexOf('| 16 |') + 3);
      await quickFix('Correct the score to 20 (likelihood × impact)');
      await viewLine('| 4 | 5 | 20 |');
      await revert();
    });

    await check('an ISO/IEC 42001 control while its catalog is off: a quick fix enables the catalog in .isms.yaml', async () => {
      const config = join(folder, '.isms.yaml');
      const original = readFileSync(config, 'utf8');
      writeFileSync(config, original.replace('catalogs: [iso27001-2022, iso42001-2023]', 'catalogs: [iso27001-2022]'));
      try {
        await cursorAtId(folder, AI_POLICY, 'controls: [', '42001:A.2.2');
        await quickFix('Enable the ISO/IEC 42001 catalog in .isms.yaml');
        await openFile('.isms.yaml');
        await viewLine('iso42001-2023');
        await revert();
      } finally {
        writeFileSync(config, original);
      }
    });

    await check('the preview\'s heat map names its axes: Likelihood along the bottom, Impact up the side', async () => {
      await openFile(REGISTER);
      await palette('ISMS: Open Preview to the Side');
      const frame = await webviewFrame('.isms-heat-title-likelihood', 60_000);
      const likelihood = await frame.locator('.isms-heat-title-likelihood').first().textContent();
      const table = (await frame.locator('table:has(.isms-heat-title-likelihood)').first().textContent()) ?? '';
      if (likelihood?.trim() !== 'Likelihood' || !/Impact/.test(table)) throw new Error(`axis titles: "${likelihood}", table: ${table.slice(0, 200)}`);
    });
  } finally {
    await close();
  }
  return checks;
}
