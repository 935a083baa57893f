// The preview runs nothing from the document, proven in code-server's real workbench: a document full of XSS
// payloads (test/vscode/fixtures/xss-payloads.md, with a local SVG image that carries scripts of its own) is
// opened in the ISMS preview, its links are hovered and clicked, it is edited so the preview renders again, and
// nothing a payload would do happens. Every payload, if it ran, would call alert(), request a URL on a sentinel
// HTTP server this check starts on 127.0.0.1, and change the DOM (#pwned, data-pwned on <body>, window.__pwned,
// the document's title). The detectors: dialogs (and the "Ignored call to alert()" of sandboxed frames, such as
// webviews), CSP violations reported on the console (the sanitiser should leave the CSP nothing to block), the
// sentinel's hit log and every request of the browser context to the sentinel or to a host that is not local,
// new windows, and an inspection of every frame's DOM. A positive control first proves, in this same browser,
// that each detector sees an alert, a request and a DOM change; a second one at the end proves the preview frame
// itself is watched, so "nothing seen" means nothing happened.
/* global document, window, location, Image */
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from '../lib/workbench.mjs';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');
/** Where the payload document goes in the workspace copy. */
const DOC = 'procedures/xss-payloads.md';
/** Payloads also aim at a host that is not local (it never resolves: .invalid is reserved). */
const NON_LOCAL_HOST = 'xss-canary.invalid';
/** An image written next to the workspace folder, outside the webview's resource roots. */
const OUTSIDE_ROOTS = 'xss-outside-roots.svg';
/** How long to wait after a render and after the clicks: long enough for a meta refresh or a delayed payload to fire. */
const SETTLE_MS = 3_000;

/** What a payload called `name` does when it runs; no spaces, double quotes or backticks, to fit any context. */
function effect(name, origin) {
  return [
    `fetch('${origin}/p/${name}')`,
    `alert('${name}')`,
    `document.title='PWNED-${name}'`,
    `window.__pwned='${name}'`,
    `document.body.setAttribute('data-pwned','${name}')`,
    `document.body.append(Object.assign(document.createElement('b'),{id:'pwned'}))`,
  ].join(';');
}

/**
 * The fixture's text with its placeholders filled in: {{S}} the sentinel's origin, {{HOST}} its host:port,
 * {{JS:name}} the effect of payload `name`, {{LATER:name}} the same two seconds later.
 */
export function expandPayloads(text, origin) {
  const host = new URL(origin).host;
  return text
    .replace(/\{\{LATER:([\w-]+)\}\}/g, (_, name) => `setTimeout(()=>{${effect(name, origin)}},2000)`)
    .replace(/\{\{JS:([\w-]+)\}\}/g, (_, name) => effect(name, origin))
    .replace(/\{\{S\}\}/g, origin)
    .replace(/\{\{HOST\}\}/g, host);
}

/** The names of the payloads in a fixture (each effect or request carries its payload's name). */
export function payloadNames(text) {
  const names = new Set();
  for (const m of text.matchAll(/\{\{(?:JS|LATER):([\w-]+)\}\}|\/p\/([\w-]+)/g)) names.add(m[1] ?? m[2]);
  return names;
}

// ---- the sentinel -------------------------------------------------------------------------------------------------

/** Pages of the positive control: an alert, a request, a DOM change; a sandboxed alert; a CSP-blocked handler. */
const CONTROL_PAGES = {
  '/control': `<!DOCTYPE html><title>control</title><body>
<script>alert('control-alert'); fetch('/control/fetch');
document.body.append(Object.assign(document.createElement('b'), { id: 'pwned' }));
window.__pwned = 'control'; document.title = 'PWNED-control';</script>
<img src="https://${NON_LOCAL_HOST}/control/non-local" alt=""><img src="https://non-local.example/control/other-host" alt="">
<iframe sandbox="allow-scripts" srcdoc="<script>alert('control-sandboxed')</script>"></iframe>
<iframe src="/control/csp"></iframe>
</body>`,
  '/control/csp': `<!DOCTYPE html><title>csp</title><img src="x" onerror="alert('control-csp')">`,
};

