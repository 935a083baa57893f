// The auditor's pack of the bundled example, opened in headless Chromium: it renders with no console error and
// no request (no network, no script), every internal link resolves, and it prints to PDF.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { distFile } from '../support/dist';
import { missingTool } from '../support/missingTool';

const CLI = distFile('cli.js');
const CHROMIUM = process.env.ISMS_CHROMIUM ?? '/usr/bin/chromium';

describe('isms export: the audit pack', function () {
  this.timeout(90_000);
  let out: string;
  let browser: Browser | undefined;
  before(async function () {
    out = mkdtempSync(join(tmpdir(), 'isms-pack-'));
    // An evidence file and a suppression, so the pack shows both.
    const ws = join(out, 'ws');
    spawnSync('cp', ['-r', 'examples/acme-ai-isms', ws]);
    mkdirSync(join(ws, 'records', 'evidence'), { recursive: true });
    writeFileSync(join(ws, 'records', 'evidence', 'pentest-2026.pdf'), '%PDF-1.4 placeholder');
    const policy = join(ws, 'procedures', 'secure-sdlc.md');
    writeFileSync(policy, readFileSync(policy, 'utf8') + '\nPenetration test report: [2026 report](../records/evidence/pentest-2026.pdf).\n');
    const r = spawnSync(process.execPath, [CLI, 'export', ws, '--out', join(out, 'pack'), '--today', '2026-11-21'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /46 documents, 26 open findings, 0 suppressed, 1 evidence files copied/);
    if (!existsSync(CHROMIUM)) missingTool(this, `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  after(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('is one static HTML file with a strict CSP and no script', () => {
    const html = readFileSync(join(out, 'pack', 'index.html'), 'utf8');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script|javascript:|data-isms-target/i);
    assert.ok(existsSync(join(out, 'pack', 'files', 'records', 'evidence', 'pentest-2026.pdf')));
  });

  it('sends the reader of a document with findings to the pack\'s findings section, not to a Problems panel', () => {
    const html = readFileSync(join(out, 'pack', 'index.html'), 'utf8');
    assert.doesNotMatch(html, /Problems panel/);
    const register = html.slice(html.indexOf('id="doc-risk-risk-register"'));
    assert.match(register.slice(0, register.indexOf('</section>')), /<div class="isms-card-findings">.*in this document \(see <a href="#findings">Open findings and suppressions<\/a>\)<\/div>/);
  });

  it('opens in Chromium without errors or requests, in the auditor\'s order, with every link resolving', async () => {
    const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(out, 'pack', 'index.html')).toString();
    await page.goto(url);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => u !== url), []);
    const sections = await page.$$eval('.pack-contents > ol > li > .pack-section', (els) => els.map((e) => e.textContent));
    assert.deepEqual(sections.slice(0, 6), [
      'ISMS scope (4.3)',
      'Information security policy (5.2)',
      'Risk assessment and treatment process (6.1.2, 6.1.3)',
      'Risk register (8.2)',
      'Risk treatment plan (6.1.3 e, 8.3)',
      'Statement of Applicability (6.1.3 d)',
    ]);
    const broken = await page.$$eval('a[href^="#"]', (links) => links.map((a) => a.getAttribute('href')!).filter((h) => h !== '#' && !document.getElementById(decodeURIComponent(h.slice(1)))));
    assert.deepEqual(broken, []);
    const files = await page.$$eval('a[href^="files/"]', (links) => links.map((a) => a.getAttribute('href')!));
    assert.ok(files.length >= 1);
    for (const f of files) assert.ok(existsSync(join(out, 'pack', decodeURIComponent(f))), f);
    // Control references are resolved to their titles, as in the preview.
    assert.ok(await page.locator('.isms-ref[title*="Secure development life cycle"]').count() > 0);
    assert.match(await page.locator('#findings').innerText(), /risk-score-mismatch/);
    if (process.env.ISMS_PACK_SCREENSHOT) {
      // The README shows the cover and the risk register (card, heat map) as an auditor sees them.
      await page.screenshot({ path: process.env.ISMS_PACK_SCREENSHOT });
      await page.locator('#doc-risk-risk-register').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('doc-risk-risk-register')!.scrollIntoView());
      await page.screenshot({ path: process.env.ISMS_PACK_SCREENSHOT.replace(/\.png$/, '-register.png') });
    }
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 50_000, `${pdf.length} bytes of PDF`);
    await page.close();
  });
});
