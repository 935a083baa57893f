// The incremental checker must always give what a full check gives: random edit sequences on a small ISMS (links
// with anchors, risks, related IDs, an SoA, suppressions, evidence files), compared after every edit.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { IncrementalChecker, checkWorkspaceDetailed } from './check';
import { md, workspaceOf, TEST_TODAY } from './testing/fixtures';
import { parseIsoDate } from './util/dates';
import { closest, editDistance } from './rules/helpers';
import { isMarkdownPath, type IsmsWorkspace } from './workspace/workspace';
import type { ReferenceKind } from './model';
import type { WorkspaceRule } from './rules/rule';

const today = parseIsoDate(TEST_TODAY)!;

function policy(id: string, extra: Record<string, unknown>, body: string): string {
  return md(
    { type: 'policy', id, title: `Policy ${id}`, owner: 'CISO', version: '1.0', status: 'approved', approved_by: 'CEO', approved_on: '2026-01-10', last_reviewed: '2026-01-10', review_cycle: 'annual', next_review: '2027-01-10', ...extra },
    body,
  );
}

function initialFiles(): Record<string, string> {
  const controls = ['A.5.1', 'A.5.2', 'A.5.15', 'A.8.2', 'A.8.28', 'A.7.4'];
  return {
    'scope.md': md(
      { type: 'scope', id: 'SCOPE-001', title: 'Scope', owner: 'CISO', next_review: '2027-01-01' },
      '# Scope\n\n## Scope statement\n\nAll of it.\n\n## Interfaces and dependencies\n\nWe rely on AC.\n\n## Internal and external issues\n\n| ID | Issue |\n|---|---|\n| I-1 | Growth |\n| I-2 | Regulation, see R-001 |\n',
    ),
    // Read by workspace rules that cache what they read per document: providers, issues, locker items.
    'suppliers.md': md({ type: 'supplier-register', id: 'SUP-001', title: 'Suppliers', owner: 'CISO' }, '# Suppliers\n\n| Supplier | Service |\n|---|---|\n| Acme Cloud (AC) | Hosting |\n| GPU Hub | Training |\n'),
    'soa.md': md(
      { type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'CISO', next_review: '2027-01-01' },
      `# SoA\n\n| Control | Applicable | Justification | Status | Evidence |\n|---|---|---|---|---|\n${controls
        .map((c, i) => `| ${c} | ${i === 5 ? 'No' : 'Yes'} | ${i === 5 ? 'No premises' : 'R-001'} | Implemented | [p](policies/a.md) |`)
        .join('\n')}\n`,
    ),
    'risk/register.md': md(
      { type: 'risk-register', id: 'RR-001', title: 'Register', owner: 'CISO' },
      '# Risks\n\n| ID | Risk | Owner | Likelihood | Impact | Score | Treatment | Controls |\n|---|---|---|---|---|---|---|---|\n' +
        '| R-001 | Leak | CISO | 2 | 3 | 6 | modify | A.5.15 |\n| R-002 | Outage | CTO | 3 | 3 | 10 | retain | A.8.2 |\n| R-003 | Fraud | CFO | 1 | 5 | 5 | modify | A.7.4 |\n',
    ),
    'policies/a.md': policy('POL-001', { controls: ['A.5.1', 'A.5.15'], risks: ['R-001'], related: ['POL-002'] }, '# A\n\n## Purpose\n\nSee [B](b.md#purpose) and A.8.28.\n\n## Rules\n\nR-002 applies. [evidence](../evidence/e1.pdf)\n'),
    'policies/b.md': policy('POL-002', { controls: ['A.8.2'], risks: ['R-002', 'R-009'], related: ['POL-001', 'POL-404'] }, '# B\n\n## Purpose\n\nBack to [A](a.md#rules), [missing](c.md).\n\n<!-- isms-disable-next-line link-broken -- archived -->\n[old](old.md)\n'),
    'policies/c-draft.md': policy('POL-003', { status: 'draft', controls: ['A.7.4'] }, '# C\n\n## Purpose\n\nText with POL-001 and [a](a.md#nope).\n'),
    'notes/meeting.md': '# Notes\n\nSee [A](../policies/a.md#purpose) and R-003.\n',
    'evidence/e1.pdf': '%PDF',
  };
}

