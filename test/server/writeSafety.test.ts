// Writes never lose text: every quick fix, rename and isms/markReviewed is computed on the same small ISMS written
// six ways (LF, CRLF, BOM, no final newline, tabs where Markdown and YAML allow them, and all of those at once; the
// Markdown and the configuration file alike), one workspace folder each. Each edit is applied to the file's raw text
// the way an editor applies it (positions in UTF-16 units after the byte-order mark, lines broken at CRLF, CR or LF).
// The result must be the LF result written the variant's way: so the edit landed in the same place, kept the BOM,
// the final newline (or its absence) and the tabs, and broke inserted lines with the file's own line end. The
// fixture raises every code that has a quick fix. Then: edits refuse files changed on disk unseen.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CodeAction, Diagnostic, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FIXABLE_CODES } from '../../server/src/engine/query/quickFixes';

import type { MarkReviewedResult } from '../../server/src/protocol';
import { FULL_CAPABILITIES, editsByUri } from './fixture';
import { LspTestClient, fileUri } from './lspClient';

const SOURCE = join(process.cwd(), 'test', 'fixtures', 'write-safety');
const BOM = '\uFEFF';

/** Tabs where they are legal: after a YAML key's colon and a flow list's comma, after a list bullet, around table cells. */
function tabify(text: string): string {
  let fence = 0;
  return text
    .split('\n')
    .map((line) => {
      if (line === '---') fence++;
      if (fence === 1 && /^\w+: /.test(line)) return line.replace(': ', ':\t').replace(/\[(.*)\]/, (_, items: string) => `[${items.replace(/, /g, ',\t')}]`);
      if (line.startsWith('- ')) return '-\t' + line.slice(2);
      if (line.startsWith('| ')) return line.replace(/ \|/g, '\t|').replace(/\| /g, '|\t');
      return line;
    })
    .join('\n');
}

/** The files written each variant's way: the Markdown and the configuration file. */
const perVariant = (rel: string) => rel.endsWith('.md') || rel === '.isms.yaml';

const crlf = (t: string) => t.replace(/\n/g, '\r\n');
const noFinalNewline = (t: string) => t.replace(/\n$/, '');

const VARIANTS: Record<string, { write: (lf: string) => string; eol: string }> = {
  lf: { write: (t) => t, eol: '\n' },
  crlf: { write: crlf, eol: '\r\n' },
  bom: { write: (t) => BOM + t, eol: '\n' },
  noeol: { write: noFinalNewline, eol: '\n' },
  tabs: { write: tabify, eol: '\n' },
  all: { write: (t) => BOM + crlf(noFinalNewline(tabify(t))), eol: '\r\n' },
};

/** Back to the LF form (the fixture has no tabs and ends with a newline, so each variant's changes undo exactly). */
const normalise = (t: string) => (t.startsWith(BOM) ? t.slice(1) : t).replace(/\r\n/g, '\n').replace(/\t/g, ' ').replace(/([^\n])$/, '$1\n');

/** Applies LSP edits to raw file text as an editor does, refusing positions past a line's end or overlapping edits. */
function applyRaw(raw: string, edits: TextEdit[], where: string): string {
  const bom = raw.startsWith(BOM) ? BOM : '';
  const body = raw.slice(bom.length);
  const starts = [0];
  const ends: number[] = [];
  for (const m of body.matchAll(/\r\n|\r|\n/g)) {
    ends.push(m.index!);
    starts.push(m.index! + m[0].length);
  }
  ends.push(body.length);
  const offset = (p: Position) => {
    assert.ok(p.line < starts.length, `${where}: line ${p.line} is past the end`);
    assert.ok(p.character <= ends[p.line] - starts[p.line], `${where}: character ${p.character} is past the end of line ${p.line}`);
    return starts[p.line] + p.character;
  };
  const spans = edits.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.newText })).sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].from >= spans[i - 1].to, `${where}: edits overlap`);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += body.slice(at, s.from) + s.text;
    at = s.to;
  }
  return bom + out + body.slice(at);
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesOf(abs) : [relative(SOURCE, abs)];
  });
}

/** A position inside the first match of `pattern`, two characters before its end, as LSP counts it (after the BOM, lines broken at any line end). */
function positionIn(raw: string, pattern: RegExp): Position {
  const body = raw.startsWith(BOM) ? raw.slice(1) : raw;
  const found = pattern.exec(body);
  assert.ok(found, `${pattern} not found`);
  const at = found.index + found[0].length - 2;
  const lines = body.slice(0, at).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines.at(-1)!.length };
}

