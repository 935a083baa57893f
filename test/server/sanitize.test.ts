// The preview's own sanitiser (server/src/engine/render/sanitize.ts) against rehype-sanitize, which it stands in
// for: the same tree, node for node, for every preview of the example ISMS and the test fixtures (editor and
// export), and for hostile trees that exercise each rule of the schema (tags, ancestors, attributes, protocols,
// clobbering, required attributes, comments, data and positions).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import rehypeSanitize from 'rehype-sanitize';
import type { Root } from 'hast';
import { sanitizer } from '../../server/src/engine/render/sanitize';
import { toHtml, type StaticTargets } from '../../server/src/engine/render/toHtml';
import { PREVIEW_SCHEMA, renderPreviewTreeWith } from '../../server/src/engine/render/preview';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { workspaceOf } from '../../server/src/engine/testing/fixtures';

const reference = unified().use(rehypeSanitize, PREVIEW_SCHEMA);
const ours = sanitizer(PREVIEW_SCHEMA);

/** Every target id leads somewhere of its own, with characters to escape (the pack's static links). */
const LINKS = new Proxy({} as StaticTargets, { get: (_, id) => (typeof id === 'string' && /^t\d+$/.test(id) ? { uri: `x.html?a=1&b="${id}"` } : undefined) });

/**
 * Both sanitisers on copies of `tree` (the reference's output is the expectation); and the one-pass writer (the
 * audit pack's) writes what the preview's writer makes of the sanitised tree, with and without static links.
 */
function same(tree: Root, what: string): Root {
  const expected = reference.runSync(structuredClone(tree)) as Root;
  const actual = ours(structuredClone(tree));
  assert.deepStrictEqual(actual, expected, what);
  for (const links of [undefined, LINKS]) {
    const out = ['before'];
    ours.html(structuredClone(tree), links, out);
    assert.equal(out.join(''), 'before' + toHtml(expected, links), `${what}: one pass${links ? ', static links' : ''}`);
  }
  return actual;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : /\.(md|markdown)$/i.test(name) ? [path] : [];
  });
}

const el = (tagName: string, properties: Record<string, unknown> = {}, children: unknown[] = []) => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text', value });

