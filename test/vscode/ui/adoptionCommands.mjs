// The two adoption commands the way a user runs them, dialogs included, in code-server's real workbench:
// "ISMS: Initialise Workspace" on a folder without .isms.yaml (the proposal opens as a diff, Accept in the editor's
// title bar writes the file, the server checks again) and "ISMS: Export Audit Pack" through the folder dialog (VS Code's
// simple file dialog in the browser) into an empty folder beside the workspace, with every format ticked in the
// formats pick, then once more with Excel alone (replacing the first pack). The extension-host suite runs the
// same commands with arguments (suite/adoption.test.ts); this proves the interactive path.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

    /** Runs the command through its dialogs: the folder, then the formats pick with only `formats` ticked. */
    const exportThroughDialogs = async (formats) => {
      await page.keyboard.press('Escape');
      await palette('ISMS: Export Audit Pack');
      // In the browser, VS Code's own file dialog: a quick input whose text is a path.
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`${packDir}/`);
      await page.waitForTimeout(500);
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
  } finally {
    await close();
    rmSync(packDir, { recursive: true, force: true });
  }
  return checks;
}