interface Outcome {
  /** Edited files: workspace-relative path → new raw text. */
  files: Map<string, string>;
  title?: string;
}

describe('language server: writes never lose text (CRLF, BOM, no final newline, tabs)', function () {
  this.timeout(180_000);
  let base: string;
  const client = new LspTestClient();
  const rootOf = (variant: string) => join(base, variant);
  const uriOf = (variant: string, rel: string) => fileUri(join(rootOf(variant), rel));
  const raw = (variant: string, rel: string) => readFileSync(join(rootOf(variant), rel), 'utf8');
  /** Outcome by variant, then by a name for the edit (code, diagnostic, action). */
  const outcomes = new Map<string, Map<string, Outcome>>();

  function record(variant: string, name: string, edit: WorkspaceEdit | undefined, title?: string): void {
    assert.ok(edit, `${variant} ${name}: an edit`);
    const files = new Map<string, string>();
    for (const [uri, edits] of editsByUri(edit)) {
      const rel = relative(rootOf(variant), new URL(uri).pathname);
      const before = raw(variant, rel);
      for (const e of edits) {
        for (const lineEnd of e.newText.match(/\r\n|\r|\n/g) ?? []) assert.equal(lineEnd, VARIANTS[variant].eol, `${variant} ${name}: inserted line end in ${rel}`);
      }
      const after = applyRaw(before, edits as TextEdit[], `${variant} ${name} ${rel}`);
      assert.equal(after.startsWith(BOM), before.startsWith(BOM), `${variant} ${name}: BOM kept in ${rel}`);
      assert.equal(/\n$/.test(after), /\n$/.test(before), `${variant} ${name}: final newline (or none) kept in ${rel}`);
      files.set(rel, after);
    }
    outcomes.get(variant)!.set(name, { files, title });
  }

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'isms-writes-'));
    for (const [variant, { write }] of Object.entries(VARIANTS)) {
      cpSync(SOURCE, rootOf(variant), { recursive: true });
      // The configuration file too: the 42001 quick fix edits it.
      for (const rel of filesOf(SOURCE).filter(perVariant)) writeFileSync(join(rootOf(variant), rel), write(readFileSync(join(SOURCE, rel), 'utf8')));
      outcomes.set(variant, new Map());
    }
    await client.start(Object.keys(VARIANTS).map(rootOf), { capabilities: FULL_CAPABILITIES, initializationOptions: { reviewerName: 'Kit Reviewer' } });
    // Every Markdown file of the fixture has findings, so each publishes once its folder is checked.
    for (const variant of Object.keys(VARIANTS)) {
      for (const rel of filesOf(SOURCE).filter((r) => r.endsWith('.md'))) await client.waitFor(uriOf(variant, rel), (d) => d.length > 0);
    }
  });
  after(async () => {
    await client.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('publishes the same findings for every variant', () => {
    for (const variant of Object.keys(VARIANTS)) {
      for (const rel of filesOf(SOURCE).filter((r) => r.endsWith('.md'))) {
        const shape = (v: string) => (client.diagnostics.get(uriOf(v, rel)) ?? []).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
        // Tabs are one character like the spaces they replace, so even columns agree.
        assert.deepEqual(shape(variant), shape('lf'), `${variant} ${rel}`);
      }
    }
  });

  it('offers every quick fix in every variant and each edits the same text the same way', async () => {
    for (const variant of Object.keys(VARIANTS)) {
      const fixed = new Set<string>();
      for (const rel of filesOf(SOURCE).filter((r) => r.endsWith('.md'))) {
        const diagnostics = (client.diagnostics.get(uriOf(variant, rel)) ?? []).filter((d) => (FIXABLE_CODES as readonly string[]).includes(String(d.code)));
        // One of each code per file (and the first few SoA rows, whose inserts land at different table lines).
        const chosen = diagnostics.filter((d, i) => diagnostics.findIndex((x) => x.code === d.code) === i || (d.code === 'soa-control-missing' && i < 4));
        for (const [i, diagnostic] of chosen.entries()) {
          const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: uriOf(variant, rel) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
          assert.ok(actions?.length, `${variant} ${rel} ${diagnostic.code}: quick fixes offered`);
          for (const action of actions) record(variant, `${rel} ${diagnostic.code} #${i} ${action.title}`, action.edit, action.title);
          fixed.add(String(diagnostic.code));
        }
      }
      assert.deepEqual([...fixed].sort(), [...FIXABLE_CODES].sort(), `${variant}: every fixable code was exercised`);
    }
  });

  it('renames a risk ID and a document ID across closed files', async () => {
    for (const variant of Object.keys(VARIANTS)) {
      for (const [rel, pattern, id, newName] of [['risk/register.md', /\|\sR-010/, 'R-010', 'R-110'], ['policies/access.md', /id:\sPOL-010/, 'POL-010', 'POL-110']] as const) {
        const position = positionIn(raw(variant, rel), pattern);
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(variant, rel) }, position, newName });
        record(variant, `rename ${id}`, edit);
        const files = outcomes.get(variant)!.get(`rename ${id}`)!.files;
        assert.ok(files.size >= 4, `${variant} ${id}: renamed in ${[...files.keys()].join(', ')}`);
        for (const [file, text] of files) assert.ok(!new RegExp(`\\b${id}\\b`).test(text), `${variant} ${file} still mentions ${id}`);
      }
    }
  });

  it('isms/markReviewed edits each reviewable document', async () => {
    for (const variant of Object.keys(VARIANTS)) {
      for (const rel of ['policies/access.md', 'policies/backup.md', 'scope.md', 'soa.md', 'exceptions/gate.md']) {
        const result = await client.request<MarkReviewedResult>('isms/markReviewed', { uri: uriOf(variant, rel) });
        record(variant, `markReviewed ${rel}`, result.edit, result.title);
      }
    }
  });

  it('every variant’s result is the LF result written that variant’s way', () => {
    const lf = outcomes.get('lf')!;
    // (The fixture's SoA lists 3 controls: the 90 missing are one finding, with one edit adding their rows.)
    assert.ok(lf.size >= 15, `${lf.size} edits compared`);
    for (const [variant, byName] of outcomes) {
      assert.deepEqual([...byName.keys()].sort(), [...lf.keys()].sort(), `${variant}: the same edits are offered`);
      for (const [name, outcome] of byName) {
        const expected = lf.get(name)!;
        assert.equal(outcome.title, expected.title, `${variant} ${name}`);
        assert.deepEqual([...outcome.files.keys()].sort(), [...expected.files.keys()].sort(), `${variant} ${name}: files`);
        for (const [rel, text] of outcome.files) {
          assert.equal(normalise(text), expected.files.get(rel), `${variant} ${name}: ${rel}`);
          // And exactly the variant's own writing of that text, wherever the edit did not insert.
          if (variant !== 'tabs' && variant !== 'all') assert.equal(text, VARIANTS[variant].write(expected.files.get(rel)!), `${variant} ${name}: ${rel}`);
        }
      }
    }
  });

  it('reads a written file back to the same findings, less the fixed one', async () => {
    for (const variant of Object.keys(VARIANTS)) {
      const rel = 'policies/access.md';
      const written = outcomes.get(variant)!.get(`markReviewed ${rel}`)!.files.get(rel)!;
      writeFileSync(join(rootOf(variant), rel), written);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(variant, rel), type: 2 }] });
      const after = await client.waitFor(uriOf(variant, rel), (d) => !d.some((x) => x.code === 'review-overdue'));
      assert.deepEqual(after.map((d) => d.code), ['control-legacy-id', 'control-legacy-id'], variant);
    }
  });

  it('offers no quick fix for a closed file changed on disk unseen (client without disabled actions)', async () => {
    const rel = 'policies/backup.md';
    const [missing] = (client.diagnostics.get(uriOf('crlf', rel)) ?? []).filter((d) => d.code === 'frontmatter-missing-field');
    writeFileSync(join(rootOf('crlf'), rel), 'Inserted by another program.\r\n' + raw('crlf', rel));
    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: uriOf('crlf', rel) }, range: missing.range, context: { diagnostics: [missing] } });
    assert.deepEqual(actions, []);
  });
});

