// The two adoption commands the way a user runs them, dialogs included, in code-server's real workbench:
// "ISMS: Initialise Workspace" on a folder without .isms.yaml (the proposal opens as a diff, Accept in the editor's
// title bar writes the file, the server checks again) and "ISMS: Export Audit Pack" through the folder dialog (VS Code's
// simple file dialog in the browser) into an empty folder beside the workspace, with every format ticked in the
// formats pick, then once more with Excel alone (replacing the first pack). Between them "ISMS: New Document…"
// through its prompts beside a user's file of the same name, taken back with Ctrl+Z. The extension-host suite runs
// the same commands with arguments (suite/adoption.test.ts, workflow.test.ts); this proves the interactive path.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';
const DIALOG = '.monaco-dialog-box';

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function adoptionCommandsUi(server, { folder, failures, log = console.log }) {
  // A folder as a team brings it: the example without its configuration file.
  const config = join(folder, '.isms.yaml');
  rmSync(config, { force: true });
  const packDir = join(dirname(folder), `${folder.split('/').pop()}-pack`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir);

  const { page, close, checks, check, load, extensionReady, palette } = await openWorkbench(server, { log, failures, name: 'adoption' });
  /** Polls `probe` until it returns true. */
  const until = async (what, timeoutMs, probe) => {
    const deadline = Date.now() + timeoutMs;
    while (!probe()) {
      if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
      await page.waitForTimeout(250);
    }
  };
  const notification = (text) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();

  try {
    await check('workbench loads the folder and the server has checked it', async () => {
      await load(folder);
      await extensionReady(60_000);
    }, { critical: true });

    await check('Initialise Workspace shows the proposed .isms.yaml as a diff and writes it when accepted', async () => {
      await palette('ISMS: Initialise Workspace');
      await page.locator('.tabs-container .tab', { hasText: 'Proposed .isms.yaml' }).first().waitFor({ timeout: 30_000 });
      const review = notification('Write the proposed .isms.yaml');
      await review.waitFor({ timeout: 15_000 });
      const text = await review.textContent();
      if (!/46 of 47 Markdown files/.test(text ?? '')) throw new Error(`the review says: ${text}`);
      // Nothing is written before the answer.
      if (existsSync(config)) throw new Error('.isms.yaml was written before the user answered');
      await page.locator('.editor-actions a[aria-label^="Accept Proposed Configuration"]').first().click();
      await until('.isms.yaml written', 15_000, () => existsSync(config));
      await notification('Wrote .isms.yaml').waitFor({ timeout: 15_000 });
      // The example mentions ISO/IEC 42001, so the proposal enables its catalog (as `isms init` does).
      const yaml = readFileSync(config, 'utf8');
      if (!/^catalogs:\n(\s+- [\w-]+\n)*\s+- iso42001-2023$/m.test(yaml)) throw new Error(`unexpected .isms.yaml:\n${yaml.slice(0, 300)}`);
    });

    await check('New Document through its prompts keeps an existing file of the same name, and Ctrl+Z takes the new one back', async () => {
      // The user's own file where the new policy would go: CRLF, a tab, no final newline; it must stay byte for byte.
      const theirs = join(folder, 'policies', 'clean-desk-policy.md');
      const bytes = '---\r\ntype: policy\r\nid: POL-900\r\ntitle: Clean Desk\r\nowner: Office Manager\r\n---\r\n\r\n# Clean Desk\r\n\r\n-\tClear desks at night.';
      writeFileSync(theirs, bytes);
      const created = join(folder, 'policies', 'clean-desk-policy-2.md');
      try {
        await page.keyboard.press('Escape');
        await palette('ISMS: New Document');
        const input = page.locator(QUICK_INPUT);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Topic-specific policy' }).first();
        await row.waitFor({ timeout: 15_000 });
        await row.click();
        for (const [prompt, answer] of [['Title', 'Clean Desk Policy'], ['Owner', undefined]]) {
          await page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).first().waitFor({ timeout: 15_000 });
          if (answer) await input.fill(answer);
          await page.keyboard.press('Enter');
        }
        // Created, then filled and saved by the same edit.
        await until('the new policy written and saved beside the existing file', 30_000, () => existsSync(created) && readFileSync(created, 'utf8').startsWith('---\ntype: policy\n'));
        await page.locator('.tabs-container .tab.active', { hasText: 'clean-desk-policy-2.md' }).first().waitFor({ timeout: 15_000 });
        if (readFileSync(theirs, 'utf8') !== bytes) throw new Error('the existing clean-desk-policy.md changed');
        // Ctrl+Z in the new document's editor undoes the command: the file goes again.
        await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Z');
        await until('Ctrl+Z to take the new policy back', 15_000, () => !existsSync(created));
        if (readFileSync(theirs, 'utf8') !== bytes) throw new Error('the existing clean-desk-policy.md changed');
      } finally {
        await page.keyboard.press('Escape');
        await palette('View: Revert and Close Editor').catch(() => undefined);
        rmSync(theirs, { force: true });
      }
    });

    /** Runs the command through its dialogs: the folder, then the formats pick with only `formats` ticked. */
    const exportThroughDialogs = async (formats) => {
      await page.keyboard.press('Escape');
      await palette('ISMS: Export Audit Pack');
      // In the browser, VS Code's own file dialog: a quick input whose text is a path.
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      // The dialog fills in its default folder once it has listed it, which can overwrite a path typed too early.
      for (let attempt = 0; attempt < 3; attempt++) {
        await input.fill(`${packDir}/`);
        await page.waitForTimeout(500);
        if ((await input.inputValue()) === `${packDir}/`) break;
      }
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Export Here' }).first().click();
      // The formats: a multi-select pick with all three ticked.
      const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Excel' }).first().waitFor({ timeout: 15_000 });
      for (const label of ['HTML', 'PDF', 'Excel']) {
        if (formats.includes(label)) continue;
        const box = rows.filter({ hasText: label }).first().locator('input[type=checkbox], .quick-input-list-checkbox, .monaco-custom-toggle').first();
        // Ticked items re-render when one changes: click until this one shows unticked.
        for (let attempt = 0; attempt < 3; attempt++) {
          await box.click();
          await page.waitForTimeout(400);
          const checked = (await box.getAttribute('aria-checked')) ?? String(await box.isChecked().catch(() => false));
          if (checked === 'false') break;
        }
      }
      const selected = await page.locator('.quick-input-widget .quick-input-count').first().textContent().catch(() => '');
      if (!selected?.includes(`${formats.length} Selected`)) throw new Error(`the pick says "${selected}", not ${formats.length} selected`);
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
    };
    const areaFiles = (area) => (existsSync(join(packDir, area)) ? readdirSync(join(packDir, area)) : []);

    await check('Export Audit Pack asks for a folder and the formats, and writes HTML, PDFs and workbooks there', async () => {
      await exportThroughDialogs(['HTML', 'PDF', 'Excel']);
      await until('manifest.json written into the chosen folder', 180_000, () => existsSync(join(packDir, 'manifest.json')));
      await notification('Exported the audit pack').waitFor({ timeout: 30_000 });
      const html = readFileSync(join(packDir, 'index.html'), 'utf8');
      if (!html.includes('<title>ISMS evidence pack: ')) throw new Error('index.html is not an evidence pack');
      if (!/Statement of Applicability/.test(html)) throw new Error('the pack has no Statement of Applicability');
      if (!areaFiles('1-scope-and-context').includes('00-scope.pdf')) throw new Error(`no scope PDF: ${areaFiles('1-scope-and-context')}`);
      const risk = areaFiles('3-risk-assessment-and-treatment');
      for (const f of ['soa-statement-of-applicability.pdf', 'statement-of-applicability.xlsx', 'risk-register.xlsx']) if (!risk.includes(f)) throw new Error(`no ${f}: ${risk}`);
      if (!readFileSync(join(packDir, '1-scope-and-context', '00-scope.pdf')).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('00-scope.pdf is not a PDF');
      if (!existsSync(join(packDir, 'findings.xlsx'))) throw new Error('no findings.xlsx');
    });

    await check('Export Audit Pack with Excel alone replaces the pack with the workbooks only', async () => {
      await exportThroughDialogs(['Excel']);
      const dialog = page.locator(DIALOG);
      await dialog.waitFor({ timeout: 30_000 });
      await dialog.locator('.monaco-button', { hasText: 'Replace' }).click();
      await until('the HTML pack replaced by the workbooks', 120_000, () => !existsSync(join(packDir, 'index.html')) && existsSync(join(packDir, 'manifest.json')));
      await notification('Exported the audit pack').waitFor({ timeout: 30_000 });
      const entries = readdirSync(packDir).sort().join(', ');
      if (entries !== '3-risk-assessment-and-treatment, findings.xlsx, manifest.json') throw new Error(`the folder holds ${entries}`);
      if (areaFiles('3-risk-assessment-and-treatment').join(', ') !== 'risk-register.xlsx, statement-of-applicability.xlsx') throw new Error(`${areaFiles('3-risk-assessment-and-treatment')}`);
    });

    await check('Cancel on the export\'s progress leaves no file of it, and says so', async () => {
      rmSync(packDir, { recursive: true, force: true });
      mkdirSync(packDir);
      await exportThroughDialogs(['HTML', 'PDF']);
      // The progress notification shows before the request goes out; the example's PDFs take a second or two.
      await notification('Exporting the audit pack').locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: 30_000 });
      await notification('The export was cancelled; no file of it is left in').waitFor({ timeout: 30_000 });
      const left = existsSync(packDir) ? readdirSync(packDir, { recursive: true }) : [];
      if (left.length) throw new Error(`the folder holds ${left.join(', ')}`);
    });
  } finally {
    await close();
    rmSync(packDir, { recursive: true, force: true });
  }
  return checks;
}