const SNIPPETS = ['x', ' ', '\n', '\n\n', ' A.5.9 ', ' A.8.28 ', ' R-003 ', ' R-099 ', '[l](b.md#purpose)', '[l](b.md#nope)', '[e](../evidence/e2.pdf)', '## Purpose\n', '## Rules\n', ' POL-002', '<!-- isms-disable-next-line link-broken -- ok -->\n', '| A.5.2 | No | x | Implemented | |\n', '## Risk assessment methodology\n', ' GPU Hub ', '| I-3 | Churn |\n'];
const LINES = ['id: POL-002', 'id: POL-777', 'type: policy', 'type: record', 'status: retired', 'risks: [R-003]', 'next_review: 2026-01-01', 'related: [POL-404]', 'issues: [I-1]', 'supplier: GPU Hub', 'type: risk', 'clauses: [6.1.2]'];

type Edit =
  | { kind: 'insert'; doc: number; at: number; text: string }
  | { kind: 'delete'; doc: number; at: number; length: number }
  | { kind: 'frontmatter'; doc: number; line: string }
  | { kind: 'remove'; doc: number }
  | { kind: 'add'; name: string; text: string }
  | { kind: 'evidence'; add: boolean };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), doc: fc.nat(20), at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x), text: fc.constantFrom(...SNIPPETS) }) as fc.Arbitrary<Edit> },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), doc: fc.nat(20), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 30 }) }) as fc.Arbitrary<Edit> },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('frontmatter' as const), doc: fc.nat(20), line: fc.constantFrom(...LINES) }) as fc.Arbitrary<Edit> },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), doc: fc.nat(20) }) as fc.Arbitrary<Edit> },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      name: fc.constantFrom('policies/c.md', 'policies/d.md', 'old.md', 'risk/r4.md'),
      text: fc.constantFrom(policy('POL-004', { risks: ['R-004'] }, '# D\n\n## Purpose\n\nx\n'), policy('POL-001', {}, '# Dup\n'), md({ type: 'risk', id: 'R-004', title: 'Four', owner: 'x', likelihood: 2, impact: 2, treatment: 'modify' }), '# plain\n'),
    }) as fc.Arbitrary<Edit>,
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('evidence' as const), add: fc.boolean() }) as fc.Arbitrary<Edit> },
);

function apply(ws: IsmsWorkspace, texts: Map<string, string>, e: Edit): void {
  const paths = [...texts.keys()].filter((p) => isMarkdownPath(p));
  const path = paths.length ? paths[('doc' in e ? e.doc : 0) % paths.length] : undefined;
  switch (e.kind) {
    case 'insert':
    case 'delete': {
      if (!path) return;
      const text = texts.get(path)!;
      const at = Math.floor(e.at * text.length);
      const next = e.kind === 'insert' ? text.slice(0, at) + e.text + text.slice(at) : text.slice(0, at) + text.slice(at + e.length);
      texts.set(path, next);
      ws.setMarkdown(path, next);
      return;
    }
    case 'frontmatter': {
      if (!path) return;
      const text = texts.get(path)!;
      const key = e.line.slice(0, e.line.indexOf(':'));
      const lines = text.split('\n');
      const i = lines.findIndex((l) => l.startsWith(`${key}:`));
      if (i >= 0) lines[i] = e.line;
      else if (lines[0] === '---') lines.splice(1, 0, e.line);
      texts.set(path, lines.join('\n'));
      ws.setMarkdown(path, lines.join('\n'));
      return;
    }
    case 'remove':
      if (!path) return;
      texts.delete(path);
      ws.removeFile(path);
      return;
    case 'add':
      texts.set(e.name, e.text);
      ws.setMarkdown(e.name, e.text);
      return;
    case 'evidence':
      if (e.add) ws.addFile('evidence/e2.pdf');
      else ws.removeFile('evidence/e1.pdf');
      return;
  }
}

const snapshot = (checker: IncrementalChecker) => new Map([...checker.paths()].map((p) => [p, JSON.stringify(checker.findings(p).diagnostics)]));

/** A workspace rule of a test's own. */
const probeRule = (check: WorkspaceRule['check']): WorkspaceRule => ({ code: 'probe', family: 'locker', scope: 'workspace', defaultSeverity: 'info', description: 'test', fix: 'test', check });