/** An HTTP server on 127.0.0.1 that logs every request it gets, whatever the path. */
function startSentinel() {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const path = (req.url ?? '').replace(/\?.*$/, '');
    const page = CONTROL_PAGES[path];
    const headers = { 'content-type': page ? 'text/html' : 'text/plain', 'cache-control': 'no-store' };
    if (path === '/control/csp') headers['content-security-policy'] = "default-src 'none'";
    res.writeHead(200, headers);
    res.end(page ?? 'sentinel');
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolvePromise({ origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r(undefined))) });
    });
  });
}

// ---- the detectors ------------------------------------------------------------------------------------------------

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Everything observable a payload could cause, across the whole browser context: dialogs (dismissed), console
 * messages of blocked dialogs and of CSP violations, requests to the sentinel or to hosts that are not local,
 * new windows. `take()` returns what was seen since the last take.
 */
function watch(context, sentinel, workbench) {
  let seen = [];
  const note = (kind, text) => seen.push(`${kind}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  context.on('dialog', (dialog) => {
    note('dialog', `${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss().catch(() => {});
  });
  context.on('console', (msg) => {
    const text = msg.text();
    if (/Ignored call to '(alert|confirm|prompt|print)\(\)'/.test(text)) note('blocked dialog', text);
    else if (/violates the following Content Security Policy/.test(text)) note('CSP violation', text);
    else if (/Unsafe attempt to initiate navigation|not allowed to navigate/i.test(text)) note('blocked navigation', text);
  });
  context.on('request', (request) => {
    const url = request.url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch { /* not a URL with a host */ }
    if (url.startsWith(sentinel.origin) || host.endsWith(NON_LOCAL_HOST)) {
      note(url.startsWith(sentinel.origin) ? 'request to the sentinel' : 'request to a non-local host', url);
      return;
    }
    // The workbench's own requests (its extension gallery) are not the preview's; webview resources
    // (https://*.vscode-resource.vscode-cdn.net/...) are answered by the webview's service worker from code-server.
    let frame;
    try {
      frame = request.frame();
    } catch { /* a service worker's request */ }
    if (frame !== workbench.mainFrame() && /^(https?|wss?):/.test(url) && !LOCAL_HOSTS.has(host) && !host.endsWith('.vscode-resource.vscode-cdn.net')) note('request to a non-local host', url);
  });
  context.on('page', (page) => note('new window', page.url()));
  let hitsTaken = 0;
  return {
    take() {
      for (const hit of sentinel.hits.slice(hitsTaken)) seen.push(`sentinel hit: ${hit}`);
      hitsTaken = sentinel.hits.length;
      const out = seen;
      seen = [];
      return out;
    },
  };
}

/**
 * What a payload would have left in a document (runs in the frame): #pwned, data-pwned, window.__pwned, a title
 * set by a payload. `strict` (default: in the preview's document, the one with #isms-content) also reports
 * event-handler attributes, javascript:/data: URLs, scripts other than VS Code's API script and the extension's
 * nonce'd preview.js, elements that load or run things, and in the preview's content style attributes and images
 * that are not workspace resources.
 */
