// A large paste (thousands of register rows) is parsed in turns of the event loop of its own before the index takes
// it (Roots.parseAhead), with the next edits and requests handled in between. A model parsed ahead must never stand
// for a text edited since: requests answer from the latest text, and every publish carries the findings of the very
// text of its version, which a fresh check of that text finds too.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver';
import { LspTestClient, fileUri } from './lspClient';
import { md, policy } from '../../server/src/engine/testing/fixtures';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { folderWith } from '../support/folders';

const front = { type: 'risk-register', id: 'RR-001', title: 'Risk register', owner: 'CISO', version: '1.0', status: 'approved', last_reviewed: '2026-06-01', review_cycle: 'annual', next_review: '2027-06-01', likelihood_scale: 5, impact_scale: 5 };
const row = (n: number, control = `A.5.${1 + (n % 30)}`, what = `Risk ${n}`) => `| R-${n} | ${what} | Head of Security | 3 | 4 | 12 | modify | ${control} | CTO |`;
const register = (rows: string[]) => md(front, `# Register\n\n| ID | Risk | Owner | Likelihood | Impact | Score | Treatment | Controls | Accepted by |\n|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
const lines = (list: { range: { start: { line: number; character: number } }; code?: unknown; message: string }[]) =>
  list.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`).sort();

describe('language server: a large paste into an open register', function () {
  this.timeout(120_000);

  it('answers from the latest text and publishes each version with its own findings, edits and requests interleaved', async () => {
    const base = Array.from({ length: 5 }, (_, i) => row(1000 + i));
    // 1,500 rows: well over the length parsed ahead (50,000 characters).
    const pasted = Array.from({ length: 1500 }, (_, i) => row(2000 + i));
    const texts = [
      register(base),
      // An unknown control in a pasted row, then fixed while that paste may still be parsed ahead, with another
      // unknown one and a risk only this version has; then the paste undone, with a finding of its own.
      register([...base, ...pasted.map((r, i) => (i === 700 ? row(2700, 'A.5.99') : r))]),
      register([...base, ...pasted.map((r, i) => (i === 1400 ? row(3400, 'A.8.98') : r)), row(9999, 'A.5.1', 'Only in the third version')]),
      register([...base.slice(0, 4), row(1004, 'A.6.97')]),
    ];
    assert.ok(texts[1].length > 50_000 && texts[2].length > 50_000);
    const dir = folderWith({ 'risk/register.md': texts[0], 'policy.md': policy({ id: 'POL-001', title: 'Policy' }, '# Policy\n\nSee R-1000.\n') }, 'isms-paste-');
    const reg = fileUri(join(dir, 'risk/register.md'));
    const client = new LspTestClient();
    try {
      await client.start(dir, { env: { ISMS_LOG_CHECKS: '1' } });
      await client.open(reg, texts[0], 1);
      await client.waitFor(reg, () => client.publishes.some((p) => p.uri === reg && p.version === 1));
      const symbols = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      // Nothing awaited in between: the paste, a request, the next edit, a request, a request on another document.
      void client.change(reg, texts[1], 2);
      const afterPaste = symbols(reg);
      void client.change(reg, texts[2], 3);
      const afterEdit = symbols(reg);
      const other = symbols(fileUri(join(dir, 'policy.md')));
      const [first, second, policySymbols] = await Promise.all([afterPaste, afterEdit, other]);
      // Each answer is from a text at least as new as the request: never the register before the paste.
      assert.ok(names(first).includes('R-2000'), `the request after the paste sees the pasted rows: ${names(first).slice(0, 12).join(' ')}`);
      assert.ok(names(second).includes('R-9999'), 'the request after the edit sees the edited text, not the paste parsed ahead');
      assert.ok(Array.isArray(policySymbols));
      await client.change(reg, texts[3], 4);
      await client.waitFor(reg, () => client.publishes.some((p) => p.uri === reg && p.version === 4));
      await client.settle();

      // What a fresh check finds on the register for each version's text (the editor's text saved).
      const expected: string[][] = [];
      for (const text of texts) {
        writeFileSync(join(dir, 'risk/register.md'), text);
        const found = checkWorkspace(await loadWorkspace(dir), { today: Date.UTC(2026, 10, 21) / 86_400_000 });
        expected.push(lines(found.filter((d) => d.path === 'risk/register.md')));
      }
      assert.ok(expected[1].some((l) => l.includes('A.5.99')) && expected[2].some((l) => l.includes('A.8.98')) && expected[3].some((l) => l.includes('A.6.97')));
      const publishes = client.publishes.filter((p) => p.uri === reg);
      assert.ok(publishes.length >= 2);
      for (const p of publishes) assert.deepEqual(lines(p.diagnostics as Diagnostic[]), expected[p.version! - 1], `version ${p.version}`);
      assert.equal(publishes.at(-1)!.version, 4);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
