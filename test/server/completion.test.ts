// Completion through the protocol: IDs as you type, frontmatter keys and values, link paths and anchors.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { Fixture, FULL_CAPABILITIES, positionOf } from './fixture';

describe('language server: completion', function () {
  let f: Fixture;
  const versions = new Map<string, number>();
  before(async () => (f = await Fixture.start()));
  after(() => f.stop());

  /** Opens `rel` with `text` and completes at the `|` (or another `cursor` mark) in it. */
  async function completeAt(rel: string, textWithCursor: string, cursor = '|'): Promise<CompletionList> {
    const position = positionOf(textWithCursor, cursor);
    const text = textWithCursor.replace(cursor, '');
    const uri = f.uri(rel);
    const version = (versions.get(uri) ?? 0) + 1;
    versions.set(uri, version);
    if (version === 1) await f.client.open(uri, text, version);
    else await f.client.change(uri, text, version);
    const result = await f.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    return !result ? { isIncomplete: false, items: [] } : Array.isArray(result) ? { isIncomplete: false, items: result } : result;
  }
  const labels = (l: CompletionList) => l.items.map((i) => i.label);
  const policy = (front: string, body = '') => `---\ntype: policy\nid: POL-001\ntitle: Access Control Policy\n${front}---\n\n# Access Control Policy\n\n## Reviews\n\n${body}`;

  it('completes control IDs with titles, filtered as you type A.8.', async () => {
    const list = await completeAt('policies/access-control.md', policy('', 'Keys follow A.8.|'));
    assert.equal(list.isIncomplete, true);
    assert.ok(list.items.length === 34, `${list.items.length} items`);
    assert.ok(labels(list).every((l) => l.startsWith('A.8.')));
    const crypto = list.items.find((i) => i.label === 'A.8.24')!;
    assert.equal(crypto.detail, 'Use of cryptography');
    assert.deepEqual(crypto.labelDetails, { description: 'Use of cryptography' }, 'the title on every row, for clients that show it');
    const line = policy('', 'Keys follow A.8.|').split('\n').length - 1;
    assert.deepEqual(crypto.textEdit, { range: { start: { line, character: 12 }, end: { line, character: 16 } }, newText: 'A.8.24' });
    assert.deepEqual(labels(await completeAt('policies/access-control.md', policy('', 'See A.8.2|'))).slice(0, 3), ['A.8.2', 'A.8.20', 'A.8.21']);
  });

  it('completes ISO 42001 controls when that catalog is enabled', async () => {
    const list = await completeAt('policies/access-control.md', policy('', 'AI: 42001:A.6.|'));
    assert.ok(list.items.length > 5 && labels(list).every((l) => l.startsWith('42001:A.6.')), labels(list).join());
  });

  it('completes risk IDs and document IDs in the body', async () => {
    assert.deepEqual(labels(await completeAt('policies/access-control.md', policy('', 'Risk R-|'))).sort(), ['R-001', 'R-002', 'R-003']);
    const docs = await completeAt('policies/access-control.md', policy('', 'See SO|'));
    assert.deepEqual(labels(docs), ['SOA-001']);
    assert.equal(docs.items[0].detail, 'Statement of Applicability');
  });

  it('offers the next free ID first in a new row of the register, skipping one a risk document took (R-003)', async () => {
    const register = f.text('risk/register.md').replace(/\n*$/, '\n');
    const list = await completeAt('risk/register.md', `${register}| ¦`, '¦');
    assert.equal(list.items[0].label, 'R-004');
    assert.equal(list.items[0].preselect, true);
    assert.equal(list.items[0].detail, 'next free ID');
  });

  it('completes IDs in controls:, risks: and related: lists', async () => {
    const related = await completeAt('policies/access-control.md', policy('related: [SOA-001, P|]\n'));
    assert.deepEqual(labels(related), ['POL-002'], 'own ID excluded');
    const block = await completeAt('policies/access-control.md', policy('controls:\n  - A.5.15\n  - A.5.1|\n'));
    assert.deepEqual(labels(block).slice(0, 3), ['A.5.1', 'A.5.10', 'A.5.11']);
    assert.ok(labels(block).every((l) => l.startsWith('A.5.1')));
    const risks = await completeAt('policies/access-control.md', policy('risks: [|]\n'));
    assert.deepEqual(labels(risks).sort(), ['R-001', 'R-002', 'R-003']);
  });

  it('completes frontmatter keys that are not there yet', async () => {
    const list = await completeAt('policies/access-control.md', policy('ow|\n'));
    assert.ok(labels(list).includes('owner'));
    assert.ok(!labels(list).includes('title') && !labels(list).includes('type'), 'present keys are not offered');
    assert.equal(list.items.find((i) => i.label === 'owner')!.textEdit!.newText, 'owner: ');
  });

  it('completes type, status and review_cycle values', async () => {
    const types = labels(await completeAt('scope.md', '---\ntype: |\n---\n'));
    assert.ok(['scope', 'policy', 'soa', 'risk-register', 'exception'].every((t) => types.includes(t)), types.join());
    assert.deepEqual(labels(await completeAt('scope.md', '---\nstatus: |\n---\n')), ['draft', 'approved', 'retired']);
    assert.deepEqual(labels(await completeAt('scope.md', '---\nreview_cycle: q|\n---\n')).slice(0, 4), ['monthly', 'quarterly', 'semiannual', 'annual']);
  });

  it('offers today for dates, and today plus the cycle for next_review', async () => {
    const last = await completeAt('scope.md', '---\ntype: scope\nlast_reviewed: |\n---\n');
    assert.equal(last.items[0].label, '2026-11-21');
    assert.equal(last.items[0].preselect, true);
    const next = await completeAt('scope.md', '---\ntype: scope\nreview_cycle: quarterly\nnext_review: 2|\n---\n');
    assert.deepEqual(labels(next), ['2027-02-21', '2026-11-21']);
    assert.equal(next.items[0].detail, 'today + quarterly');
  });

  it('completes heading anchors after # in links, in this file and in other.md#', async () => {
    const other = await completeAt('policies/access-control.md', policy('', 'See [keys](crypto.md#|)'));
    assert.deepEqual(labels(other), ['#cryptography-policy', '#key-management']);
    assert.equal(other.items[1].textEdit!.newText, 'key-management');
    const own = await completeAt('policies/access-control.md', policy('', 'See [below](#re|)'));
    assert.deepEqual(labels(own), ['#access-control-policy', '#reviews']);
  });

  it('completes relative paths in links', async () => {
    const list = await completeAt('policies/access-control.md', policy('', 'See [soa](|)'));
    assert.ok(labels(list).includes('../soa/soa.md') && labels(list).includes('crypto.md'), labels(list).join());
    assert.equal(list.items.find((i) => i.label === 'crypto.md')!.detail, 'POL-002 · Cryptography Policy');
  });

  it('offers nothing in plain prose', async () => {
    assert.deepEqual((await completeAt('policies/access-control.md', policy('', 'plain words |'))).items, []);
  });
});

describe('language server: completion for a client without label details', () => {
  it('sends titles as detail only', async () => {
    const f = await Fixture.start({ capabilities: { textDocument: {} } });
    try {
      const uri = f.uri('policies/access-control.md');
      await f.client.open(uri, '---\ntype: policy\n---\nKeys follow A.8.2', 1);
      const result = await f.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 17 } });
      const item = result?.items.find((i) => i.label === 'A.8.24');
      assert.equal(item?.detail, 'Use of cryptography');
      assert.equal(item?.labelDetails, undefined);
    } finally {
      await f.stop();
    }
  });
});

describe('language server: completion without ISO 42001', () => {
  it('offers no 42001: controls when the catalog is not enabled', async () => {
    const f = new Fixture();
    writeFileSync(join(f.dir, '.isms.yaml'), 'catalogs: [iso27001-2022]\n');
    await f.client.start(f.dir, { capabilities: FULL_CAPABILITIES });
    try {
      const uri = f.uri('scope.md');
      const text = '---\ntype: scope\n---\n42001:A.6.';
      await f.client.open(uri, text, 1);
      const result = await f.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 10 } });
      assert.deepEqual(result?.items ?? [], []);
    } finally {
      await f.stop();
    }
  });
});
