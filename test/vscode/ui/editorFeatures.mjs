// UI checks of the language server's editor features in code-server's real workbench, driven through chromium
// like a user: the cursor goes on a real spot of the example, the feature is triggered by its keyboard shortcut or
// from the command palette, and the widget VS Code shows (hover, peek, suggest list, quick fix menu, rename box,
// outline, symbol picker, code lens, token colours) must show the right content. One step per feature takes the
// README's screenshot of it (features/<feature>.png), clipped to the widget and the text around it.
//
// Edits are never saved: each step that types reverts its file. Rename runs last: it is applied (in the editors,
// unsaved) and checked in two files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, QUICK_INPUT } from '../lib/workbench.mjs';

/** A window about as wide as the README: the editor, and the widgets in it, fit a screenshot at full size. */
const VIEWPORT = { width: 960, height: 720 };
/** Smallest clip of a screenshot, around its widget. */
const CLIP = { width: 900, height: 440 };

/** Editor settings of the workspace copy: the text gets the width of the shots. */
const WORKSPACE_SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.renderWhitespace': 'none',
  'breadcrumbs.enabled': false,
  'workbench.editor.enablePreview': false,
};

const SDLC = 'procedures/secure-sdlc.md';
const REGISTER = 'risk/risk-register.md';
const SOA = 'soa/statement-of-applicability.md';

