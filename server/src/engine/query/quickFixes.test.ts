// Quick fixes computed from a finding's data and the document's text: the fixed text is checked again.
import { strict as assert } from 'node:assert';
import { applied, check, policy, workspaceOf } from '../testing/fixtures';
import { registerDoc } from '../rules/auditFixtures';
import { IsmsWorkspace } from '../workspace/workspace';
import { defaultConfig } from '../config/schema';
import { enableCatalog, quickFixes } from './quickFixes';

async function fixOnce(files: Record<string, string>, path: string, code: string): Promise<{ title: string; text: string }> {
  const finding = check(files, { code })[0];
  assert.ok(finding, `a ${code} finding`);
  const workspace = workspaceOf(files);
  const fixes = await quickFixes(workspace, workspace.getDocument(path)!, finding, { today: 0, userName: async () => 'me', textOf: async (p) => files[p] });
  assert.equal(fixes.length, 1, JSON.stringify(fixes));
  return { title: fixes[0].title, text: applied(files[path], fixes[0].edits[0].edits) };
}

describe('quick fixes', () => {
  it('risk-score-mismatch: corrects the score to likelihood × impact', async () => {
    const files = { 'r.md': registerDoc([{ id: 'R-009', likelihood: '4', impact: '5', score: '16' }]) };
    const { title, text } = await fixOnce(files, 'r.md', 'risk-score-mismatch');
    assert.equal(title, 'Correct the score to 20 (likelihood × impact)');
    assert.deepEqual(check({ 'r.md': text }, { code: 'risk-score-mismatch' }), []);
  });

  it('frontmatter-syntax: quotes a value with ": " in it, and the document reads again', async () => {
    const files = { 'p.md': policy().replace(/^title: .*$/m, 'title: Policy: Access control') };
    const { title, text } = await fixOnce(files, 'p.md', 'frontmatter-syntax');
    assert.equal(title, 'Quote the value of title');
    assert.match(text, /^title: "Policy: Access control"$/m);
    assert.deepEqual(check({ 'p.md': text }, { code: 'frontmatter-syntax' }), []);
    assert.equal(workspaceOf({ 'p.md': text }).getDocument('p.md')?.title, 'Policy: Access control');
  });

  it('frontmatter-syntax: closes a quote, replaces a tab', async () => {
    const unclosed = { 'p.md': policy().replace(/^title: .*$/m, 'title: "Access control') };
    assert.match((await fixOnce(unclosed, 'p.md', 'frontmatter-syntax')).text, /^title: "Access control"$/m);
    const tab = { 'p.md': policy().replace(/^owner: /m, '\towner: ') };
    const fixed = (await fixOnce(tab, 'p.md', 'frontmatter-syntax')).text;
    assert.deepEqual(check({ 'p.md': fixed }, { code: 'frontmatter-syntax' }), []);
  });
});

describe('quick fix: enable the ISO/IEC 42001 catalog', () => {
  const edited = (config: string) => {
    const edit = enableCatalog(config, 'iso42001-2023');
    assert.ok(edit);
    return applied(config, [edit]);
  };

  it('adds it to a block list, a flow list, or a new catalogs key', () => {
    assert.equal(edited('rules: {}\ncatalogs:\n  - iso27001-2022\nreviewDueSoonDays: 30\n'), 'rules: {}\ncatalogs:\n  - iso27001-2022\n  - iso42001-2023\nreviewDueSoonDays: 30\n');
    assert.equal(edited('catalogs: [iso27001-2022]\n'), 'catalogs: [iso27001-2022, iso42001-2023]\n');
    assert.equal(edited('reviewDueSoonDays: 30\n'), 'reviewDueSoonDays: 30\ncatalogs:\n  - iso27001-2022\n  - iso42001-2023\n');
  });

  it('writes the file\'s own line ends and keeps a missing final newline missing', () => {
    assert.equal(edited('catalogs:\r\n  - iso27001-2022\r\nreviewDueSoonDays: 30\r\n'), 'catalogs:\r\n  - iso27001-2022\r\n  - iso42001-2023\r\nreviewDueSoonDays: 30\r\n');
    assert.equal(edited('reviewDueSoonDays: 30\r\n'), 'reviewDueSoonDays: 30\r\ncatalogs:\r\n  - iso27001-2022\r\n  - iso42001-2023\r\n');
    assert.equal(edited('reviewDueSoonDays: 30'), 'reviewDueSoonDays: 30\ncatalogs:\n  - iso27001-2022\n  - iso42001-2023');
  });

  it('is offered on a 42001 control while the catalog is off, and the reference then resolves', async () => {
    const files: Record<string, string> = { '.isms.yaml': 'reviewDueSoonDays: 30\n', 'p.md': policy({ controls: ['42001:A.5.2'] }) };
    const workspace = new IsmsWorkspace(defaultConfig(), [], '.isms.yaml');
    workspace.setMarkdown('p.md', files['p.md']);
    const finding = check({ 'p.md': files['p.md'] }, { code: 'control-unknown' })[0];
    assert.ok(finding);
    const fixes = await quickFixes(workspace, workspace.getDocument('p.md')!, finding, { today: 0, userName: async () => 'me', textOf: async (p) => files[p] });
    assert.equal(fixes[0]?.title, 'Enable the ISO/IEC 42001 catalog in .isms.yaml');
    assert.equal(fixes[0].edits[0].path, '.isms.yaml');
    const config = applied(files['.isms.yaml'], fixes[0].edits[0].edits);
    assert.match(config, /- iso42001-2023/);
    assert.deepEqual(check({ 'p.md': files['p.md'] }, { code: 'control-unknown', config: { catalogs: ['iso27001-2022', 'iso42001-2023'] } }), []);
  });
});
