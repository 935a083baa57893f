/* global acquireVsCodeApi, document, window */
// The ISMS preview's only script (loaded with the page's nonce). It shows the sanitised HTML the extension
// posts, and turns clicks into messages: an ID or workspace link -> "open" (the extension looks the target up
// in what the server sent), an http(s)/mailto link -> "external" (the extension asks VS Code to open it), an
// in-page anchor -> scroll; any other link does nothing. Nothing in the document can run: the HTML is sanitised
// and the CSP allows no inline script or handler.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const content = document.getElementById('isms-content');

  function show(message) {
    const y = window.scrollY;
    content.innerHTML = message.html;
    if (message.title) document.title = message.title;
    if (message.state) vscode.setState(message.state);
    window.scrollTo(0, y);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update' && typeof message.html === 'string') show(message);
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
      vscode.postMessage({ type: 'open', target });
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
