/* global acquireVsCodeApi, document, window */
// The ISMS preview's only script (loaded with the page's nonce). It shows the sanitised HTML the extension
// posts, and turns clicks into messages: an ID or workspace link -> "open" (the extension looks the target up
// in what the server sent), a finding marker -> "finding" (the extension reveals it and opens the Problems
// panel), an http(s)/mailto link -> "external" (the extension asks VS Code to open it), an in-page anchor ->
// scroll; any other link does nothing. Nothing in the document can run: the HTML is sanitised and the CSP
// allows no inline script or handler.
//
// Scroll sync, as VS Code's Markdown preview does it: blocks carry their source line (data-line). The editor's
// top line arrives as "scroll" and the preview scrolls to the matching offset between the blocks around it;
// scrolling the preview posts "reveal" with the line at its top. A scroll this script caused is not echoed back.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const content = document.getElementById('isms-content');

  /** Blocks with a source line, in page order: { line, top } (top in page coordinates). */
  function blocks() {
    const out = [];
    for (const el of content.querySelectorAll('[data-line]')) {
      const line = Number(el.getAttribute('data-line'));
      if (!Number.isFinite(line)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.height === 0 && rect.width === 0) continue; // not displayed
      out.push({ line, top: rect.top + window.scrollY, height: rect.height });
    }
    // A nested block (a row in its table) can start on its parent's line: keep page order, lines non-decreasing.
    out.sort((a, b) => a.top - b.top || a.line - b.line);
    return out;
  }

  /** The page offset that shows source line `line` (fractional) at the top. */
  function offsetForLine(line) {
    const list = blocks();
    if (list.length === 0 || line <= 0) return 0;
    let before;
    let after;
    for (const b of list) {
      if (b.line <= line) {
        if (!before || b.line >= before.line) before = b;
      } else if (!after || b.line < after.line || (b.line === after.line && b.top < after.top)) {
        after = b;
      }
    }
    if (!before) return after ? Math.max(0, after.top - 8) : 0;
    if (!after || after.top <= before.top) {
      // Within the last block (or one taller than the lines it spans): as far into it as the line is.
      return before.top;
    }
    return before.top + ((after.top - before.top) * (line - before.line)) / (after.line - before.line);
  }

  /** The source line (fractional) at page offset `y`. */
  function lineForOffset(y) {
    const list = blocks();
    if (list.length === 0) return undefined;
    let before;
    let after;
    for (const b of list) {
      if (b.top <= y) before = b;
      else {
        after = b;
        break;
      }
    }
    if (!before) return 0;
    if (!after || after.line <= before.line) return before.line;
    return before.line + ((y - before.top) / (after.top - before.top)) * (after.line - before.line);
  }

  // The offset this script last scrolled to: the scroll event it causes is not sent back to the editor.
  let scrolledTo = -1;
  let pending = false;

  function scrollToLine(line) {
    const y = Math.max(0, Math.min(Math.round(offsetForLine(line)), document.documentElement.scrollHeight - window.innerHeight));
    if (Math.abs(y - window.scrollY) < 1) return;
    scrolledTo = y;
    window.scrollTo(0, y);
  }

  window.addEventListener('scroll', () => {
    if (scrolledTo >= 0 && Math.abs(window.scrollY - scrolledTo) <= 1) {
      scrolledTo = -1;
      return;
    }
    scrolledTo = -1;
    if (pending) return;
    pending = true;
    // One message per frame while the user scrolls.
    window.requestAnimationFrame(() => {
      pending = false;
      const line = lineForOffset(window.scrollY);
      if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
    });
  }, { passive: true });

  function show(message) {
    const y = window.scrollY;
    content.innerHTML = message.html;
    if (message.title) document.title = message.title;
    if (message.state) vscode.setState(message.state);
    if (typeof message.line === 'number') scrollToLine(message.line);
    else if (Math.abs(window.scrollY - y) >= 1) {
      scrolledTo = y;
      window.scrollTo(0, y);
    }
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message) return;
    if (message.type === 'update' && typeof message.html === 'string') show(message);
    else if (message.type === 'scroll' && typeof message.line === 'number') scrollToLine(message.line);
  });

  document.addEventListener('click', (event) => {
    const a = event.target && event.target.closest ? event.target.closest('a') : null;
    if (!a) return;
    // The link is ours alone: the webview host (VS Code) listens on the window and would open it too, an http link
    // a second time and a workspace link as the address of the webview's resource server, in a browser.
    event.preventDefault();
    event.stopPropagation();
    const target = a.getAttribute('data-isms-target');
    if (target) {
      vscode.postMessage({ type: a.getAttribute('data-isms-kind') === 'finding' ? 'finding' : 'open', target });
      return;
    }
    const href = a.getAttribute('href') || '';
    if (href.charAt(0) === '#') {
      let id = href.slice(1);
      try { id = decodeURIComponent(id); } catch { /* keep as written */ }
      const el = document.getElementById('user-content-' + id) || document.getElementById(id);
      if (el) el.scrollIntoView({ block: 'start' });
      return;
    }
    if (/^(https?:|mailto:)/i.test(href)) vscode.postMessage({ type: 'external', href });
  });

  vscode.postMessage({ type: 'ready' });
})();
