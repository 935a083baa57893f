import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'frontmatter-syntax';

describe(code, () => {
  it('reports a YAML error at its exact place inside the frontmatter', () => {
    const found = check({ 'a.md': '---\ntype: policy\ntitle: [unclosed\nowner: me\n---\n# Body\n' }, { code });
    assert.ok(found.length >= 1);
    assert.ok(found[0].range.start.line >= 1 && found[0].range.start.line <= 4, JSON.stringify(found[0].range));
    assert.match(found[0].message, /YAML/);
  });

  it('says in plain words what is wrong, on the offending character', () => {
    const text = '---\ntype: policy\ntitle: Policy: Access control\n---\n';
    const found = check({ 'a.md': text }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /The value of `title` contains ": ", which YAML reads as the start of another field\. Put the whole value in quotes: title: "Policy: Access control"/);
    assert.deepEqual(found[0].range, { start: { line: 2, character: 13 }, end: { line: 2, character: 14 } });
    assert.equal(found[0].severity, 'error');
    const tab = check({ 'b.md': '---\ntype: policy\n\towner: me\n---\n' }, { code });
    assert.match(tab[0].message, /A tab indents this line/);
    assert.deepEqual(tab[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
    const quote = check({ 'c.md': '---\ntype: policy\ntitle: "Access\nowner: me\n---\n' }, { code });
    assert.equal(quote.length, 1);
    assert.match(quote[0].message, /double quote that opens the value of `title` is never closed/);
    assert.deepEqual(quote[0].range.start, { line: 2, character: 7 });
    const list = check({ 'd.md': '---\ntype: policy\nowner: - Head of IT\n---\n' }, { code });
    assert.equal(list.length, 1);
    assert.match(list[0].message, /A list item \("- "\) stands on the same line as `owner`/);
  });

  it('warns when a `#` cuts a value short, with a fix that quotes it, and leaves a spaced comment alone', () => {
    const text = '---\ntype: policy\nowner: #security-team\ntitle: Incident #3 review\nnext_review: 2027-01-31 # yearly\nskills: C# and F#\nnote: "quoted #kept"\n---\n';
    const found = check({ 'a.md': text }, { code });
    assert.deepEqual(found.map((f) => [f.severity, f.range.start.line, f.range.start.character]), [['warning', 2, 7], ['warning', 3, 16]]);
    assert.match(found[0].message, /`owner` is empty\. If "#security-team" belongs to the value, put the whole value in quotes: owner: "#security-team"/);
    assert.match(found[1].message, /`title` is "Incident"\./);
    const fix = (found[1].data as { fix: { title: string; newText: string; range: { start: { character: number } } } }).fix;
    assert.equal(fix.title, 'Quote the value of title');
    assert.equal(fix.newText, '"Incident #3 review"');
    assert.equal(fix.range.start.character, 7);
  });

  it('takes a tab after the key for no indentation: the ": " in the value is the slip, and its fix keeps the key', () => {
    const found = check({ 'a.md': '---\ntype: policy\ntitle:\tIntake: parcels\n---\n' }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /The value of `title` contains ": "/);
    assert.deepEqual(found[0].range, { start: { line: 2, character: 13 }, end: { line: 2, character: 14 } });
    assert.deepEqual((found[0].data as { fix: unknown }).fix, { title: 'Quote the value of title', range: { start: { line: 2, character: 7 }, end: { line: 2, character: 22 } }, newText: '"Intake: parcels"' });
  });

  it('is a warning in Markdown that declares no ISMS type (a site generator\'s page, say)', () => {
    const found = check({ 'blog/post.md': '---\nlayout: post\ntitle: Release: 1.2\n---\n# News\n' }, { code });
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
  });

  it('reports frontmatter that is never closed', () => {
    const found = check({ 'a.md': '---\ntype: policy\nid: POL-1\n\n# Body\n' }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /never closed/);
    assert.equal(found[0].range.start.line, 0);
  });

  it('reports a list or a scalar instead of fields', () => {
    assert.equal(check({ 'a.md': '---\n- one\n- two\n---\n' }, { code }).length, 1);
    assert.equal(check({ 'b.md': '---\njust text\n---\n' }, { code }).length, 1);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const found = check({ 'a.md': `---\ntype: policy\n${bomb.join('\n')}\n---\n` }, { code });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /alias/i);
  });

  it('is silent on good frontmatter, on files without frontmatter and on empty files', () => {
    assert.deepEqual(check({ 'a.md': md({ type: 'record', id: 'REC-1', title: 'x', owner: 'y' }), 'b.md': '# Plain\n', 'c.md': '' }, { code }), []);
  });

  it('does not take a leading thematic break followed by prose for frontmatter', () => {
    assert.deepEqual(check({ 'a.md': '---\n\nJust a rule above a paragraph.\n' }, { code }), []);
  });
});
