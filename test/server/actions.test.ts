// Action IDs (`ACT-12`) through the protocol: hover, go to definition, find references, completion, and the
// quick fix for a management review that misses a clause 9.3.2 input. Fixture: test/fixtures/lsp-actions.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Location } from 'vscode-languageserver-protocol';
import { FULL_CAPABILITIES, Fixture, applyEdits, editsByUri } from './fixture';

const text = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
const where = (f: Fixture, locations: Location[]) => locations.map((l) => `${l.uri.slice(f.uri('').length + 1)}:${l.range.start.line + 1}`);

describe('language server: actions', function () {
  let f: Fixture;
  before(async () => {
    f = new Fixture(join(process.cwd(), 'test', 'fixtures', 'lsp-actions'));
    await f.client.start(f.dir, { capabilities: FULL_CAPABILITIES });
    await f.client.waitFor(f.uri('records/action-log.md'), (d) => d.some((x) => x.code === 'action-overdue'));
  });
  after(() => f.stop());

  it('reports the overdue action where it is tracked, naming where it was decided', async () => {
    const d = (await f.client.waitFor(f.uri('records/action-log.md'), (x) => x.length > 0)).filter((x) => x.code === 'action-overdue');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /ACT-2 "Rotate the weights KMS keys" \(owner: Head of ML Platform\) was due on 2026-11-01 and is 20 days overdue; it was decided in MR-2026-Q1 \(reviews\/2026-03-review\.md:\d+\)/);
  });

  it('hovers an action ID with its owner, due date, status and where it was decided', async () => {
    const md = text(await f.request<Hover>('textDocument/hover', f.at('reviews/2026-10-review.md', 'ACT-2', 1, 1)));
    assert.match(md, /\*\*ACT-2 · Rotate the weights KMS keys\*\*/);
    assert.match(md, /Owner: Head of ML Platform · Due: 2026-11-01 \(\*\*overdue\*\* by 20 days\) · Status: In progress/);
    assert.match(md, /Decided in MR-2026-Q1 `reviews\/2026-03-review\.md:\d+`/);
    assert.match(md, /Tracked in `records\/action-log\.md:\d+`/);
    const done = text(await f.request<Hover>('textDocument/hover', f.at('reviews/2026-10-review.md', 'ACT-1', 1, 1)));
    assert.match(done, /Status: Done 2026-06-24 ✓/);
  });

  it('goes to the rows that list the action, decided first', async () => {
    const defs = await f.request<Location[]>('textDocument/definition', f.at('reviews/2026-07-review.md', 'ACT-2', 1, 1));
    assert.deepEqual(where(f, defs), ['reviews/2026-03-review.md:29', 'records/action-log.md:13']);
  });

  it('finds every mention of an action, with or without the rows that list it', async () => {
    const params = f.at('records/action-log.md', 'ACT-2', 1, 1);
    const uses = await f.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: false } });
    assert.deepEqual(where(f, uses), ['reviews/2026-07-review.md:13', 'reviews/2026-10-review.md:11']);
    const all = await f.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: true } });
    assert.equal(all.length, 4);
  });

  it('completes action IDs in the body, with their text', async () => {
    const uri = f.uri('reviews/2026-10-review.md');
    await f.client.open(uri, f.text('reviews/2026-10-review.md') + '\nFollow-up on ACT-', 1);
    const lines = (f.text('reviews/2026-10-review.md') + '\nFollow-up on ACT-').split('\n');
    const result = await f.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const actions = items.filter((i) => /^ACT-/.test(i.label));
    assert.deepEqual(actions.map((i) => i.label), ['ACT-1', 'ACT-2']);
    assert.equal(actions[1].labelDetails?.description ?? actions[1].detail, 'Rotate the weights KMS keys');
  });

  it('inserts the missing management review input as a heading, and the finding goes away', async () => {
    const rel = 'reviews/2026-10-review.md';
    const uri = f.uri(rel);
    const current = f.text(rel) + '\nFollow-up on ACT-';
    const diagnostics: Diagnostic[] = (await f.client.waitFor(uri, (x) => x.some((y) => y.code === 'management-review-input-missing'))).filter((x) => x.code === 'management-review-input-missing');
    const audit = diagnostics.find((d) => (d.data as { input?: string } | undefined)?.input === 'audit-results')!;
    assert.ok(audit, JSON.stringify(diagnostics.map((d) => d.message)));
    const actions = (await f.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: audit.range, context: { diagnostics: [audit] } })) ?? [];
    const fix = actions.find((a) => a.title === 'Insert a "Audit results" section');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    const edited = applyEdits(current, editsByUri(fix.edit).get(uri)!);
    // The text ends without a final newline, and keeps ending without one (the file's own shape).
    assert.match(edited, /\n## Audit results\n\nTODO: ISO\/IEC 27001 clause 9\.3\.2 d 3\.$/);
    await f.client.change(uri, edited, 2);
    const after = await f.client.waitFor(uri, (x) => !x.some((y) => (y.data as { input?: string } | undefined)?.input === 'audit-results'));
    assert.equal(after.filter((d) => d.code === 'management-review-input-missing').length, diagnostics.length - 1);
  });
});
