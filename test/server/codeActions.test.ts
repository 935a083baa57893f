// Quick fixes through the protocol: each is requested for a published diagnostic, applied to the text, and the
// edited text sent back to the server, which must then stop reporting the finding.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { Fixture, applyEdits, editsByUri } from './fixture';
import { BUILTIN_CATALOGS, ISO27001_2022 } from '../../server/src/engine/catalogs/catalog';

/** The fixture's SoA with a row for every Annex A control but `missing`, in control order. */
function soaWithout(text: string, missing: readonly string[]): string {
  const rows = BUILTIN_CATALOGS.get(ISO27001_2022)!.controls.filter((c) => !missing.includes(c.id)).map((c) => {
    const kept = new RegExp(`^\\| ${c.id.replace(/\./g, '\\.')} \\|.*$`, 'm').exec(text);
    return kept ? kept[0] : `| ${c.id} | ${c.title} | yes | needed | implemented |`;
  });
  return text.replace(/(\|-+\|[^\n]*\n)(?:\| A\.[^\n]*\n)+/, (_, rule: string) => `${rule}${rows.join('\n')}\n`);
}

class Editor {
  private readonly texts = new Map<string, { text: string; version: number }>();
  constructor(private readonly f: Fixture) {}

  text(rel: string): string {
    return this.texts.get(this.f.uri(rel))?.text ?? this.f.text(rel);
  }

  async diagnostics(rel: string, code: string): Promise<Diagnostic[]> {
    const d = await this.f.client.waitFor(this.f.uri(rel), (x) => x.some((y) => y.code === code));
    return d.filter((x) => x.code === code);
  }

  async actions(rel: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    const result = await this.f.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri: this.f.uri(rel) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
    return result ?? [];
  }

  /** Applies an action's edit as an editor would: to the open text, opening files it touches. */
  async apply(action: CodeAction): Promise<void> {
    assert.ok(action.edit, `${action.title} has an edit`);
    for (const [uri, edits] of editsByUri(action.edit)) {
      const rel = uri.slice(this.f.uri('').length + 1);
      const current = this.texts.get(uri);
      const text = applyEdits(current?.text ?? this.f.text(rel), edits);
      if (current) await this.f.client.change(uri, text, current.version + 1);
      else await this.f.client.open(uri, text, 1);
      this.texts.set(uri, { text, version: (current?.version ?? 0) + 1 });
    }
  }

  /** Replaces a file's text as typing would. */
  async change(rel: string, text: string): Promise<void> {
    const uri = this.f.uri(rel);
    const current = this.texts.get(uri);
    if (current) await this.f.client.change(uri, text, current.version + 1);
    else await this.f.client.open(uri, text, 1);
    this.texts.set(uri, { text, version: (current?.version ?? 0) + 1 });
  }

  /** Waits until the file's diagnostics no longer include `code`. */
  async cleared(rel: string, code: string): Promise<Diagnostic[]> {
    return this.f.client.waitFor(this.f.uri(rel), (x) => !x.some((y) => y.code === code));
  }
}