function inspectDocument(strict) {
  const problems = [];
  const short = (s) => String(s).replace(/\s+/g, ' ').slice(0, 80);
  if (document.getElementById('pwned')) problems.push('an element #pwned');
  for (const el of document.querySelectorAll('[data-pwned]')) problems.push(`data-pwned="${short(el.getAttribute('data-pwned'))}" on <${el.localName}>`);
  if (typeof window.__pwned !== 'undefined') problems.push(`window.__pwned = ${short(window.__pwned)}`);
  if (/^PWNED-/.test(document.title)) problems.push(`title "${short(document.title)}"`);
  const content = document.getElementById('isms-content');
  if (!(strict ?? !!content)) return { problems };
  const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'srcdoc']);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) problems.push(`<${el.localName} ${a.name}="${short(a.value)}">`);
      // Browsers ignore whitespace and control characters in a URL's scheme ("jav\tascript:").
      else if (URL_ATTRIBUTES.has(a.name.toLowerCase()) && /^(javascript|data|vbscript):/i.test(a.value.replace(/[\s\p{Cc}]+/gu, ''))) problems.push(`<${el.localName} ${a.name}="${short(a.value)}">`);
    }
  }
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src') ?? '';
    const ours = (s.id === '_vscodeApiScript' && !src) || (/\/media\/preview\.js$/.test(src) && !!s.nonce);
    if (!ours) problems.push(`a script ${src ? `from ${short(src)}` : `"${short(s.textContent)}"`}`);
  }
  const forbidden = 'iframe, frame, frameset, object, embed, applet, portal, form, input, button, textarea, select, video, audio, source, picture, svg, math, template, noscript, meta[http-equiv="refresh" i], link:not([rel="stylesheet"]), style:not(#_defaultStyles)';
  for (const el of document.querySelectorAll(forbidden)) problems.push(`an element <${el.localName}>`);
  if (document.querySelectorAll('base').length > 1) problems.push('a second <base>');
  if (content) {
    for (const el of content.querySelectorAll('[style]')) problems.push(`a style attribute on <${el.localName}>`);
    const base = document.querySelector('base')?.href ?? location.href;
    for (const img of content.querySelectorAll('img')) {
      if (!img.src.startsWith(base)) problems.push(`an image from ${short(img.src)}`);
    }
  }
  return { problems };
}

/** inspectDocument in every frame of the page; detached frames are skipped. */
async function inspectAll(page) {
  const problems = [];
  for (const frame of page.frames()) {
    const r = await frame.evaluate(inspectDocument, undefined).catch(() => undefined);
    if (r) problems.push(...r.problems.map((p) => `${p} (in ${frame === page.mainFrame() ? 'the workbench' : frame.url().replace(/\?.*$/, '')})`));
  }
  return problems;
}

// ---- the check ----------------------------------------------------------------------------------------------------

/**
 * @param {import('../lib/codeServer.mjs').CodeServer} server  started, with the .vsix installed
 * @param {import('./index.mjs').UiContext} o
 * @returns {Promise<{ name: string, ok: boolean, error?: string, seconds: number }[]>}
 */
