// Quick fixes computed from a finding's data and the document's text: the fixed text is checked again.
import { strict as assert } from 'node:assert';
import { check, policy, workspaceOf } from '../testing/fixtures';
import { registerDoc } from '../rules/auditFixtures';
import { quickFixes } from './quickFixes';
import type { TextEdit } from './types';

/** The document's text with a fix's edits applied (end to start, so earlier offsets stay valid). */
function applied(text: string, edits: TextEdit[]): string {
  const offset = (p: TextEdit['range']['start']) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

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
