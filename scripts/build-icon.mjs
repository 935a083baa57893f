#!/usr/bin/env node
// Renders the marketplace icon media/icon.svg to media/icon.png (128×128, as the Marketplace requires a PNG) with
// Debian chromium through playwright-core: no image tool is needed, and the PNG is committed so packaging does
// not need a browser. Run after editing the SVG: node scripts/build-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../test/vscode/lib/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const svg = readFileSync(join(ROOT, 'media/icon.svg'), 'utf8');
const { page, close } = await launch({ viewport: { width: SIZE, height: SIZE } });
try {
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(ROOT, 'media/icon.png'), png);
  console.log(`media/icon.png: ${png.length} bytes`);
} finally {
  await close();
}