describe('language server: quick fixes', function () {
  let f: Fixture;
  let editor: Editor;
  beforeEach(async () => {
    f = await Fixture.start({ initializationOptions: { reviewerName: 'Dana Reviewer' } });
    editor = new Editor(f);
  });
  afterEach(() => f.stop());

  it('enables the ISO/IEC 42001 catalog in .isms.yaml when its control is used while the catalog is off (configuration changed on disk)', async () => {
    const config = f.text('.isms.yaml');
    writeFileSync(join(f.dir, '.isms.yaml'), config.replace('catalogs: [iso27001-2022, iso42001-2023]', 'catalogs: [iso27001-2022]'));
    await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: f.uri('.isms.yaml'), type: 2 }] });
    const rel = 'policies/access-control.md';
    const text = editor.text(rel).replace('# ', 'Also 42001:A.5.2 applies.\n\n# ');
    await f.client.open(f.uri(rel), text, 1);
    const line = text.split('\n').findIndex((l) => l.startsWith('Also 42001:A.5.2'));
    const onLine = (d: Diagnostic[]) => d.filter((x) => x.code === 'control-unknown' && x.range.start.line === line);
    const [unknown] = onLine(await f.client.waitFor(f.uri(rel), (d) => onLine(d).length > 0));
    const actions = await editor.actions(rel, unknown);
    assert.deepEqual(actions.map((a) => a.title), ['Enable the ISO/IEC 42001 catalog in .isms.yaml']);
    await editor.apply(actions[0]);
    assert.match(editor.text('.isms.yaml'), /catalogs: \[iso27001-2022, iso42001-2023\]/);
  });

  it('replaces a 2013 control ID with its 2022 control', async () => {
    const [front, body] = await editor.diagnostics('policies/access-control.md', 'control-legacy-id');
    const actions = await editor.actions('policies/access-control.md', body);
    assert.deepEqual(actions.map((a) => a.title), ['Replace with A.8.8 Management of technical vulnerabilities']);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, [body]);
    await editor.apply(actions[0]);
    await editor.apply((await editor.actions('policies/access-control.md', front))[0]);
    assert.match(editor.text('policies/access-control.md'), /controls: \[A\.5\.15, A\.8\.8\]/);
    assert.match(editor.text('policies/access-control.md'), /handled under A\.8\.8\./);
    await editor.cleared('policies/access-control.md', 'control-legacy-id');
  });

  it('inserts a missing scope section, or all of them', async () => {
    const missing = await editor.diagnostics('scope.md', 'scope-missing-section');
    assert.equal(missing.length, 5);
    const actions = await editor.actions('scope.md', missing[0]);
    assert.deepEqual(actions.map((a) => a.title), ['Insert a "Interfaces and dependencies" section', 'Insert all 5 missing scope sections']);
    await editor.apply(actions[1]);
    const text = editor.text('scope.md');
    assert.match(text, /Remote-first; no offices\.\n\n## Interfaces and dependencies\n\nTODO: ISO\/IEC 27001 clause 4\.3 c\.\n\n## Internal and external issues\n/);
    await editor.cleared('scope.md', 'scope-missing-section');
  });

  it('adds a missing control row to the SoA, in control order, when a few are missing', async () => {
    // The fixture lists 4 controls (one finding for the 89 missing); all but three makes one finding each.
    await editor.change('soa/soa.md', soaWithout(editor.text('soa/soa.md'), ['A.5.16', 'A.6.1', 'A.8.30']));
    const missing = await f.client.waitFor(f.uri('soa/soa.md'), (x) => x.filter((y) => y.code === 'soa-control-missing').length === 3);
    const identity = missing.find((d) => (d.data as { controlId?: string }).controlId === 'A.5.16')!;
    const actions = await editor.actions('soa/soa.md', identity);
    assert.equal(actions[0].title, 'Add A.5.16 Identity management to the SoA');
    await editor.apply(actions[0]);
    assert.match(editor.text('soa/soa.md'), /\| A\.5\.15 \| Access control \|.*\n\| A\.5\.16 \| Identity management \| \| \| \|\n\| A\.5\.17 \|/);
    const fresh = await f.client.waitFor(f.uri('soa/soa.md'), (x) => x.filter((y) => y.code === 'soa-control-missing').length === 2);
    const all = (await editor.actions('soa/soa.md', fresh.find((d) => d.code === 'soa-control-missing')!)).find((a) => a.title.startsWith('Add rows for all'))!;
    assert.equal(all.title, 'Add rows for all 2 missing controls to the SoA');
  });

  it('adds every missing SoA row at once, from the one finding that lists them', async () => {
    const missing = await f.client.waitFor(f.uri('soa/soa.md'), (x) => x.some((y) => y.code === 'soa-control-missing' && Array.isArray((y.data as { controlIds?: unknown })?.controlIds)));
    const summary = missing.filter((d) => d.code === 'soa-control-missing');
    assert.equal(summary.length, 1);
    assert.match(summary[0].message, /^89 of the 93 Annex A controls are not in the Statement of Applicability: A\.5\.1, A\.5\.2, /);
    const all = (await editor.actions('soa/soa.md', summary[0])).find((a) => a.title.startsWith('Add rows for all'))!;
    assert.equal(all.title, 'Add rows for all 89 missing controls to the SoA');
    await editor.apply(all);
    const rows = editor.text('soa/soa.md').split('\n').filter((l) => /^\| A\./.test(l)).map((l) => l.split('|')[1].trim());
    assert.equal(rows.length, 93);
    assert.deepEqual(rows.slice(0, 3), ['A.5.1', 'A.5.2', 'A.5.3']);
    assert.deepEqual(rows.slice(-2), ['A.8.33', 'A.8.34']);
    await editor.cleared('soa/soa.md', 'soa-control-missing');
  });

  it('marks an overdue document reviewed today and rolls next_review on by its cycle', async () => {
    const [overdue] = await editor.diagnostics('policies/access-control.md', 'review-overdue');
    const [action] = await editor.actions('policies/access-control.md', overdue);
    assert.equal(action.title, 'Mark reviewed today (last_reviewed 2026-11-21, next_review 2027-11-21)');
    await editor.apply(action);
    assert.match(editor.text('policies/access-control.md'), /last_reviewed: 2026-11-21\nreview_cycle: annual\nnext_review: 2027-11-21\n/);
    await editor.cleared('policies/access-control.md', 'review-overdue');
  });

  it('marks a document due soon reviewed (no next_review to roll when the cycle decides)', async () => {
    const [soon] = await editor.diagnostics('policies/crypto.md', 'review-due-soon');
    const [action] = await editor.actions('policies/crypto.md', soon);
    assert.equal(action.title, 'Mark reviewed today (last_reviewed 2026-11-21)');
    await editor.apply(action);
    await editor.cleared('policies/crypto.md', 'review-due-soon');
  });

  it('inserts a missing frontmatter field', async () => {
    const [missing] = await editor.diagnostics('policies/crypto.md', 'frontmatter-missing-field');
    const [action] = await editor.actions('policies/crypto.md', missing);
    assert.equal(action.title, 'Add `owner: TBD` to the frontmatter');
    await editor.apply(action);
    assert.match(editor.text('policies/crypto.md'), /review_cycle: annual\nowner: TBD\n---/);
    await editor.cleared('policies/crypto.md', 'frontmatter-missing-field');
  });

  it('marks a break-glass record reviewed by the configured reviewer', async () => {
    const [overdue] = await editor.diagnostics('exceptions/break-glass.md', 'exception-review-overdue');
    const [action] = await editor.actions('exceptions/break-glass.md', overdue);
    assert.equal(action.title, 'Mark reviewed: 2026-11-21 by Dana Reviewer');
    await editor.apply(action);
    assert.match(editor.text('exceptions/break-glass.md'), /related: \[POL-001\]\nreviewed_on: 2026-11-21\nreviewed_by: Dana Reviewer\n---/);
    await editor.cleared('exceptions/break-glass.md', 'exception-review-overdue');
  });

  it('works when the client does not send the diagnostic’s data back', async () => {
    const [overdue] = await editor.diagnostics('policies/access-control.md', 'review-overdue');
    const [, body] = await editor.diagnostics('policies/access-control.md', 'control-legacy-id');
    const withoutData = { ...body, data: undefined };
    assert.equal((await editor.actions('policies/access-control.md', withoutData))[0].title, 'Replace with A.8.8 Management of technical vulnerabilities');
    assert.equal((await editor.actions('policies/access-control.md', { ...overdue, data: undefined })).length, 1);
  });

  it('honours context.only and ignores other servers’ diagnostics', async () => {
    const [overdue] = await editor.diagnostics('policies/access-control.md', 'review-overdue');
    assert.deepEqual(await editor.actions('policies/access-control.md', overdue, ['refactor']), []);
    assert.deepEqual(await editor.actions('policies/access-control.md', { ...overdue, source: 'markdownlint' }), []);
  });
});