export async function previewXssUi(server, { folder, results, failures, log = console.log }) {
  const sentinel = await startSentinel();
  const fixture = readFileSync(join(FIXTURES, 'xss-payloads.md'), 'utf8');
  const image = readFileSync(join(FIXTURES, 'xss-image.svg'), 'utf8');
  const names = new Set([...payloadNames(fixture), ...payloadNames(image)]);
  writeFileSync(join(folder, DOC), expandPayloads(fixture, sentinel.origin));
  writeFileSync(join(folder, dirname(DOC), 'xss-image.svg'), expandPayloads(image, sentinel.origin));
  writeFileSync(join(folder, '..', OUTSIDE_ROOTS), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n');
  log(`  ${names.size} payloads; sentinel on ${sentinel.origin}`);

  const { page, close, checks, check, load, extensionReady, palette, webviewFrame, shoot } = await openWorkbench(server, { log, failures, name: 'xss' });
  const context = page.context();
  const detected = watch(context, sentinel, page);
  const critical = (name, fn) => check(name, fn, { critical: true });
  /** Fails with everything the detectors and the DOM inspection found. */
  const assertNothingRan = async (when) => {
    const found = [...detected.take(), ...(await inspectAll(page))];
    if (found.length) throw new Error(`${when}: ${found.length} sign(s) of a payload: ${found.slice(0, 8).join('; ')}`);
  };
  /** The preview's frame once it shows the payload document up to its last line (or `marker`). */
  const previewFrame = (marker = 'XSS-PAYLOADS-END') => webviewFrame(`.isms-card ~ .isms-body p:has-text("${marker}")`);
  let frameUrl = '';
  let workbenchUrl = '';

  try {
    await critical('positive control: the detectors see an alert, a request and a DOM change in this browser', async () => {
      const control = await context.newPage();
      await control.goto(`${sentinel.origin}/control`);
      await control.locator('#pwned').waitFor({ state: 'attached', timeout: 5_000 });
      const dom = (await control.evaluate(inspectDocument, true)).problems.join('; ');
      const csp = control.frames().find((f) => f.url().endsWith('/control/csp'));
      await control.waitForTimeout(1_000);
      await control.close();
      const seen = detected.take().join('\n');
      const expect = {
        'a dialog': /^dialog: alert "control-alert"/m,
        'an alert ignored in a sandboxed frame': /^blocked dialog: .*alert/m,
        'a handler blocked by a CSP': /^CSP violation: .*inline event handler/m,
        'the sentinel\'s hit log': /^sentinel hit: GET \/control\/fetch/m,
        'a request to the sentinel': /^request to the sentinel: .*\/control\/fetch/m,
        'a request to a non-local host': new RegExp(`^request to a non-local host: https://${NON_LOCAL_HOST.replace(/\./g, '\\.')}/`, 'm'),
        'a request to another non-local host': /^request to a non-local host: https:\/\/non-local\.example\//m,
        'a new window': /^new window: /m,
      };
      const missed = Object.entries(expect).filter(([, re]) => !re.test(seen)).map(([what]) => what);
      for (const what of ['#pwned', 'window.__pwned', 'title "PWNED-control"', 'a script "alert', '<iframe>']) if (!dom.includes(what)) missed.push(`DOM: ${what}`);
      if (!csp) missed.push('the CSP frame');
      if (missed.length) throw new Error(`not detected: ${missed.join(', ')}\nseen: ${seen}\nDOM: ${dom}`);
    });

    await critical('workbench loads with the example folder and the payload document', async () => {
      await load(folder);
      workbenchUrl = page.url();
      await extensionReady();
    });

    await critical('the preview opens on the payload document and renders it to its last line', async () => {
      // From the explorer (Quick Open's file search can take long on a busy machine).
      const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
      await explorerRow(dirname(DOC)).click();
      await explorerRow(DOC.split('/').pop()).click();
      await page.locator('.tabs-container .tab', { hasText: DOC.split('/').pop() }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
      await palette('View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      await palette('ISMS: Open Preview to the Side');
      frameUrl = (await previewFrame()).url();
    });

    await check('the preview shows the document: card with HTML as text, headings, table, resolved controls, code as text, local image', async () => {
      const frame = await previewFrame();
      const text = async (selector) => (await frame.locator(selector).allTextContents()).join('\n');
      const card = await text('.isms-card');
      const missing = [];
      // Frontmatter values with HTML in them are shown as text.
      for (const s of ['XSS payload procedure <img src=x onerror="fetch(', 'Procedure', 'PRO-990', '<svg onload="fetch(']) if (!card.includes(s)) missing.push(`card: ${s}`);
      if (!(await text('.isms-card-refs')).includes('Secure development life cycle')) missing.push('card: A.8.25 resolved to its title');
      const headings = await text('.isms-body h2');
      for (const s of ['1. Raw HTML blocks', '3. Markdown links and images', '4. Headings, tables and code']) if (!headings.includes(s)) missing.push(`heading: ${s}`);
      if ((await frame.locator('.isms-body table td a.isms-ref').count()) < 3) missing.push('the table with three controls');
      if (!(await text('.isms-body p .isms-ref-title')).includes('Secure development life cycle')) missing.push('A.8.25 in prose resolved to its title');
      if (!(await text('.isms-body pre code')).includes('<script>fetch(')) missing.push('a code block showing <script> as text');
      if (!(await text('.isms-body td code')).includes('<script>fetch(')) missing.push('a table cell with code shown as text');
      // The local SVG (with scripts of its own) is shown: the workspace is a resource root.
      const svg = frame.locator('.isms-body img[src="xss-image.svg"]');
      if (!(await svg.count()) || !(await svg.evaluate((img) => img.complete && img.naturalWidth > 0))) missing.push('the local SVG image, loaded');
      if (missing.length) throw new Error(`the preview lacks ${missing.join('; ')}`);
      await page.waitForTimeout(500);
      // Not a README screenshot: kept with the test results.
      await shoot(join(results, 'vscode-preview-xss.png'));
    });

    await check('the preview\'s CSP is strict, its script has the nonce, remote images are links, nothing loads from beside the workspace', async () => {
      const frame = await previewFrame();
      const remote = await frame.locator('.isms-body a.isms-remote-image').allTextContents();
      const { csp, scriptNonce, inside, outside, urls } = await frame.evaluate(async (outsideRoots) => {
        const load = (url) => new Promise((done) => {
          const img = new Image();
          img.onload = () => done(true);
          img.onerror = () => done(false);
          img.src = url;
        });
        const local = document.querySelector('#isms-content img[src="xss-image.svg"]').src;
        const beside = new URL(`../../${outsideRoots}`, local).href;
        return {
          urls: [local, beside],
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
          scriptNonce: document.querySelector('script[src$="/media/preview.js"]')?.nonce ?? '',
          inside: await load(`${local}?again`),
          outside: await load(beside),
        };
      }, OUTSIDE_ROOTS);
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
      const problems = [];
      if (directives.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src ${directives.get('default-src')}`);
      const script = directives.get('script-src') ?? [];
      if (script.length !== 1 || script[0] !== `'nonce-${scriptNonce}'` || scriptNonce.length < 16) problems.push(`script-src ${script.join(' ')} (preview.js has nonce "${scriptNonce}")`);
      for (const name of ['frame-src', 'form-action']) if (directives.get(name)?.join(' ') !== "'none'") problems.push(`${name} ${directives.get(name)}`);
      for (const [name, sources] of directives) {
        for (const source of sources) if (/^'unsafe-|^\*$|^(https?|data|blob|filesystem):$/.test(source)) problems.push(`${name} allows ${source}`);
      }
      if (remote.length !== 4 || !remote.every((t) => t.includes('(remote image not loaded)'))) problems.push(`remote images shown as ${remote.length} links, not 4`);
      if (!inside) problems.push('a workspace image did not load');
      if (outside) problems.push(`${OUTSIDE_ROOTS}, beside the workspace folder, loaded`);
      if (problems.length) throw new Error(`${problems.join('; ')} (CSP: ${csp})`);
      log(`  CSP: ${csp}`);
      log(`  loaded ${urls[0]}; refused ${urls[1]}`);
    });

    await check(`no payload ran after the first render (${SETTLE_MS / 1000} s later)`, async () => {
      await page.waitForTimeout(SETTLE_MS);
      await assertNothingRan('after the first render');
      const frame = await previewFrame();
      if (frame.url() !== frameUrl) throw new Error(`the preview frame navigated to ${frame.url()}`);
      if (page.url() !== workbenchUrl) throw new Error(`the workbench navigated to ${page.url()}`);
      const title = await frame.evaluate(() => document.title);
      if (!title.startsWith('XSS payload procedure <img')) throw new Error(`the preview's title is "${title}"`);
    });

    await check('no payload ran after hovering and clicking what the payloads left in the preview', async () => {
      const frame = await previewFrame();
      // Links the renderer neutralised, in-page anchors, and the text of raw-HTML links and handlers.
      const targets = frame.locator('.isms-body a.isms-broken-link, .isms-body a.isms-anchor, .isms-body .isms-missing-image');
      const n = await targets.count();
      if (n < 10) throw new Error(`only ${n} neutralised links to click`);
      for (let i = 0; i < n; i++) {
        await targets.nth(i).hover();
        await targets.nth(i).click();
      }
      let clicked = n;
      for (const words of ['entity tab link', 'click payload', 'hover payload', 'data html link', 'form button payload', 'details payload', 'svg xlink payload']) {
        const el = frame.getByText(words, { exact: false }).first();
        if (await el.count()) {
          await el.hover();
          await el.click();
          clicked++;
        }
      }
      log(`  hovered and clicked ${clicked} elements`);
      await page.waitForTimeout(SETTLE_MS);
      await assertNothingRan('after the clicks');
      // A command: link would have opened an untitled editor.
      const untitled = await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count();
      if (untitled) throw new Error('a command: link ran (an Untitled editor opened)');
    });

    await check('no payload ran after an edit made the preview render again', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n\nRe-rendered: XSS-RERENDER-END.\n');
      await page.keyboard.press('Control+S');
      await previewFrame('XSS-RERENDER-END');
      await page.waitForTimeout(SETTLE_MS);
      await assertNothingRan('after the re-render');
    });

    await check('a click on a link opens it once, through the extension: a workspace link in the editor, a web link in one window', async () => {
      await (await previewFrame('XSS-RERENDER-END')).locator('.isms-body a.isms-link', { hasText: 'Secure Development Policy' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'secure-development-policy.md' }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(SETTLE_MS);
      const afterWorkspaceLink = detected.take();
      // Back to the payload document: the preview follows the active editor.
      await page.locator('.tabs-container .tab', { hasText: DOC.split('/').pop() }).first().click();
      const pages = context.pages().length;
      await (await previewFrame('XSS-RERENDER-END')).locator('.isms-body a.isms-external', { hasText: '/p/md-autolink-http' }).first().click();
      await page.waitForTimeout(SETTLE_MS);
      const afterWebLink = detected.take();
      for (const opened of context.pages().slice(pages)) await opened.close();
      if (afterWorkspaceLink.length) throw new Error(`the workspace link also caused ${afterWorkspaceLink.join('; ')}`);
      // code-server opens a web link on 127.0.0.1 through its port proxy, so the one window requests the sentinel.
      const windows = afterWebLink.filter((s) => s.startsWith('new window'));
      const other = afterWebLink.filter((s) => !s.startsWith('new window') && !s.includes('/p/md-autolink-http'));
      if (windows.length !== 1 || other.length) throw new Error(`the web link caused ${afterWebLink.join('; ') || 'nothing'}`);
    });

    await check('positive control in the preview frame: a DOM change, a blocked alert, CSP-blocked handler and image', async () => {
      const frame = await previewFrame('XSS-RERENDER-END');
      await frame.evaluate((origin) => {
        document.body.append(Object.assign(document.createElement('b'), { id: 'pwned' }));
        window.__pwned = 'frame-control';
        document.body.insertAdjacentHTML('beforeend', '<img id="frame-control" src="x" onerror="alert(1)">');
        new Image().src = `${origin}/control/frame-image`;
        window.alert('frame-control');
      }, sentinel.origin);
      await page.waitForTimeout(1_000);
      const seen = detected.take().join('\n');
      const dom = (await inspectAll(page)).join('\n');
      await frame.evaluate(() => {
        document.getElementById('pwned')?.remove();
        document.getElementById('frame-control')?.remove();
        delete window.__pwned;
      });
      const missed = [];
      if (!/^(dialog: alert|blocked dialog: ).*/m.test(seen)) missed.push('the alert');
      if (!/^CSP violation: .*inline event handler/m.test(seen)) missed.push('the CSP-blocked handler');
      if (!/^CSP violation: .*image/m.test(seen)) missed.push('the CSP-blocked image');
      for (const what of ['an element #pwned', 'window.__pwned = frame-control', '<img onerror="alert(1)">']) if (!dom.includes(what)) missed.push(`DOM: ${what}`);
      if (missed.length) throw new Error(`not detected in the preview frame: ${missed.join(', ')}\nseen: ${seen}\nDOM: ${dom}`);
      await assertNothingRan('after the control was removed');
    });
  } finally {
    await close();
    await sentinel.close();
  }
  return checks;
}
