// The preview's fast Markdown front end (server/src/engine/render/markdownTree.ts, markdown-it) against the parser
// it stands in for (remark-parse with remark-frontmatter and remark-gfm): for every document here, the HTML that
// remark-rehype makes from either tree is the same, so the preview and the audit pack read as before.
// MARKDOWN_TREE_CORPUS=dir1:dir2 adds folders of Markdown (e.g. real ISMS repositories checked out locally).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { staticLinks, toHtml as writeHtml } from '../../server/src/engine/render/toHtml';
import { fastMarkdownTree, needsRemark } from '../../server/src/engine/render/markdownTree';
import { mdastToHast } from '../../server/src/engine/render/mdastToHast';
import { referenceCache, renderPreviewTree, writePreviewHtml } from '../../server/src/engine/render/preview';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { workspaceOf, policy } from '../../server/src/engine/testing/fixtures';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const toHtml = unified().use(remarkRehype).use(rehypeStringify);

/** The HTML of a tree, checking on the way that the preview's own writer writes it as rehype-stringify does. */
function html(tree: Root): string {
  const hast = toHtml.runSync(tree) as HastRoot;
  const expected = toHtml.stringify(hast);
  assert.equal(writeHtml(hast), expected, 'the preview writer and rehype-stringify differ');
  return expected;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : /\.(md|markdown)$/i.test(name) ? [path] : [];
  });
}

/** Each GFM and CommonMark construct an ISMS document uses, and the edges where two parsers could differ. */
const SAMPLES: Record<string, string> = {
  frontmatter: '---\nid: POL-01\ntitle: "Policy"\n---\n# Access control\n\nText.\n',
  toml: '+++\ntitle = "x"\n+++\n\nBody\n',
  notFrontmatter: '---\nid: x\n\nno closing fence\n',
  emptyFrontmatter: '---\n---\n# Heading\n',
  tables: '| ID | Control | Applicable |\n|:---|:---:|---:|\n| A.5.1 | Policies | yes |\n| A.5.2 | Roles \\| duties | no |\n| short |\n| a | b | c | extra |\n\nAfter\n',
  tableInList: '- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n',
  tableCode: '| a | b |\n|---|---|\n| `x \\| y` | **bold** [link](p.md) |\n',
  tasks: '- [ ] [linked](p.md) action\n- [ ] open action owner: Ann due: 2026-01-01\n- [x] done\n- [X] Done\n- [ ]\n- [ ] \n- [] not\n- [ ]not\n- text [ ] later\n\n1. [ ] ordered\n2. [x] ordered done\n\n- [ ]\n  next line\n',
  taskLoose: '- [ ] a\n\n- [x] b\n\n  more\n',
  lists: '- a\n- b\n  - c\n  - d\n\n    loose\n- e\n\n3. three\n4. four\n\n1) paren\n\n* star\n+ plus\n\n- \n  empty first\n- code\n\n      indented code\n',
  looseTight: '- a\n\n- b\n\n\n- c\n\nText\n\n- x\n  y\n- z\n',
  autolinks: 'See www.example.com, https://example.com/path?q=1. and (https://example.com/x) or <https://a.b/c> and mail ann@example.com or ann@example.com.\n\nNot: example.com, http://, a@b, foo@bar.b_c, www.x\n\nEnd https://example.com/a_(b)_c) done.\n',
  autolinkEdges: '*www.example.com* **https://x.org** [https://in.link](https://target) `https://code` x@y.com.\n',
  html: '<div>\nblock *html*\n</div>\n\nInline <span>tag</span> and <!-- isms-ignore x --> comment.\n\n<script>alert(1)</script>\n\n<b>only</b>\n',
  code: '```ts title="x"\nconst a = 1;\n```\n\n~~~\ntilde fence\n~~~\n\n    indented\n    code\n',
  unclosedFence: 'Text\n\n```\nunclosed\n',
  htmlAfterItem: '1. item\n<br>\n\nNext\n',
  breaks: 'line one  \nline two\\\nline three\nline four\n\ntrailing \nspace\n',
  escapes: 'A \\*not em\\* &amp; &copy; &#169; &lt;tag&gt; \\[x\\] 5 \\< 6\n',
  emphasis: '*a* **b** ***c*** _d_ __e__ a*b*c snake_case_word **unclosed *mixed** ~~struck~~\n',
  links: '[text](../policies/p.md "Title") [ref][r] [collapsed][] [r] ![img](a.png "t") ![alt *em* `code`](b.png)\n\n[r]: https://example.com/r "R"\n[collapsed]: <a b.md>\n\n[x](javascript:alert(1)) [y](<evidence/pen test.pdf>) [z](evidence/pen%20test.pdf) [](empty)\n',
  headings: '# One #\n## Two\n###### Six\n####### seven\nSetext\n===\nSetext two\n---\n#NoSpace\n',
  quotes: '> quote\n> - list\n>\n> > nested\n\n> lazy\ncontinuation\n',
  hr: '***\n---\n___\n',
  ids: 'Controls A.5.15 and A.8.25 Secure development, risk R-001, document POL-01.\n',
  unicode: 'Ümlaute und 日本語のテキスト — “quotes” … émoji 🔐\n',
  tabs: '-\ttab list\n\n\tcode with tab\n\n>\tquoted tab\n',
  nul: 'a\u0000b\n',
  entitiesInLinks: '[a](p&amp;q.md) [b](p\\_q.md) <https://x.y/?a=1&amp;b=2>\n',
};