/** Lines typed into the secure development procedure for the semantic tokens shot: known, withdrawn and unknown IDs. */
const TOKEN_LINES = [
  'Known: control A.8.28, risk R-009, document POL-005.',
  'Withdrawn 2013 control: A.12.6.1.',
  'Unknown: control A.8.99, risk R-099.',
];

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function editorFeaturesUi(server, { folder, screenshots, failures, log = console.log }) {
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2));
  const dir = join(screenshots, 'features');
  mkdirSync(dir, { recursive: true });
  const shotPath = (feature) => join(dir, `${feature}.png`);

  const { page, close, checks, check, load, extensionReady, palette, openFile, widenSidebar, shoot, goTo, cursorAtId, widget, quickFixMenu, revert: reset } = await openWorkbench(server, { log, failures, name: 'features', viewport: VIEWPORT });
  const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
  const text = (s) => (s ?? '').replace(/\u00a0/g, ' ');

  /** The 0-based line of `rel` (as on disk) that contains `needle`. */
  const lineOf = (rel, needle) => {
    const line = readFileSync(join(folder, rel), 'utf8').split('\n').findIndex((l) => l.includes(needle));
    if (line < 0) throw new Error(`${rel} has no line with "${needle}"`);
    return { line };
  };
  const cursorAt = (rel, near, id) => cursorAtId(folder, rel, near, id);

  /** The text of the editor's rendered line that contains `needle` (waits for it). */
  const viewLine = async (needle, timeout = 10_000) => {
    const el = editor.locator('.view-line', { hasText: needle }).first();
    await el.waitFor({ timeout });
    return text(await el.textContent());
  };

  /**
   * Screenshot of the editor around `targets` (locators): the union of their boxes and the cursor's line, widened
   * to CLIP and kept inside the editor; taller only when the widgets need it.
   */
  const shootAround = async (feature, targets, area = page.locator('.part.editor')) => {
    await page.mouse.move(1, 1);
    await page.waitForTimeout(300);
    const bounds = await area.boundingBox();
    const boxes = [];
    for (const t of [...targets, editor.locator('.cursors-layer .cursor').first()]) {
      const box = await t.boundingBox().catch(() => null);
      if (box && box.width > 0) boxes.push(box);
    }
    if (!bounds || boxes.length === 0) throw new Error(`nothing to frame for ${feature}`);
    const top = Math.min(...boxes.map((b) => b.y));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const height = Math.min(bounds.height, Math.max(CLIP.height, bottom - top + 32));
    const width = Math.min(bounds.width, Math.max(CLIP.width, right - bounds.x + 16));
    const y = Math.max(bounds.y, Math.min(top - 16 - Math.max(0, (CLIP.height - (bottom - top + 32)) / 2), bounds.y + bounds.height - height));
    await shoot(shotPath(feature), { x: bounds.x, y: Math.round(y), width: Math.round(width), height: Math.round(height) });
  };

  /** A.8.28's reference counts as the hover shows them, for the code lens to match. */
  let a828;

  try {
    await check('workbench loads with the example folder; the language server checks it', async () => {
      await load(folder);
      await extensionReady();
      await palette('View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
    }, { critical: true });

    await check('hover on a control ID shows its catalog title, theme, SoA row and reference counts', async () => {
      await cursorAt(SDLC, 'Follow the coding guides', 'A.8.28');
      await palette('Show or Focus Hover');
      const hover = await widget('.monaco-hover', 'Secure coding');
      const content = text(await hover.textContent());
      for (const want of ['A.8.28', 'Technological', 'applicable yes', 'implemented']) {
        if (!content.includes(want)) throw new Error(`the hover lacks "${want}": ${content.slice(0, 300)}`);
      }
      const counts = /Referenced by (\d+) risks? and (\d+) documents?/.exec(content);
      if (!counts) throw new Error(`the hover has no reference counts: ${content.slice(0, 300)}`);
      a828 = { risks: Number(counts[1]), documents: Number(counts[2]) };
      await shootAround('hover', [hover]);
      await page.keyboard.press('Escape');
    });

    await check('the cursor on a control ID highlights its mentions in the document, not every word "A"', async () => {
      await cursorAt(SDLC, 'Follow the coding guides', 'A.8.28');
      // Each highlight covers a whole ID (the word-based fallback would light up every "A"); the overlays are
      // rendered for the visible lines only.
      const highlights = editor.locator('.view-overlays .wordHighlight, .view-overlays .wordHighlightStrong, .view-overlays .wordHighlightText');
      await highlights.first().waitFor({ timeout: 10_000 });
      const id = await editor.locator('.view-line', { hasText: 'Follow the coding guides' }).first().locator('span span', { hasText: /^A\.8\.28$/ }).first().boundingBox();
      const widths = [];
      for (let i = 0; i < (await highlights.count()); i++) widths.push((await highlights.nth(i).boundingBox())?.width ?? 0);
      if (!id || widths.some((w) => Math.abs(w - id.width) > 2)) throw new Error(`highlights ${widths.join(', ')} px wide, the ID ${id?.width} px`);
    });

    await check('hover on a withdrawn 2013 control ID shows its 2022 control', async () => {
      await cursorAt(SDLC, 'A.14.2.1');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = await widget('.monaco-hover', 'withdrawn');
      const content = text(await hover.textContent());
      if (!/A\.8\.25\s*Secure development life cycle/.test(content)) throw new Error(`the hover lacks the 2022 control: ${content.slice(0, 300)}`);
      await page.keyboard.press('Escape');
    });

    await check('hover on a risk ID shows its register row', async () => {
      await cursorAt(SDLC, 'must not be bypassed (R-009)', 'R-009');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = await widget('.monaco-hover', 'Leaked cloud credentials');
      const content = text(await hover.textContent());
      for (const want of ['Head of Security', 'Likelihood 4', 'Score 16', 'risk/risk-register.md']) {
        if (!content.includes(want)) throw new Error(`the hover lacks "${want}": ${content.slice(0, 300)}`);
      }
      await page.keyboard.press('Escape');
    });

    await check('Peek Definition (Ctrl+Shift+F10) on a control ID shows its SoA row', async () => {
      await cursorAt(SDLC, 'Follow the coding guides', 'A.8.28');
      await page.keyboard.press('Control+Shift+F10'); // Peek Definition on Linux (Alt+F12 on Windows and macOS)
      const peek = await widget('.peekview-widget', 'statement-of-applicability.md');
      await peek.locator('.view-line', { hasText: '| A.8.28 | Secure coding |' }).first().waitFor({ timeout: 10_000 });
      await shootAround('definition', [peek]);
      await page.keyboard.press('Escape');
    });

    await check('Peek Definition (Ctrl+Shift+F10) on a risk ID shows its register row', async () => {
      await cursorAt(SDLC, 'must not be bypassed (R-009)', 'R-009');
      await page.keyboard.press('Control+Shift+F10'); // Peek Definition on Linux (Alt+F12 on Windows and macOS)
      const peek = await widget('.peekview-widget', 'risk-register.md');
      await peek.locator('.view-line', { hasText: '| R-009 | Leaked cloud credentials' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
    });

    await check('Peek References (Shift+F12) on a risk ID lists the register, the SoA and the procedures', async () => {
      await cursorAt(SDLC, 'must not be bypassed (R-009)', 'R-009');
      await page.keyboard.press('Shift+F12');
      const peek = await widget('.peekview-widget', 'References');
      const tree = peek.locator('.ref-tree');
      await tree.locator('.monaco-list-row', { hasText: 'risk-register.md' }).first().waitFor({ timeout: 10_000 });
      const rows = text((await tree.locator('.monaco-list-row').allTextContents()).join('\n'));
      for (const want of ['statement-of-applicability.md', 'secure-sdlc.md']) {
        if (!rows.includes(want)) throw new Error(`the references lack ${want}: ${rows.slice(0, 300)}`);
      }
      await shootAround('references', [peek]);
      await page.keyboard.press('Escape');
    });

    await check('completion offers the A.8.2x controls with their titles as you type A.8.2, then Ctrl+Space', async () => {
      await cursorAt(SDLC, 'Follow the coding guides', 'Follow');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- Validate model inputs before use (A.8.2');
      await page.keyboard.press('Control+Space');
      const suggest = await widget('.suggest-widget', 'A.8.28');
      const rows = text((await suggest.locator('.monaco-list-row').allTextContents()).join('\n'));
      if (/A\.5\.|A\.6\.|A\.8\.1/.test(rows)) throw new Error(`the list is not filtered to A.8.2: ${rows.slice(0, 300)}`);
      // The focused row shows its title: go down to A.8.28.
      const focused = suggest.locator('.monaco-list-row.focused');
      for (let i = 0; i < 12 && !/A\.8\.28/.test(text(await focused.textContent())); i++) await page.keyboard.press('ArrowDown');
      const row = text(await focused.textContent());
      if (!/A\.8\.28.*Secure coding/.test(row)) throw new Error(`the suggestion A.8.28 reads "${row}"`);
      await shootAround('completion', [suggest]);
      // Accepting the suggestion writes the ID.
      await page.keyboard.press('Enter');
      await viewLine('Validate model inputs before use (A.8.28');
      await reset();
    });

    await check('completion offers risk IDs, document IDs in related: and frontmatter values', async () => {
      /** Ctrl+Space, then the suggest list's labels once it lists `first`. */
      const suggestions = async (first) => {
        await page.keyboard.press('Control+Space');
        const suggest = await widget('.suggest-widget', first);
        return text((await suggest.locator('.monaco-list-row').allTextContents()).join('\n'));
      };
      await cursorAt(SDLC, 'Follow the coding guides', 'Follow');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- Key rotation (R-');
      const risks = await suggestions('R-009');
      if (!risks.includes('R-001')) throw new Error(`the risk list lacks R-001: ${risks.slice(0, 300)}`);
      await reset();

      await cursorAt(SDLC, 'related: [', 'PRO-009');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft'); // before the closing bracket
      await page.keyboard.type(', POL-0');
      const documents = await suggestions('POL-001');
      if (/R-0|A\.\d/.test(documents)) throw new Error(`related: offers more than document IDs: ${documents.slice(0, 300)}`);
      await reset();

      await cursorAt(SDLC, 'status: approved', 'approved');
      await page.keyboard.press('End');
      await page.keyboard.press('Control+Backspace'); // the value
      const values = await suggestions('draft');
      if (!values.includes('approved')) throw new Error(`status: lacks approved: ${values.slice(0, 300)}`);
      await reset();
    });

    await check('quick fix (Ctrl+.) on a 2013 control ID offers its 2022 control, and applies it', async () => {
      await cursorAt(SDLC, 'A.14.2.1');
      const menu = await quickFixMenu('Replace with A.8.25 Secure development life cycle');
      await shootAround('quick-fix', [menu]);
      await menu.locator('.monaco-list-row', { hasText: 'Replace with A.8.25' }).first().click();
      await viewLine('written against control A.8.25 of the old standard');
      await reset();
    });

    await check('the Outline lists the risk register\'s sections and risks', async () => {
      await openFile(REGISTER);
      await palette('Explorer: Focus on Outline View');
      // Collapse the folder's tree above it, so the outline gets the side bar's height.
      const folders = page.locator('.part.sidebar .pane-header').first();
      if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
      await widenSidebar(420); // room for the risks' titles
      const outline = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Outline' }) }).first();
      await outline.locator('.monaco-list-row', { hasText: 'R-001' }).first().waitFor({ timeout: 20_000 });
      const rows = text((await outline.locator('.monaco-list-row').allTextContents()).join('\n'));
      for (const want of ['Information Security Risk Register', 'R-002', 'Model-weight exfiltration']) {
        if (!rows.includes(want)) throw new Error(`the outline lacks "${want}": ${rows.slice(0, 300)}`);
      }
      await shootAround('outline', [outline], page.locator('.monaco-workbench'));
      await palette('View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
    });

    await check('Go to Symbol in Workspace (Ctrl+T) finds risks by ID', async () => {
      await page.keyboard.press('Control+T');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('#R-0');
      const list = page.locator('.quick-input-widget');
      await list.locator('.monaco-list-row', { hasText: 'R-001' }).first().waitFor({ timeout: 20_000 });
      const rows = text((await list.locator('.monaco-list-row').allTextContents()).join('\n'));
      if (!rows.includes('Model-weight exfiltration')) throw new Error(`the symbols lack the risk titles: ${rows.slice(0, 300)}`);
      await shootAround('workspace-symbols', [list], page.locator('.monaco-workbench'));
      await page.keyboard.press('Escape');
    });

    await check('code lenses above SoA rows count the documents and risks that refer to the control', async () => {
      await cursorAt(SOA, '| A.8.28 |', 'A.8.28');
      // Lenses outside the viewport are rendered hidden.
      await editor.locator('.codelens-decoration:visible', { hasText: 'referenced by' }).first().waitFor({ timeout: 20_000 });
      // The lens of a row is the one right above it.
      const row = await editor.locator('.view-line', { hasText: '| A.8.28 | Secure coding |' }).first().boundingBox();
      const lenses = editor.locator('.codelens-decoration:visible');
      let lens;
      for (let i = 0; i < (await lenses.count()); i++) {
        const box = await lenses.nth(i).boundingBox();
        if (row && box && box.y < row.y && row.y - box.y < 2 * row.height) lens = lenses.nth(i);
      }
      if (!lens) throw new Error('no code lens right above the A.8.28 row');
      const title = text(await lens.textContent());
      const counts = /referenced by (\d+) documents? \/ (\d+) risks?/.exec(title);
      if (!counts || Number(counts[1]) === 0 || Number(counts[2]) === 0) throw new Error(`the lens of A.8.28 reads "${title}"`);
      // The same counts as the hover.
      if (a828 && (Number(counts[1]) !== a828.documents || Number(counts[2]) !== a828.risks)) throw new Error(`the lens reads "${title}", the hover ${JSON.stringify(a828)}`);
      await shootAround('code-lens', [lens]);
    });

    await check('semantic tokens colour known IDs, and unknown ones differently', async () => {
      // The lines go below the title, under the frontmatter's IDs.
      const heading = readFileSync(join(folder, SDLC), 'utf8').split('\n').findIndex((l) => l.startsWith('# ')) + 1;
      await openFile(SDLC);
      await goTo(heading + 1, 1);
      for (const line of [...TOKEN_LINES, '']) {
        await page.keyboard.press('Enter');
        await page.keyboard.insertText(line);
        await page.keyboard.press('Escape'); // a suggest list the typing opened
      }
      const colour = async (line, id) => {
        const span = editor.locator('.view-line', { hasText: line }).first().locator('span span', { hasText: id }).first();
        await span.waitFor({ timeout: 10_000 });
        return span.evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).color);
      };
      // The server's tokens arrive after the edit; unknown IDs get the `unresolved` modifier's colour.
      const deadline = Date.now() + 20_000;
      let colours;
      for (;;) {
        colours = {
          text: await colour(TOKEN_LINES[0], 'Known'),
          control: await colour(TOKEN_LINES[0], 'A.8.28'),
          unknownControl: await colour(TOKEN_LINES[2], 'A.8.99'),
          risk: await colour(TOKEN_LINES[0], 'R-009'),
          unknownRisk: await colour(TOKEN_LINES[2], 'R-099'),
          document: await colour(TOKEN_LINES[0], 'POL-005'),
        };
        if ((colours.control !== colours.unknownControl && colours.risk !== colours.unknownRisk) || Date.now() > deadline) break;
        await page.waitForTimeout(250);
      }
      for (const kind of ['control', 'risk', 'document']) {
        if (colours[kind] === colours.text) throw new Error(`the ${kind} ID has the colour of plain text: ${JSON.stringify(colours)}`);
      }
      if (new Set([colours.control, colours.risk, colours.document]).size < 3) throw new Error(`two kinds of ID share a colour: ${JSON.stringify(colours)}`);
      if (colours.control === colours.unknownControl) throw new Error(`A.8.99 (unknown) has the colour of A.8.28: ${JSON.stringify(colours)}`);
      if (colours.risk === colours.unknownRisk) throw new Error(`R-099 (unknown) has the colour of R-009: ${JSON.stringify(colours)}`);
      // The token inspector on the unknown control ID: the server's token type and modifier.
      await goTo(heading + 1 + TOKEN_LINES.length, TOKEN_LINES[2].indexOf('A.8.99') + 2);
      await palette('Developer: Inspect Editor Tokens and Scopes');
      const inspector = await widget('.token-inspect-widget', 'semantic token type');
      const info = text(await inspector.textContent());
      if (!/enumMember/.test(info) || !/unresolved/.test(info)) throw new Error(`the inspector shows no unresolved enumMember token: ${info.slice(0, 300)}`);
      // From the frontmatter's IDs to the inspector's semantic token rows.
      await shootAround('semantic-tokens', [editor.locator('.view-line', { hasText: 'controls: [' }).first(), inspector.locator('tr', { hasText: 'modifiers' }).first()]);
      await reset();
    });

    await check('rename (F2) of a risk ID in the register renames it across the workspace', async () => {
      await cursorAt(REGISTER, '| R-009 |', 'R-009');
      await page.keyboard.press('F2');
      const box = page.locator('.rename-box').first();
      const input = box.locator('input').first();
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      if ((await input.inputValue()) !== 'R-009') throw new Error(`the rename box offers "${await input.inputValue()}"`);
      await input.fill('R-022');
      await shootAround('rename', [box]);
      await page.keyboard.press('Enter');
      await viewLine('| R-022 | Leaked cloud credentials');
      await openFile(SDLC);
      await goTo(lineOf(SDLC, 'risks: [').line + 1, 1);
      await viewLine('risks: [R-003, R-022, R-014]');
      await goTo(lineOf(SDLC, 'must not be bypassed').line + 1, 1);
      await viewLine('must not be bypassed (R-022)');
    });
  } finally {
    await close();
  }
  return checks;
}
