// The ISMS snippets expand in a Markdown document (inserted by name, as a user picks them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { todayUtc, waitFor } from './helpers';

async function expand(name: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
  const text = await waitFor(`the "${name}" snippet to expand`, 10_000, () => doc.getText().length > 0 && doc.getText());
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

describe('ISMS snippets', function () {
  this.timeout(60_000);

  it('"ISMS risk row" expands to a risk register row', async () => {
    assert.equal(await expand('ISMS risk row'), '| R-001 | Risk description | Risk owner | 2 | 3 | 6 | modify | A.5.15 | — | open |');
  });

  it('"ISMS frontmatter" expands with today\'s date', async () => {
    const text = await expand('ISMS frontmatter');
    assert.match(text, /^---\ntype: policy\nid: POL-001\n/);
    const local = new Date();
    const today = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
    assert.ok(text.includes(`last_reviewed: ${today}`) || text.includes(`last_reviewed: ${todayUtc()}`), text);
  });

  it('"ISMS management review minutes" holds the clause 9.3.2 inputs a) to g)', async () => {
    const text = await expand('ISMS management review minutes');
    for (const input of ['### a)', '### b)', '### c)', '### d)', '### e)', '### f)', '### g)']) assert.ok(text.includes(input), input);
  });
});
