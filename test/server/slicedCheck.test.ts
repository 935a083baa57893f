// A check that takes longer than a slice of the event loop (the first check of a large folder takes seconds) goes
// on in slices, with edits, file events and requests handled in between; it is published with the document
// versions it started from, and whatever changed meanwhile is checked right after. ISMS_CHECK_SLICE_MS=0 makes
// every check pause after each step, so the test does not depend on the machine's speed.
import { strict as assert } from 'node:assert';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { LspTestClient, fileUri } from './lspClient';
import { md, policy } from '../../server/src/engine/testing/fixtures';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { folderWith } from '../support/folders';

describe('language server: a check spread over turns of the event loop', function () {
  this.timeout(120_000);

  it('publishes, once the edits and file events sent during it are through, exactly what a fresh check finds', async () => {
    const count = 40;
    const name = (i: number) => `p/pol-${String(i).padStart(2, '0')}.md`;
    const files: Record<string, string> = { 'a.md': policy({ id: 'POL-900', title: 'A' }, `See [first](${name(0)}).\n`) };
    for (let i = 0; i < count; i++) files[name(i)] = policy({ id: `POL-${100 + i}`, title: `P${i}` }, `# Scope\n\nSee [next](pol-${String(i + 1).padStart(2, '0')}.md).\n`);
    const dir = folderWith(files, 'isms-sliced-');
    const uri = (p: string) => fileUri(join(dir, p));
    const client = new LspTestClient();
    try {
      await client.start(dir, { env: { ISMS_CHECK_SLICE_MS: '0', ISMS_LOG_CHECKS: '1' } });
      // Sent without waiting, while the first check (one slice per document) is under way.
      const texts = [1, 2, 3].map((v) => policy({ id: 'POL-900', title: 'A' }, `See [first](${name(0)}) and [gone ${v}](gone-${v}.md).\n`));
      await client.open(uri('a.md'), files['a.md'], 1);
      for (const [i, text] of texts.entries()) await client.change(uri('a.md'), text, i + 2);
      unlinkSync(join(dir, name(20)));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name(20)), type: 3 }] });
      await client.waitFor(uri(name(19)), (d) => d.some((x) => x.code === 'link-broken'));
      await client.settle();
      const last = client.publishes.filter((p) => p.uri === uri('a.md')).at(-1)!;
      assert.equal(last.version, 4);
      assert.deepEqual(
        last.diagnostics.filter((d) => d.code === 'link-broken').map((d) => /gone-\d/.exec(d.message)?.[0]),
        ['gone-3'],
      );
      // The first check was spread over turns of the loop.
      const slices = Number(/in (\d+) slices?/.exec(client.logs.find((l) => l.startsWith('check ')) ?? '')?.[1]);
      assert.ok(slices > count, client.logs.filter((l) => l.startsWith('check ')).join('\n'));
      // Equal to a fresh check of the same files (the editor's text saved).
      writeFileSync(join(dir, 'a.md'), texts[2]);
      const expected = new Map<string, string[]>();
      for (const d of checkWorkspace(await loadWorkspace(dir), { today: Date.UTC(2026, 10, 21) / 86_400_000 })) {
        if (d.path === '.') continue;
        const key = uri(d.path);
        expected.set(key, [...(expected.get(key) ?? []), `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`]);
      }
      const published = new Map<string, string[]>();
      for (const [key, list] of client.diagnostics) {
        if (!list.length || !key.endsWith('.md')) continue;
        published.set(key, list.map((d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`));
      }
      const sorted = (m: Map<string, string[]>) => [...m].map(([k, v]) => [k, [...v].sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      assert.deepEqual(sorted(published), sorted(expected));
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends the findings of a check that changed many files over turns of the loop, and an edit meanwhile after them', async () => {
    // A register row defining R-099, which every policy names: adding it clears 60 files' findings, removing it
    // brings them back. One URI per turn of the loop with ISMS_CHECK_SLICE_MS=0.
    const count = 60;
    const register = (row: string) => md({ type: 'risk-register', id: 'RR-1', title: 'Risks', owner: 'CISO' }, `| ID | Risk | Owner |\n|---|---|---|\n| R-001 | Phishing | CTO |\n${row}`);
    const files: Record<string, string> = { 'risks.md': register('') };
    for (let i = 0; i < count; i++) files[`p/pol-${i}.md`] = policy({ id: `POL-${100 + i}`, title: `P${i}` }, 'Mitigates R-099.\n');
    const dir = folderWith(files, 'isms-sliced-send-');
    const uri = (p: string) => fileUri(join(dir, p));
    const client = new LspTestClient();
    try {
      await client.start(dir, { env: { ISMS_CHECK_SLICE_MS: '0', ISMS_LOG_CHECKS: '1' } });
      await client.open(uri('risks.md'), files['risks.md'], 1);
      await client.waitFor(uri(`p/pol-${count - 1}.md`), (d) => d.some((x) => x.code === 'risk-unknown'));
      await client.change(uri('risks.md'), register('| R-099 | Model weights stolen | CTO |\n'), 2);
      // The first files are cleared; the row is taken out again while the rest are still being sent.
      await client.waitFor(uri('p/pol-0.md'), (d) => d.length === 0);
      await client.change(uri('risks.md'), files['risks.md'], 3);
      await client.settle();
      for (let i = 0; i < count; i++) assert.deepEqual(client.diagnostics.get(uri(`p/pol-${i}.md`))?.map((d) => d.code), ['risk-unknown'], `p/pol-${i}.md`);
      assert.equal(client.publishes.filter((p) => p.uri === uri('risks.md')).at(-1)?.version, 3);
      // The row's check sent its 60 files' findings over more than one turn of the loop.
      const sent = client.logs.filter((l) => l.startsWith('check ')).map((l) => /(\d+) published(?: in (\d+) turns)?/.exec(l));
      assert.ok(sent.some((m) => Number(m?.[1]) >= count && Number(m?.[2]) > count / 2), client.logs.filter((l) => l.startsWith('check ')).join('\n'));
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
