// The preview renderer (server/src/engine/render/preview.ts) called directly: bounded time on hostile input,
// sanitised output, references resolved against the index.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { renderPreview, renderPreviewTree, excessiveNesting, PREVIEW_MAX_CHARS } from '../../server/src/engine/render/preview';
import { workspaceOf, policy, check } from '../../server/src/engine/testing/fixtures';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { parseIsoDate } from '../../server/src/engine/util/dates';

function render(files: Record<string, string>, path: string) {
  const workspace = workspaceOf(files);
  return renderPreview({ workspace, path, doc: workspace.getDocument(path), text: files[path], today: 20_000, findings: [], linker: { uri: (p) => `file:///ws/${p}` } });
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = Date.now();
  const value = fn();
  return { value, ms: Date.now() - t };
}

describe('preview renderer', function () {
  this.timeout(30_000);
  it('renders deeply nested quotes and lists as plain text, quickly, instead of overflowing the stack', () => {
    for (const text of ['> '.repeat(5000) + 'deep', '- '.repeat(5000) + 'deep', Array.from({ length: 400 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n')]) {
      const { value, ms } = timed(() => render({ 'x.md': text }, 'x.md'));
      assert.ok(ms < 2000, `${ms} ms`);
      assert.match(value.html, /cannot be previewed: (quotes or lists are nested|lines are indented)/);
      assert.match(value.html, /<pre>/);
    }
    assert.equal(excessiveNesting('> quote\n>> nested\n- a\n  - b\n'), undefined);
  });

  it('renders megabytes as a plain-text excerpt', () => {
    const text = 'x '.repeat(PREVIEW_MAX_CHARS);
    const { value, ms } = timed(() => render({ 'x.md': text }, 'x.md'));
    assert.ok(ms < 2000, `${ms} ms`);
    assert.match(value.html, /larger than/);
    assert.ok(value.html.length < 30_000);
  });

  it('survives 20,000 unmatched brackets and emphasis markers in bounded time', () => {
    for (const text of ['['.repeat(20_000), '*'.repeat(20_000), '_a'.repeat(10_000), '<'.repeat(20_000)]) {
      const { ms } = timed(() => render({ 'x.md': text }, 'x.md'));
      assert.ok(ms < 5000, `${ms} ms`);
    }
  });

  it('keeps no script, handler, style, iframe, form, object or remote resource', () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '<a href="javascript:alert(3)">a</a> <a href="  JaVaScRiPt:alert(3)">b</a>',
      '[c](javascript:alert(4)) [d](JAVASCRIPT:alert(4)) [e](data:text/html,<script>alert(5)</script>)',
      '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">',
      '<form><button formaction="javascript:alert(6)">go</button></form>',
      '<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '![tracker](https://evil.example/pixel.png) ![svg](data:image/svg+xml,<svg onload=alert(7)>)',
      '<details open ontoggle=alert(8)><summary>s</summary></details>',
      '<base href="https://evil.example/">',
    ].join('\n\n');
    const { html } = render({ 'p.md': policy({}, body) }, 'p.md');
    for (const bad of [/<script/i, /<[^>]*\son\w+\s*=/i, /javascript:/i, /(href|src)="data:/i, /<iframe/i, /<object/i, /<embed/i, /<form/i, /<button/i, /<style/i, /<link/i, /<meta/i, /<base/i, /style=/i, /<img/i, /<svg/i]) {
      assert.doesNotMatch(html, bad, `${bad}`);
    }
    assert.match(html, /class="isms-remote-image"/);
  });

  it('keeps none of the payloads of the real-editor XSS test (test/vscode/fixtures/xss-payloads.md)', () => {
    // The placeholders that test fills with calls to its sentinel server, here with an alert each.
    const text = readFileSync(join(process.cwd(), 'test/vscode/fixtures/xss-payloads.md'), 'utf8')
      .replace(/\{\{(?:JS|LATER):([\w-]+)\}\}/g, "alert('$1')")
      .replace(/\{\{S\}\}/g, 'http://127.0.0.1:9')
      .replace(/\{\{HOST\}\}/g, '127.0.0.1:9');
    const path = 'procedures/xss-payloads.md';
    const files = { [path]: text, 'procedures/xss-image.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' };
    const { html, title } = render(files, path);
    // The preview's own HTML writer (render/toHtml.ts) writes the sanitised tree exactly as rehype-stringify does.
    const workspace = workspaceOf(files);
    const { tree } = renderPreviewTree({ workspace, path, doc: workspace.getDocument(path), text, today: 20_000, findings: [], linker: { uri: (p) => `file:///ws/${p}` } });
    assert.equal(html, hastToHtml(tree));
    // The elements and attributes of the output (text and tooltips quote the payloads, escaped).
    const elements = [...html.matchAll(/<([a-z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].map(([, tag, attrs]) => ({
      tag: tag.toLowerCase(),
      attrs: [...attrs.matchAll(/\s([^\s=>]+)(?:="([^"]*)")?/g)].map(([, name, value]) => ({ name: name.toLowerCase(), value: value ?? '' })),
    }));
    assert.ok(elements.length > 100);
    const allowed = new Set(['section', 'div', 'span', 'a', 'p', 'h1', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'sup', 'img', 'details', 'summary']);
    for (const { tag, attrs } of elements) {
      assert.ok(allowed.has(tag), `<${tag}>`);
      for (const { name, value } of attrs) {
        assert.ok(!/^on|^style$|^srcset$|^formaction$/.test(name), `<${tag} ${name}>`);
        if (name === 'href' || name === 'src') assert.ok(!/^(javascript|data|vbscript|command|file):/i.test(value.replace(/[\s\p{Cc}]+/gu, '')), `<${tag} ${name}="${value}">`);
        if (tag === 'img' && name === 'src') assert.ok(!/^(https?:)?\/\//i.test(value), `remote image ${value}`);
      }
    }
    // Frontmatter values are text; remote images are links; the local image stays.
    assert.match(title, /^XSS payload procedure <img src=x onerror=/);
    assert.match(html, /<div class="isms-card-title">XSS payload procedure &#x3C;img src=x onerror=/);
    assert.equal(html.match(/class="isms-remote-image"/g)?.length, 4);
    assert.match(html, /<img src="xss-image\.svg"/);
    assert.match(html, /End of payloads: XSS-PAYLOADS-END\./);
  });

  it('resolves IDs to their titles, in prose with the title shown and in tables as a tooltip', () => {
    const files = {
      'p.md': policy({ id: 'POL-001', title: 'Access Policy' }, '# Access\n\nSee A.5.15 and POL-001.\n\n| Control |\n|---|\n| A.8.5 |\n'),
    };
    const { html, targets } = render(files, 'p.md');
    assert.match(html, /<span class="isms-ref-id">A\.5\.15<\/span><span class="isms-ref-title">Access control<\/span>/);
    assert.match(html, /<td><a [^>]*title="A\.8\.5 Secure authentication[^"]*"[^>]*><span class="isms-ref-id">A\.8\.5<\/span><\/a><\/td>/);
    const doc = /data-isms-kind="document"[^>]*data-isms-target="(t\d+)"/.exec(html);
    assert.ok(doc);
    assert.deepEqual(targets[doc[1]], { uri: 'file:///ws/p.md', line: 0, character: 0 });
  });

  it('the header card counts the findings and says where they are listed: the Problems panel, or a given link', () => {
    const files = { 'p.md': policy({ id: 'POL-001', title: 'Access Policy' }, '# Access\n') };
    const workspace = workspaceOf(files);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const findings = [
      { path: 'p.md', range, severity: 'error' as const, code: 'x', message: 'x' },
      { path: 'p.md', range, severity: 'warning' as const, code: 'y', message: 'y' },
    ];
    const input = { workspace, path: 'p.md', doc: workspace.getDocument('p.md'), text: files['p.md'], today: 20_000, findings, linker: { uri: (p: string) => `file:///ws/${p}` } };
    const card = (html: string) => /<div class="isms-card-findings">(.*?)<\/div>/.exec(html)?.[1];
    assert.match(card(renderPreview(input).html) ?? '', /1 error, 1 warning<\/span> in this document \(see the Problems panel\)$/);
    const listed = card(renderPreview({ ...input, findingsListed: { href: '#findings', label: 'Open findings' } }).html) ?? '';
    assert.match(listed, /in this document \(see <a href="#findings">Open findings<\/a>\)$/);
    assert.doesNotMatch(listed, /Problems panel/);
    assert.equal(card(renderPreview({ ...input, findings: [] }).html), undefined, 'no findings, no line');
  });

  it('links to evidence files whose names need percent-encoding, written either way', () => {
    const text = policy({}, '[a](<evidence/pen test.pdf>) [b](evidence/pen%20test.pdf) [c](evidence/other.pdf)\n');
    const workspace = workspaceOf({ 'p.md': text });
    workspace.addFile('evidence/pen test.pdf');
    const { html, targets } = renderPreview({ workspace, path: 'p.md', doc: workspace.getDocument('p.md'), text, today: 20_000, findings: [], linker: { uri: (p) => `file:///ws/${p}` } });
    const linked = [...html.matchAll(/class="isms-link"[^>]*data-isms-target="(t\d+)"/g)].map((m) => targets[m[1]].uri);
    assert.deepEqual(linked, ['file:///ws/evidence/pen test.pdf', 'file:///ws/evidence/pen test.pdf']);
    assert.match(html, /class="isms-broken-link" title="evidence\/other\.pdf: not found in the workspace"/);
  });

  it('never links outside the workspace', () => {
    const { html } = render({ 'a/p.md': policy({}, '[up](../../../etc/passwd) [abs](/etc/passwd) [file](file:///etc/passwd) ![img](../../outside.png)') }, 'a/p.md');
    assert.doesNotMatch(html, /href="[^"]*(etc\/passwd|file:)/);
    assert.doesNotMatch(html, /outside\.png"/);
  });

  describe('in the editor (scroll sync, finding markers, wide tables)', () => {
    const forEditor = (files: Record<string, string>, path: string, findings = check(files)) => {
      const workspace = workspaceOf(files);
      return renderPreview({ workspace, path, doc: workspace.getDocument(path), text: files[path], today: 20_000, findings: findings.filter((d) => d.path === path), linker: { uri: (p) => `file:///ws/${p}` }, editor: true });
    };
    /** `tag line` of every element with a data-line, in document order. */
    const lines = (html: string) => [...html.matchAll(/<([a-z][\w-]*)\b[^>]*?\sdata-line="(\d+)"/g)].map(([, tag, line]) => `${tag} ${line}`);

    it('gives every block and table row its 0-based source line, counting the frontmatter', () => {
      const text = policy({ id: 'POL-001', title: 'Access Policy' }, '# Access\n\nFirst paragraph\nspans two lines.\n\n- item one\n- item two\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n```\ncode\n```\n\n> quoted\n');
      const offset = text.split('\n').indexOf('# Access');
      assert.ok(offset > 3);
      const { html } = forEditor({ 'p.md': text }, 'p.md', []);
      const at = (n: number) => n + offset;
      assert.deepEqual(lines(html), ['section 0', `h1 ${at(0)}`, `p ${at(2)}`, `li ${at(5)}`, `li ${at(6)}`, `table ${at(8)}`, `tr ${at(8)}`, `tr ${at(10)}`, `tr ${at(11)}`, `pre ${at(13)}`, `blockquote ${at(17)}`, `p ${at(17)}`]);
      // Each line is the line of the source: the paragraph's first line, each row's own.
      const source = text.split('\n');
      assert.equal(source[at(10)], '| 1 | 2 |');
      assert.equal(source[at(17)], '> quoted');
    });

    it('puts each table in a sideways scroller, and leaves the audit pack (no editor) as it was', () => {
      const files = { 'p.md': policy({}, '# T\n\n| ID | Wide |\n|---|---|\n| X-1 | text |\n') };
      const { html } = forEditor(files, 'p.md', []);
      assert.match(html, /<div class="isms-table-wrap"><table data-line="\d+">/);
      const plain = render(files, 'p.md').html;
      assert.doesNotMatch(plain, /isms-table-wrap|data-line|isms-finding/);
    });

    it('marks the row and the paragraph that hold findings, with the worst severity, each leading to its finding', () => {
      const text = policy({ id: 'POL-001', title: 'Access Policy' }, '# Access\n\nSee [the missing procedure](missing.md).\n\n| Control | Note |\n|---|---|\n| A.5.15 | fine |\n| A.9.2.3 | a 2013 ID |\n');
      const files = { 'p.md': text };
      const found = check(files).filter((d) => d.path === 'p.md');
      const broken = found.find((d) => d.code === 'link-broken');
      const unknown = found.find((d) => d.range.start.line === text.split('\n').findIndex((l) => l.startsWith('| A.9.2.3')));
      assert.ok(broken && unknown, found.map((d) => `${d.code}@${d.range.start.line}`).join(', '));
      const { html, targets } = forEditor(files, 'p.md', found);
      // The paragraph: marked, its marker first, leading to the finding's position.
      const para = new RegExp(`<p class="isms-finding-block isms-finding-block-${broken.severity}" data-line="${broken.range.start.line}"><a class="isms-finding-marker isms-finding-${broken.severity}" href="#" title="([^"]*)"[^>]*data-isms-kind="finding" data-isms-target="(t\\d+)"`).exec(html);
      assert.ok(para, html);
      assert.match(para[1], /link-broken\), line \d+: .*missing\.md/);
      assert.deepEqual(targets[para[2]], { uri: 'file:///ws/p.md', line: broken.range.start.line, character: broken.range.start.character });
      // The row: marked, the marker in its first cell (the sticky one).
      const row = new RegExp(`<tr class="isms-finding-block isms-finding-block-${unknown.severity}" data-line="${unknown.range.start.line}">\\s*<td><a class="isms-finding-marker isms-finding-${unknown.severity}"[^>]*data-isms-target="(t\\d+)"`).exec(html);
      assert.ok(row, html);
      assert.equal(targets[row[1]].line, unknown.range.start.line);
      // The clean row is not marked.
      assert.match(html, /<tr data-line="\d+">\s*<td><a [^>]*><span class="isms-ref-id">A\.5\.15/);
      assert.equal(html.match(/class="isms-finding-marker/g)?.length, new Set(found.map((d) => d.range.start.line)).size);
    });

    it('puts frontmatter findings on the header card and counts several findings on one block in one marker', () => {
      const text = policy({ id: 'POL-001', title: 'Access Policy', owner: null }, '# Access\n\nBody.\n');
      const workspace = workspaceOf({ 'p.md': text });
      const body = text.split('\n').indexOf('Body.');
      const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
      const findings = [
        { path: 'p.md', range: range(2), severity: 'warning' as const, code: 'front', message: 'in the frontmatter' },
        { path: 'p.md', range: range(body), severity: 'warning' as const, code: 'w', message: 'a warning' },
        { path: 'p.md', range: range(body), severity: 'error' as const, code: 'e', message: 'an error' },
      ];
      const { html } = renderPreview({ workspace, path: 'p.md', doc: workspace.getDocument('p.md'), text, today: 20_000, findings, linker: { uri: (p) => `file:///ws/${p}` }, editor: true });
      assert.match(html, /<section class="isms-card isms-finding-block isms-finding-block-warning" data-line="0">.*?<a class="isms-finding-marker isms-finding-warning"[^>]*title="Warning \(front\), line 3: in the frontmatter/s);
      const marker = /<p class="isms-finding-block isms-finding-block-error"[^>]*><a class="isms-finding-marker isms-finding-error" href="#" title="([^"]*)"[^>]*>⊗<span class="isms-finding-count">2<\/span><\/a>Body\./.exec(html);
      assert.ok(marker, html);
      assert.match(marker[1], /^Error \(e\), line \d+: an error\nWarning \(w\), line \d+: a warning\n/);
    });

    it('on the example, marks the risk register\'s R-009 row (risk-score-mismatch) and nothing else', async () => {
      const workspace = await loadWorkspace('examples/acme-ai-isms');
      const path = 'risk/risk-register.md';
      const findings = checkWorkspace(workspace, { today: parseIsoDate('2026-11-21') }).filter((d) => d.path === path);
      const text = readFileSync(join('examples/acme-ai-isms', path), 'utf8');
      const { html } = renderPreview({ workspace, path, doc: workspace.getDocument(path), text, today: 20_000, findings, linker: { uri: (p) => `file:///ws/${p}` }, editor: true });
      const marked = [...html.matchAll(/<tr class="isms-finding-block[^"]*" data-line="(\d+)">\s*<td><a class="isms-finding-marker[^"]*"[^>]*title="([^"]*)"/g)];
      assert.equal(marked.length, 1);
      assert.match(text.split('\n')[Number(marked[0][1])], /^\| R-009 \|/);
      assert.match(marked[0][2], /risk-score-mismatch/);
      assert.equal(html.match(/isms-finding-marker/g)?.length, 1);
      assert.equal(html.match(/class="isms-table-wrap"/g)?.length, 1);
    });
  });
});