describe('language server: reviewer name for "mark reviewed"', () => {
  async function reviewerTitle(f: Fixture): Promise<string> {
    const editor = new Editor(f);
    const [overdue] = await editor.diagnostics('exceptions/break-glass.md', 'exception-review-overdue');
    return (await editor.actions('exceptions/break-glass.md', overdue))[0].title;
  }

  it('takes git config user.name in the root', async () => {
    const f = new Fixture();
    execFileSync('git', ['init', '-q'], { cwd: f.dir });
    execFileSync('git', ['config', 'user.name', 'Gita Committer'], { cwd: f.dir });
    await f.client.start(f.dir);
    try {
      assert.equal(await reviewerTitle(f), 'Mark reviewed: 2026-11-21 by Gita Committer');
    } finally {
      await f.stop();
    }
  });

  it('does not run git in an untrusted workspace (Restricted Mode)', async () => {
    const f = new Fixture();
    execFileSync('git', ['init', '-q'], { cwd: f.dir });
    execFileSync('git', ['config', 'user.name', 'Gita Committer'], { cwd: f.dir });
    await f.client.start(f.dir, { initializationOptions: { trusted: false } });
    try {
      assert.equal(await reviewerTitle(f), `Mark reviewed: 2026-11-21 by ${userInfo().username}`);
    } finally {
      await f.stop();
    }
  });

  it('falls back to the operating system user', async () => {
    const f = new Fixture();
    // No git identity anywhere: global and system configuration switched off.
    await f.client.start(f.dir, { env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: f.dir } });
    try {
      assert.equal(await reviewerTitle(f), `Mark reviewed: 2026-11-21 by ${userInfo().username}`);
    } finally {
      await f.stop();
    }
  });
});
