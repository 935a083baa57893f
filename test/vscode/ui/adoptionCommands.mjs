// The two adoption commands the way a user runs them, dialogs included, in code-server's real workbench:
// "ISMS: Initialise Workspace" on a folder without .isms.yaml (the proposal opens as a diff, Accept in the editor's
// title bar writes the file, the server checks again) and "ISMS: Export Audit Pack" through the folder dialog (VS Code's
// simple file dialog in the browser) into an empty folder beside the workspace. The extension-host suite runs the
// same commands with arguments (suite/adoption.test.ts); this proves the interactive path.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';

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
      if (!/41 of 42 Markdown files/.test(text ?? '')) throw new Error(`the review says: ${text}`);
      // Nothing is written before the answer.
      if (existsSync(config)) throw new Error('.isms.yaml was written before the user answered');
      await page.locator('.editor-actions a[aria-label^="Accept Proposed Configuration"]').first().click();
      await until('.isms.yaml written', 15_000, () => existsSync(config));
      await notification('Wrote .isms.yaml').waitFor({ timeout: 15_000 });
      // The example mentions ISO/IEC 42001, so the proposal enables its catalog (as `isms init` does).
      const yaml = readFileSync(config, 'utf8');
      if (!/^catalogs:\n(\s+- [\w-]+\n)*\s+- iso42001-2023$/m.test(yaml)) throw new Error(`unexpected .isms.yaml:\n${yaml.slice(0, 300)}`);
    });

    await check('Export Audit Pack asks for a folder and writes the pack there', async () => {
      await page.keyboard.press('Escape');
      await palette('ISMS: Export Audit Pack');
      // In the browser, VS Code's own file dialog: a quick input whose text is a path.
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`${packDir}/`);
      await page.waitForTimeout(500);
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Export Here' }).first().click();
      await until('index.html written into the chosen folder', 60_000, () => existsSync(join(packDir, 'index.html')));
      await notification('Exported the audit pack').waitFor({ timeout: 30_000 });
      const html = readFileSync(join(packDir, 'index.html'), 'utf8');
      if (!html.includes('<title>ISMS evidence pack: ')) throw new Error('index.html is not an evidence pack');
      if (!/Statement of Applicability/.test(html)) throw new Error('the pack has no Statement of Applicability');
    });
  } finally {
    await close();
    rmSync(packDir, { recursive: true, force: true });
  }
  return checks;
}