describe('language server: edits refuse a closed file changed on disk since it was read', function () {
  this.timeout(60_000);
  let dir: string;
  const client = new LspTestClient();
  const uri = (rel: string) => fileUri(join(dir, rel));
  const changedBehindTheServersBack = 'policies/access.md';
  let before: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'isms-refuse-'));
    cpSync(SOURCE, dir, { recursive: true });
    await client.start(dir, { capabilities: { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, codeAction: { disabledSupport: true } } } });
    await client.waitFor(uri(changedBehindTheServersBack), (d) => d.length > 0);
    // Another program (a branch switch whose file events have not arrived) moves every line down by two.
    before = readFileSync(join(dir, changedBehindTheServersBack), 'utf8').replace('# Depot Access Policy', '# Depot Access Policy\n\nNew paragraph from another branch.');
    writeFileSync(join(dir, changedBehindTheServersBack), before);
  });
  afterEach(async () => {
    assert.equal(readFileSync(join(dir, changedBehindTheServersBack), 'utf8'), before, 'nothing edited');
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusal = /policies\/access\.md changed on disk since the ISMS server last read it, so nothing was edited/;

  it('rename', async () => {
    const text = readFileSync(join(dir, 'risk/register.md'), 'utf8');
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: uri('risk/register.md') }, position: positionIn(text, /\| R-010/), newName: 'R-110' }), refusal);
  });

  it('isms/markReviewed', async () => {
    const result = await client.request<MarkReviewedResult>('isms/markReviewed', { uri: uri(changedBehindTheServersBack) });
    assert.equal(result.edit, undefined);
    assert.match(result.message ?? '', refusal);
  });

  it('quick fix: a disabled action that says why', async () => {
    const diagnostics = client.diagnostics.get(uri(changedBehindTheServersBack)) as Diagnostic[];
    const overdue = diagnostics.find((d) => d.code === 'review-overdue')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(changedBehindTheServersBack) }, range: overdue.range, context: { diagnostics: [overdue] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].edit, undefined);
    assert.match(actions[0].disabled?.reason ?? '', refusal);
  });
});