describe('preview sanitiser equals rehype-sanitize', function () {
  this.timeout(120_000);

  it('on every preview of the example ISMS, editor and export, with findings', async () => {
    const root = 'examples/acme-ai-isms';
    const workspace = await loadWorkspace(root);
    let trees = 0;
    for (const doc of workspace.ismsDocuments()) {
      const text = readFileSync(join(root, doc.path), 'utf8');
      for (const editor of [false, true]) {
        const findings = [{ path: doc.path, code: 'x', message: 'm', severity: 'warning' as const, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } } }];
        renderPreviewTreeWith({ workspace, path: doc.path, doc, text, today: 20_000, findings, linker: { uri: (p) => p }, editor }, (tree) => same(tree, `${doc.path} editor ${editor}`));
        trees++;
      }
    }
    assert.ok(trees > 80, `${trees} trees`);
  });

  it('on every Markdown file of the fixtures (hostile ones included)', () => {
    const files = ['test/fixtures', 'test/vscode/fixtures', 'media'].flatMap(markdownFiles);
    assert.ok(files.length > 20, `${files.length} files`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const workspace = workspaceOf({ 'doc.md': text });
      for (const editor of [false, true]) renderPreviewTreeWith({ workspace, path: 'doc.md', doc: workspace.getDocument('doc.md'), text, today: 20_000, findings: [], linker: { uri: (p) => p }, editor }, (tree) => same(tree, `${file} editor ${editor}`));
    }
  });

  it('writes in one pass what it would write in two where the writer leaves a node to hast-util-to-html (svg, comments)', () => {
    const schema = { ...PREVIEW_SCHEMA, tagNames: [...(PREVIEW_SCHEMA.tagNames ?? []), 'svg', 'style'], allowComments: true };
    const wide = sanitizer(schema);
    const trees = [
      { type: 'root', children: [el('p', {}, [text('a & b')]), el('svg', {}, [text('drawing')])] },
      { type: 'root', children: [el('p', {}, [text('x'), { type: 'comment', value: 'note --> y' }])] },
      { type: 'root', children: [el('style', {}, [text('a < b'), el('custom', {}, [text('c & d')])])] },
    ] as unknown as Root[];
    for (const tree of trees) {
      for (const links of [undefined, LINKS]) {
        const out: string[] = [];
        wide.html(structuredClone(tree), links, out);
        assert.equal(out.join(''), toHtml(wide(structuredClone(tree)), links));
      }
    }
  });

  it('on hostile trees: tags, ancestors, attributes, protocols, clobbering, required attributes, comments, data, positions', () => {
    const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 3 } };
    const tree = {
      type: 'root',
      position,
      children: [
        { type: 'doctype' },
        { type: 'comment', value: 'x --> y' },
        { type: 'raw', value: '<script>alert(1)</script>' },
        el('script', {}, [text('alert(1)')]),
        el('style', {}, [text('body{}')]),
        el('iframe', { src: 'https://evil.example' }, [text('inside')]),
        el('custom-tag', { onClick: 'x' }, [text('kept text'), el('b', {}, [text('bold')])]),
        el('*', {}, [text('star')]),
        el('', {}, [text('nameless')]),
        el('li', {}, [text('orphan item')]),
        el('ul', {}, [el('li', { className: ['task-list-item', 'evil'] }, [el('input', { type: 'checkbox', checked: true, onChange: 'x' })])]),
        el('table', {}, [el('tr', {}, [el('td', { align: 'center', style: 'x' }, [text('cell')])])]),
        el('td', {}, [text('cell outside a table')]),
        el('input', { type: 'text', value: 'v' }),
        el('a', { href: 'javascript:alert(1)', title: 't', id: 'anchor', name: 'n', dataIsmsTarget: 't1', dataIsmsKind: 'risk', dataOther: 'x', ariaLabel: 'a', className: ['isms-ref', 'other', 7, true] }, [text('link')]),
        el('a', { href: 'JAVASCRIPT:alert(1)' }, [text('upper')]),
        el('a', { href: 'mailto:ann@example.com' }, [text('mail')]),
        el('a', { href: '/path:with?colon' }, [text('relative')]),
        el('a', { href: '#x:y' }, [text('hash')]),
        el('a', { href: '?q=a:b' }, [text('query')]),
        el('a', { href: ['https://a', 'javascript:b'] }, [text('array')]),
        el('img', { src: 'data:image/png;base64,xx', alt: 'a', width: 5, height: '6', srcSet: 'x' }),
        el('code', { className: ['language-js', 'language-', 'evil'] }, [text('code')]),
        el('h2', { id: 'heading', dataLine: 12 }, [text('heading')], ),
        el('div', { dataLine: 'abc', className: 'isms-body', hidden: true, itemProp: ['a', 'b'] }, [text('div')]),
        el('details', { open: true }, [el('summary', {}, [text('s')])]),
        el('span', { className: ['isms-x'], title: 1 }, [{ type: 'text' }, { type: 'unknown' }, null, 'string', 5]),
        { ...el('p', {}, [{ ...text('with data'), data: { a: { b: 1 } }, position }]), data: { hName: 'x' }, position: { start: { line: 0, column: 1 }, end: { line: 1, column: 1 } } },
        el('sup', {}, [el('a', { href: '#fn-1', id: 'fnref-1', dataFootnoteRef: true, ariaDescribedBy: 'footnote-label' }, [text('1')])]),
        el('section', { dataFootnotes: true, className: ['footnotes'] }, [el('h2', { id: 'footnote-label', className: ['sr-only'] }, [text('Footnotes')])]),
      ],
    } as unknown as Root;
    const out = same(tree, 'hostile tree');
    assert.doesNotMatch(JSON.stringify(out), /alert|onClick|evil\.example|style/);
    // Unwrapped to a single child: the root itself is that child.
    same({ type: 'root', children: [el('custom', {}, [el('p', {}, [text('only')])])] } as unknown as Root, 'single child');
    same({ type: 'root', children: [el('script', {}, [])] } as unknown as Root, 'nothing left');
    // For the one-pass writer: void elements with and without content, an element the writer leaves to
    // hast-util-to-html (svg), a nested root, a tag allowed only inside another (unwrapped outside it).
    same({ type: 'root', children: [el('p', {}, [el('br'), el('img', { src: 'a.png' }, [text('')]), el('hr', {}, [text('inside')]), el('input', { type: 'checkbox' }, [el('custom', {}, [text('x')])])])] } as unknown as Root, 'void elements');
    same({ type: 'root', children: [el('svg', {}, [text('drawing')]), el('p', {}, [text('a < b & c')])] } as unknown as Root, 'svg');
    same({ type: 'root', children: [el('div', {}, [{ type: 'root', children: [text('inner')] }])] } as unknown as Root, 'nested root');
    same({ type: 'root', children: [el('tr', {}, [el('td', {}, [text('cell')])]), el('table', {}, [el('tbody', {}, [el('tr', {}, [el('td', { dataIsmsTarget: 't2' }, [text('in')])])])])] } as unknown as Root, 'ancestors');
    same({ type: 'root', children: [el('a', { href: 'https://a', dataIsmsTarget: 't3', className: ['isms-ref'] }, [text('static')]), el('a', { dataIsmsTarget: 't4' }, [text('no href')])] } as unknown as Root, 'static links');
  });
});