describe('incremental checking', () => {
  it('gives what a full check gives after every edit, and reports every path that changed', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const files = initialFiles();
        const texts = new Map(Object.entries(files));
        const ws = workspaceOf(files);
        const checker = new IncrementalChecker(ws);
        checker.check(today);
        let before = snapshot(checker);
        for (const e of edits) {
          apply(ws, texts, e);
          const changed = checker.check(today);
          const full = checkWorkspaceDetailed(ws, { today });
          assert.deepStrictEqual(checker.detailed(), full, `after ${JSON.stringify(e)}`);
          const after = snapshot(checker);
          for (const p of new Set([...before.keys(), ...after.keys()])) {
            if (before.get(p) !== after.get(p)) assert.ok(changed.has(p), `${p} changed but was not reported after ${JSON.stringify(e)}`);
          }
          before = after;
        }
        checker.dispose();
      }),
      { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 60) },
    );
  });

  it('keeps every mention of an ID in step with the edits, in path order and with the current documents', () => {
    const mentions = (ws: IsmsWorkspace, key: string) => {
      const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] as [ReferenceKind, string];
      return ws.referencesTo(kind, id).map(({ doc, ref }) => ({ doc: JSON.stringify(doc, (_, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v)), ref }));
    };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const files = initialFiles();
        const texts = new Map(Object.entries(files));
        const ws = workspaceOf(files);
        const keys = new Set<string>();
        const note = (w: IsmsWorkspace) => w.ismsDocuments().forEach((d) => d.references.forEach((r) => keys.add(`${r.kind}:${r.id}`)));
        note(ws);
        for (const key of keys) mentions(ws, key); // builds the view, which the edits must now keep up to date
        for (const e of edits) {
          apply(ws, texts, e);
          const fresh = workspaceOf(Object.fromEntries(texts));
          note(ws);
          for (const key of keys) assert.deepStrictEqual(mentions(ws, key), mentions(fresh, key), `${key} after ${JSON.stringify(e)}`);
        }
      }),
      { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 60) },
    );
  });

  it('still follows every edit after the day changed (values cached per document hide no reads from the new runs)', () => {
    const files = initialFiles();
    const ws = workspaceOf(files);
    const checker = new IncrementalChecker(ws);
    checker.check(today);
    checker.check(today + 1);
    for (const [path, text] of [
      ['policies/a.md', files['policies/a.md'].replace('and A.8.28.', 'and A.8.28, A.5.2.')],
      ['policies/b.md', files['policies/b.md'].replace("controls: ['A.8.2']", 'controls: []').replace('status: approved', 'status: retired')],
    ]) {
      ws.setMarkdown(path, text);
      checker.check(today + 1);
      assert.deepStrictEqual(checker.detailed(), checkWorkspaceDetailed(ws, { today: today + 1 }), path);
    }
  });

  it('hands a one-off check the documents themselves, and an incremental one copies that record what is read', () => {
    const ws = workspaceOf(initialFiles());
    const seen: boolean[] = [];
    const probe = probeRule((ctx) => void seen.push(ctx.workspace.ismsDocuments()[0] === ws.getDocument(ctx.workspace.ismsDocuments()[0].path)));
    checkWorkspaceDetailed(ws, { today, rules: [probe] });
    const checker = new IncrementalChecker(ws, { rules: [probe] });
    checker.check(today);
    checker.dispose();
    assert.deepStrictEqual(seen, [true, false]);
  });

  it('pauses inside a rule written as steps, and checks next time an edit made during its pause', () => {
    const probe = probeRule(function* (ctx) {
      for (const doc of ctx.workspace.ismsDocuments()) {
        if (doc.title?.includes('Renamed')) ctx.report({ path: doc.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `${doc.title}` });
        yield;
      }
    });
    const files = initialFiles();
    const count = (steps: Generator<void, unknown, void>) => {
      let n = 0;
      while (!steps.next().done) n++;
      return n;
    };
    const plain = new IncrementalChecker(workspaceOf(files), { rules: [probeRule(() => undefined)] });
    const paused = new IncrementalChecker(workspaceOf(files), { rules: [probe] });
    assert.equal(count(paused.steps(today)), count(plain.steps(today)) + workspaceOf(files).ismsDocuments().length);
    // An edit at every pause of a first check: the next check gives what a full check of the edited files gives.
    const edited = files['policies/a.md'].replace('title: Policy POL-001', 'title: Renamed POL-001');
    for (let at = 0; ; at++) {
      const ws = workspaceOf(files);
      const checker = new IncrementalChecker(ws, { rules: [probe] });
      const steps = checker.steps(today);
      let done = false;
      for (let i = 0; i < at && !done; i++) done = steps.next().done === true;
      ws.setMarkdown('policies/a.md', edited);
      while (!done) done = steps.next().done === true;
      checker.check(today);
      assert.deepStrictEqual(checker.detailed(), checkWorkspaceDetailed(ws, { today, rules: [probe] }), `edit after step ${at}`);
      assert.equal(checker.detailed().diagnostics.length, 1);
      checker.dispose();
      if (at > count(new IncrementalChecker(workspaceOf(files), { rules: [probe] }).steps(today))) break;
    }
  });

  it('builds the references view in steps on a large folder, and drops it when a document changes meanwhile', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1100; i++) files[`p/${String(i).padStart(4, '0')}.md`] = policy(`POL-${i}`, {}, `# P\n\nSee A.5.${1 + (i % 30)}.\n`);
    for (const changeAt of [1, 2]) {
      const ws = workspaceOf(files);
      const checker = new IncrementalChecker(ws);
      const steps = checker.steps(today);
      for (let i = 0; i < changeAt; i++) steps.next(); // 1: paused inside prepareReferences (1,000 documents read)
      ws.setMarkdown('p/0000.md', policy('POL-0', {}, '# P\n\nSee A.5.1 and A.8.28.\n'));
      while (!steps.next().done);
      checker.check(today);
      const fresh = workspaceOf({ ...files, 'p/0000.md': policy('POL-0', {}, '# P\n\nSee A.5.1 and A.8.28.\n') });
      for (const id of ['A.5.1', 'A.8.28', 'A.5.2']) {
        assert.deepStrictEqual(ws.referencesTo('control', id).map(({ doc, ref }) => `${doc.path} ${ref.range.start.line}`), fresh.referencesTo('control', id).map(({ doc, ref }) => `${doc.path} ${ref.range.start.line}`), `${id}, change after step ${changeAt}`);
      }
      assert.deepStrictEqual(checker.detailed(), checkWorkspaceDetailed(ws, { today }));
      checker.dispose();
    }
  });

  it('re-runs nothing when typing in prose leaves the model as it was', () => {
    const files = initialFiles();
    const ws = workspaceOf(files);
    const checker = new IncrementalChecker(ws);
    checker.check(today);
    ws.setMarkdown('policies/a.md', files['policies/a.md'].replace('and A.8.28.', 'and A.8.28. More text here.'));
    assert.equal(checker.check(today).size, 0);
    assert.equal(checker.stats.ruleRuns, 0);
  });

  it('re-checks the documents that use a risk when the register drops it, and only the rules that read it', () => {
    const files = initialFiles();
    const ws = workspaceOf(files);
    const checker = new IncrementalChecker(ws);
    checker.check(today);
    const all = checker.stats.ruleRuns;
    ws.setMarkdown('risk/register.md', files['risk/register.md'].replace(/\| R-001 .*\n/, ''));
    const changed = checker.check(today);
    assert.ok(changed.has('policies/a.md'), 'POL-001 now names an unknown risk');
    assert.ok(checker.stats.ruleRuns < all / 2, `${checker.stats.ruleRuns} of ${all} rule runs`);
    assert.deepStrictEqual(checker.detailed(), checkWorkspaceDetailed(ws, { today }));
  });
});

describe('closest (did-you-mean)', () => {
  const reference = (value: string, candidates: readonly string[], max: number) => {
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const c of candidates) {
      const d = editDistance(value.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return best;
  };
  it('gives what comparing every candidate in full gives', () => {
    const id = fc.stringMatching(/^[A-Za-zİß-]{0,3}-?[0-9]{0,4}$/);
    fc.assert(
      fc.property(id, fc.array(id, { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (value, candidates, max) => {
        assert.equal(closest(value, candidates, max), reference(value, candidates, max));
      }),
      { numRuns: 2000 },
    );
  });
});