describe('language server: edits stay inside the workspace folder (symbolic links out of it)', function () {
  this.timeout(60_000);
  let base: string;
  let dir: string;
  const client = new LspTestClient();
  const uri = (rel: string) => fileUri(join(dir, rel));

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'isms-links-'));
    dir = join(base, 'isms');
    cpSync(SOURCE, dir, { recursive: true });
    // Another repository's policy that cites the same IDs and is overdue for review, linked into the ISMS twice.
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(base, 'elsewhere', 'policy.md'), '---\ntype: policy\nid: POL-090\ntitle: Elsewhere\nowner: Someone\nlast_reviewed: 2020-01-01\nnext_review: 2021-01-01\nrisks: [R-010]\n---\n\n# Elsewhere\n\nSee POL-010 and R-010.\n');
    symlinkSync(join(base, 'elsewhere', 'policy.md'), join(dir, 'policies', 'linked.md'));
    symlinkSync(join(base, 'elsewhere'), join(dir, 'shared'));
    await client.start(dir, { capabilities: FULL_CAPABILITIES, initializationOptions: { reviewerName: 'Kit Reviewer' } });
    await client.waitFor(uri('policies/access.md'), (d) => d.length > 0);
  });
  after(async () => {
    await client.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('rename edits only the files inside the folder, not a linked one', async () => {
    for (const [rel, pattern, newName] of [['risk/register.md', /\| R-010/, 'R-110'], ['policies/access.md', /id: POL-010/, 'POL-110']] as const) {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri(rel) }, position: positionIn(readFileSync(join(dir, rel), 'utf8'), pattern), newName });
      const uris = [...editsByUri(edit).keys()];
      assert.ok(uris.length >= 2, uris.join(', '));
      for (const u of uris) {
        const path = new URL(u).pathname;
        assert.ok(path.startsWith(dir + '/'), `${u} is inside the workspace folder`);
        assert.ok(!/\/(linked\.md|shared\/)/.test(path), `${u} is not a symbolic link out of it`);
      }
    }
  });

  it('isms/markReviewed and quick fixes offer no edit of a linked file', async () => {
    const result = await client.request<MarkReviewedResult | null>('isms/markReviewed', { uri: uri('policies/linked.md') });
    assert.equal(result?.edit, undefined);
    const linked = await client.waitFor(uri('policies/linked.md'), (d) => d.length > 0);
    assert.deepEqual(linked.map((d) => d.code), ['file-unreadable']);
    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: uri('policies/linked.md') }, range: linked[0].range, context: { diagnostics: linked } });
    assert.ok(!actions?.some((a) => a.edit), JSON.stringify(actions));
  });
});