describe('fast Markdown tree (markdown-it) equals remark-parse', function () {
  this.timeout(120_000);

  function same(name: string, text: string) {
    const fast = fastMarkdownTree(text);
    if (!fast) return false;
    // The preview converts the fast tree itself: the HTML tree remark-rehype makes, node for node.
    assert.deepEqual(mdastToHast(fast), toHtml.runSync(fast), `${name}: the fast converter and remark-rehype differ`);
    assert.equal(html(fast), html(remark.parse(text)), name);
    return true;
  }

  it('renders every construct of the samples the same', () => {
    const left = Object.entries(SAMPLES).filter(([name, text]) => !same(name, text)).map(([name]) => name);
    // Left to remark: a tight list with a blank line inside it, or after it in a quote (remark's looseness rules);
    // an unclosed code fence (remark trims its blank lines); inline HTML opening the line after a list item.
    assert.deepEqual(left, ['lists', 'unclosedFence', 'htmlAfterItem', 'quotes']);
  });

  it('renders the example ISMS, the test fixtures and the XSS payloads the same', () => {
    const own = ['examples', 'test/fixtures', 'test/vscode/fixtures', 'media'];
    const extra = process.env.MARKDOWN_TREE_CORPUS?.split(':').filter(Boolean) ?? [];
    const differ: string[] = [];
    const count = (dirs: string[]) => {
      let fast = 0;
      let files = 0;
      for (const file of dirs.flatMap(markdownFiles)) {
        files++;
        const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        try {
          if (same(file, text)) fast++;
        } catch (e) {
          if (!(e instanceof assert.AssertionError)) throw e;
          differ.push(file);
        }
      }
      return { fast, files };
    };
    const mine = count(own);
    const theirs = count(extra);
    assert.deepEqual(differ, [], `${differ.length} of ${mine.files + theirs.files} files render differently`);
    assert.ok(mine.files > 60, `${mine.files} files`);
    // The repository's own documents take the fast path; only rare shapes are left to remark.
    assert.ok(mine.fast > mine.files * 0.9, `${mine.fast} of ${mine.files} parsed by markdown-it`);
    if (extra.length) console.log(`      ${theirs.fast} of ${theirs.files} files of MARKDOWN_TREE_CORPUS parsed by markdown-it, all rendered the same`);
  });

  it('leaves to remark-rehype the trees the fast converter does not know (definitions, footnotes, frontmatter)', () => {
    for (const text of ['[a][r]\n\n[r]: https://example.com\n', 'a[^1]\n\n[^1]: note\n', '---\nid: x\n---\n# T\n']) {
      const tree = remark.parse(text);
      assert.equal(mdastToHast(tree), undefined, text);
    }
    // What it knows, it converts as remark-rehype does, also where a tree is not one markdown-it made.
    const tree = remark.parse('- [ ] task\n\n  more\n- b  \n  after break\n\n| a | b |\n|:-|-:|\n| 1 |\n');
    const strip = (node: unknown): unknown => JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)));
    assert.deepEqual(mdastToHast(strip(tree) as Root), strip(toHtml.runSync(tree)));
  });

  it('leaves to remark what markdown-it reads differently', () => {
    assert.equal(needsRemark('a[^1]\n\n[^1]: note\n'), 'footnotes');
    assert.equal(needsRemark('~one tilde~\n'), 'tildes');
    assert.equal(needsRemark('a\r\nb\r\n'), 'CR, form feed or vertical tab characters');
    assert.equal(needsRemark('Write to mailto:ann@example.com.\n'), 'mailto: or xmpp: addresses');
    assert.equal(needsRemark('~~two~~ and\n~~~\nfence\n~~~\n- ~~~\n  fence in a list\n  ~~~\n'), undefined);
    assert.equal(fastMarkdownTree('~one tilde~\n'), undefined);
    assert.equal(needsRemark('page\fbreak\n'), 'CR, form feed or vertical tab characters');
    // Literal URLs and addresses that touch other text or leave the URI characters: remark's tokenizer decides.
    assert.equal(fastMarkdownTree('および https://example.com/support（随時更新）\n'), undefined);
    assert.equal(fastMarkdownTree('See https://example.com/{user}\n'), undefined);
    assert.equal(fastMarkdownTree('See:https://example.com\n'), undefined);
    assert.ok(fastMarkdownTree('See (https://example.com/a) and ann@example.com.\n'));
  });

  it("an export's shared cache (IDs, links by folder, the acceptance threshold) renders what each document alone renders", async () => {
    const root = 'examples/acme-ai-isms';
    const workspace = await loadWorkspace(root);
    const shared = referenceCache();
    const linker = { uri: (p: string) => `#doc-${p}` };
    let docs = 0;
    // Twice round, so that the second pass reads every document's IDs and links from the cache.
    for (const round of [1, 2]) {
      for (const doc of workspace.ismsDocuments()) {
        const text = readFileSync(join(root, doc.path), 'utf8');
        const input = { workspace, path: doc.path, doc, text, today: 20_000, findings: [], linker };
        const cached = renderPreviewTree({ ...input, references: shared });
        const alone = renderPreviewTree(input);
        assert.equal(writeHtml(cached.tree, cached.targets), writeHtml(alone.tree, alone.targets), `${doc.path}, round ${round}`);
        // The pack's own path: sanitised and written in one pass, with the shared cache.
        const out: string[] = [];
        writePreviewHtml({ ...input, references: shared }, out);
        assert.equal(out.join(''), writeHtml(alone.tree, alone.targets), `${doc.path}, round ${round}, one pass`);
        docs++;
      }
    }
    assert.ok(shared.links.size > 20 && shared.size > 50 && shared.threshold !== undefined, `${shared.links.size} links, ${shared.size} IDs cached`);
    assert.ok(docs > 60);
  });

  it("writes the pack's static links in one pass as staticLinks rewrites the written HTML", async () => {
    const linker = { uri: (p: string) => `#doc-${p.replace(/\W+/g, '-')}` };
    let links = 0;
    const root = 'examples/acme-ai-isms';
    const workspace = await loadWorkspace(root);
    for (const doc of workspace.ismsDocuments()) {
      const text = readFileSync(join(root, doc.path), 'utf8');
      const { tree, targets } = renderPreviewTree({ workspace, path: doc.path, doc, text, today: 20_000, findings: [], linker, references: referenceCache() });
      const html = writeHtml(tree, targets);
      assert.equal(html, staticLinks(writeHtml(tree), targets), doc.path);
      assert.doesNotMatch(html, /data-isms-target/, doc.path);
      links += Object.keys(targets).length;
    }
    assert.ok(links > 100, `${links} links`);
    // Where the regular expression misread the HTML, the writer is right: a tooltip holding ">" before the
    // target (the regex left that reference pointing nowhere), and text that reads like the attribute.
    const files = {
      'p.md': policy({ id: 'POL-001', title: 'Score > 12 means escalate' }, '# Policy\n\nSee POL-002. Literal data-isms-target="t1" text.\n'),
      'q.md': policy({ id: 'POL-002', title: 'Risk > threshold' }, '# Q\n\nBack to POL-001.\n'),
    };
    const small = workspaceOf(files);
    const p = renderPreviewTree({ workspace: small, path: 'p.md', doc: small.getDocument('p.md'), text: files['p.md'], today: 20_000, findings: [], linker });
    const html = writeHtml(p.tree, p.targets);
    assert.match(html, /<a href="#doc-q-md" class="isms-ref isms-ref-document isms-resolved" title="POL-002 Risk > threshold \(q\.md\)" data-isms-kind="document">/);
    assert.match(html, /Literal data-isms-target="t1" text\./);
    assert.notEqual(staticLinks(writeHtml(p.tree), p.targets), html, 'the regular expression reads these right now: the case is no longer one it misread');
  });
});
