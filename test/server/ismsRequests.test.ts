// The ISMS-specific requests the VS Code client builds its views, preview, status bar and commands on
// (server/src/protocol.ts), through the protocol against the built server, on the example ISMS and the LSP fixture.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { TextEdit } from 'vscode-languageserver-protocol';
import type {
  ActionsResult,
  CheckSummaryResult,
  ControlsResult,
  EvidenceLockerResult,
  FileHealthResult,
  IndexChangedParams,
  MarkReviewedResult,
  NextDocumentIdResult,
  NewRiskOptionsResult,
  AppendRiskResult,
  PreviewResult,
  RisksResult,
  ScopeResult,
  SoaTreeResult,
} from '../../server/src/protocol';
import { Fixture, applyEdits, editsByUri } from './fixture';

const EXAMPLE = join(process.cwd(), 'examples', 'acme-ai-isms');

async function startExample(options: Parameters<Fixture['client']['start']>[1] = {}): Promise<Fixture> {
  const f = new Fixture(EXAMPLE);
  await f.client.start(f.dir, { capabilities: { workspace: { workspaceEdit: { documentChanges: true } } }, ...options });
  await f.client.waitFor(f.uri('risk/risk-register.md'), (d) => d.some((x) => x.code === 'risk-score-mismatch'), 20_000);
  return f;
}

describe('language server: ISMS requests for the VS Code client (example ISMS)', function () {
  this.timeout(30_000);
  let f: Fixture;
  before(async () => {
    f = await startExample({ initializationOptions: { reviewerName: 'Dana Reviewer', indexChangedNotification: true } });
  });
  after(() => f.stop());

  it('isms/evidenceLocker: every mandatory item present, with owner and review state', async () => {
    const { roots } = await f.request<EvidenceLockerResult>('isms/evidenceLocker', {});
    assert.equal(roots.length, 1);
    const [root] = roots;
    assert.ok(root.ismsDocuments >= 40, `${root.ismsDocuments} ISMS documents`);
    assert.equal(root.items.length, 15);
    assert.deepEqual(root.items.filter((i) => !i.present).map((i) => i.key), []);
    const scope = root.items.find((i) => i.key === 'scope')!;
    assert.equal(scope.documents[0].path, '00-scope.md');
    assert.equal(scope.documents[0].owner, 'Head of Security');
    assert.equal(scope.documents[0].uri, f.uri('00-scope.md'));
    assert.equal(scope.documents[0].review.state, 'ok');
    assert.ok(scope.documents[0].warnings >= 1, 'the scope lacks a section: a warning');
    const policies = root.groups.find((g) => g.key === 'policies')!;
    const bcp = policies.documents.find((d) => d.path === 'policies/business-continuity-policy.md')!;
    assert.equal(bcp.review.state, 'overdue');
    assert.equal(bcp.review.due, '2026-09-15');
    assert.equal(policies.documents.find((d) => d.id === 'POL-002')?.owner, undefined, 'POL-002 has no owner (a deliberate fault)');
    assert.equal(root.groups.find((g) => g.key === 'exceptions')?.documents.length, 5);
    assert.ok(!policies.documents.some((d) => d.id === 'POL-001'), 'the information security policy is listed under its mandatory item only');
  });

  it('isms/soaTree: the 93 Annex A controls by theme with their SoA status, documents and risks', async () => {
    const { roots } = await f.request<SoaTreeResult>('isms/soaTree', {});
    const [root] = roots;
    assert.deepEqual(root.themes.map((t) => [t.theme, t.controls.length]), [['Organizational', 37], ['People', 8], ['Physical', 14], ['Technological', 34]]);
    assert.equal(root.counts.total, 93);
    assert.equal(root.counts.applicable, 88);
    assert.equal(root.counts.excluded, 5);
    assert.equal(root.counts.missing, 0);
    const all = root.themes.flatMap((t) => t.controls);
    const a725 = all.find((c) => c.id === 'A.8.25')!;
    assert.equal(a725.title, 'Secure development life cycle');
    assert.equal(a725.state, 'applicable');
    assert.equal(a725.implementation, 'implemented');
    assert.equal(a725.row?.uri, f.uri('soa/statement-of-applicability.md'));
    assert.equal(a725.row?.line, f.pos('soa/statement-of-applicability.md', '| A.8.25 |').line);
    assert.ok(a725.documents.some((d) => d.path === 'procedures/secure-sdlc.md'), JSON.stringify(a725.documents.map((d) => d.path)));
    assert.ok(a725.risks.some((r) => r.id === 'R-002'));
    const a75 = all.find((c) => c.id === 'A.7.5')!;
    assert.equal(a75.state, 'excluded');
    assert.equal(a75.justification, undefined);
    assert.deepEqual(root.soaDocuments.map((d) => d.path), ['soa/statement-of-applicability.md']);
  });

  it('isms/controls: every control of the enabled catalogs (ISO 27001 and ISO 42001 here)', async () => {
    const { roots } = await f.request<ControlsResult>('isms/controls', {});
    const controls = roots[0].controls;
    assert.equal(controls.filter((c) => c.catalog === 'iso27001-2022').length, 93);
    assert.ok(controls.some((c) => c.id.startsWith('42001:A.')));
  });

  it('isms/risks: sorted by score, highest first, with owner, treatment, controls and the row to reveal', async () => {
    const { roots } = await f.request<RisksResult>('isms/risks', {});
    const { risks, threshold } = roots[0];
    assert.equal(risks.length, 21);
    assert.equal(threshold, 8);
    for (let i = 1; i < risks.length; i++) assert.ok((risks[i - 1].score ?? 0) >= (risks[i].score ?? 0), `${risks[i - 1].id} before ${risks[i].id}`);
    const r1 = risks.find((r) => r.id === 'R-001')!;
    assert.equal(r1.owner, 'Head of ML Platform');
    assert.equal(r1.score, 15);
    assert.equal(r1.treatment, 'modify');
    assert.equal(r1.aboveThreshold, true);
    assert.equal(r1.loc.uri, f.uri('risk/risk-register.md'));
    assert.equal(r1.loc.line, f.pos('risk/risk-register.md', '| R-001 |').line);
    assert.deepEqual(r1.controls.map((c) => c.id), ['A.8.24', 'A.8.2', 'A.8.3', 'A.8.12', 'A.8.16']);
    assert.deepEqual(r1.health, { errors: 0, overdue: 0, warnings: 0, placeholders: 0 }, 'R-001 has no finding on its row');
    assert.equal(r1.controls[0].title, 'Use of cryptography');
    assert.equal(risks.find((r) => r.id === 'R-009')?.score, 16, 'the stated score, even when it is wrong');
  });

  it('isms/risks: each risk carries the findings on its own row (the worst first)', async () => {
    const { roots } = await f.request<RisksResult>('isms/risks', {});
    const r9 = roots[0].risks.find((r) => r.id === 'R-009')!;
    // The deliberate risk-score-mismatch is on R-009's row (Score 16, but 4 × 5 is 20), and on no other risk.
    const summary = await f.request<CheckSummaryResult>('isms/checkSummary', { includeFindings: true });
    const mismatch = summary.roots[0].findings!.filter((x) => x.code === 'risk-score-mismatch');
    assert.equal(mismatch.length, 1);
    assert.equal(r9.health.worst, mismatch[0].severity === 'error' ? 'error' : 'warning');
    assert.equal(r9.health.errors + r9.health.warnings, 1, JSON.stringify(r9.health));
    const others = roots[0].risks.filter((r) => r.source.path === 'risk/risk-register.md' && r.id !== 'R-009' && r.health.worst);
    assert.deepEqual(others.map((r) => [r.id, r.health]), [], 'findings are placed on their own row only');
  });

  it('isms/scope: each section carries the findings inside it; the missing one the finding that says so', async () => {
    const { roots } = await f.request<ScopeResult>('isms/scope', {});
    const [scope] = roots[0].documents;
    const section = (key: string) => scope.sections.find((s) => s.key === key)!;
    // Deliberate faults: scope-soa-version-mismatch (warning) in the statement, scope-approval-missing (warning)
    // in the approval; the interfaces are missing (warning). context-issue-unaddressed in the issues is
    // information, which health does not count.
    for (const key of ['statement', 'approval', 'interfaces']) assert.equal(section(key).health.warnings, 1, `${key}: ${JSON.stringify(section(key).health)}`);
    assert.equal(section('interfaces').present, false);
    for (const key of ['boundaries', 'issues', 'parties', 'exclusions']) assert.equal(section(key).health.worst, undefined, `${key}: ${JSON.stringify(section(key).health)}`);
    // The document covers every section: never plainer than its worst one.
    const total = (h: { errors: number; warnings: number; overdue: number; placeholders: number }) => h.errors + h.warnings + h.overdue + h.placeholders;
    assert.ok(total(scope.health) >= scope.sections.reduce((n, s) => n + total(s.health), 0), JSON.stringify(scope.health));
  });

  it('isms/fileHealth: the files with findings by kind, overdue reviews as their own kind', async () => {
    const { roots } = await f.request<FileHealthResult>('isms/fileHealth', {});
    const files = roots[0].files;
    const of = (path: string) => files.find((x) => x.path === path)?.health;
    assert.equal(of('policies/business-continuity-policy.md')?.worst, 'overdue', 'its review is overdue (a deliberate fault)');
    assert.equal(of('policies/business-continuity-policy.md')?.overdue, 1);
    assert.equal(files.find((x) => x.path === 'policies/business-continuity-policy.md')?.uri, f.uri('policies/business-continuity-policy.md'));
    assert.equal(of('risk/risk-register.md')?.worst !== undefined, true);
    assert.equal(of('policies/information-security-policy.md'), undefined, 'a file without findings is left out');
    // The counts are the check's: every error and warning of the check summary is in one file's health.
    const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    const sum = files.reduce((n, x) => n + x.health.errors + x.health.warnings + x.health.overdue + x.health.placeholders, 0);
    assert.ok(sum >= summary.errors + summary.warnings, `${sum} vs ${summary.errors} errors + ${summary.warnings} warnings`);
    assert.deepEqual(files.map((x) => x.path), [...files.map((x) => x.path)].sort(), 'in path order');
  });

  it('isms/scope: the clause 4.3 sections of the scope, flagging the missing one', async () => {
    const { roots } = await f.request<ScopeResult>('isms/scope', {});
    const [scope] = roots[0].documents;
    assert.equal(scope.path, '00-scope.md');
    assert.deepEqual(scope.sections.filter((s) => !s.present).map((s) => s.key), ['interfaces']);
    const boundaries = scope.sections.find((s) => s.key === 'boundaries')!;
    assert.equal(boundaries.heading, 'Boundaries');
    assert.equal(boundaries.loc?.line, f.pos('00-scope.md', '## Boundaries').line);
  });

  it('isms/checkSummary: counts by severity and overdue reviews, and the findings on request', async () => {
    const summary = await f.request<CheckSummaryResult>('isms/checkSummary', { includeFindings: true });
    const findings = summary.roots[0].findings!;
    assert.equal(summary.errors, findings.filter((x) => x.severity === 'error').length);
    assert.equal(summary.warnings, findings.filter((x) => x.severity === 'warning').length);
    assert.ok(summary.errors >= 2 && summary.warnings >= 5, JSON.stringify(summary));
    // review-overdue (POL-009), exception-review-overdue (EXC-2026-003), management-review-overdue
    assert.equal(summary.overdueReviews, 3);
    assert.equal(summary.overdueActions, 1); // ACT-9 in the action log
    const codes = new Set(findings.map((x) => x.code));
    for (const code of ['frontmatter-missing-field', 'scope-missing-section', 'control-legacy-id', 'link-broken', 'review-overdue', 'soa-justification-missing', 'risk-score-mismatch', 'management-review-overdue', 'exception-review-overdue']) {
      assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    }
    const legacy = findings.find((x) => x.code === 'control-legacy-id')!;
    assert.equal(legacy.uri, f.uri('procedures/secure-sdlc.md'));
    assert.equal(legacy.line, f.pos('procedures/secure-sdlc.md', 'A.14.2.1').line);
    const brief = await f.request<CheckSummaryResult>('isms/checkSummary', {});
    assert.equal(brief.roots[0].findings, undefined);
    assert.equal(brief.errors, summary.errors);
  });

  it('isms/markReviewed: last_reviewed today and next_review moved on by the cycle', async () => {
    const rel = 'policies/business-continuity-policy.md';
    const result = await f.request<MarkReviewedResult>('isms/markReviewed', { uri: f.uri(rel) });
    assert.ok(result.edit, result.message);
    assert.match(result.title!, /Mark reviewed today/);
    const edits = editsByUri(result.edit).get(f.uri(rel)) as TextEdit[];
    const text = applyEdits(f.text(rel), edits);
    assert.match(text, /last_reviewed: 2026-11-21[ \n]/);
    assert.match(text, /next_review: 2027-11-21\n/);
  });

  it('isms/markReviewed: an exception gets reviewed_on and reviewed_by', async () => {
    const rel = 'exceptions/2026-11-19-break-glass-inference-kms.md';
    const result = await f.request<MarkReviewedResult>('isms/markReviewed', { uri: f.uri(rel) });
    const text = applyEdits(f.text(rel), editsByUri(result.edit!).get(f.uri(rel)) as TextEdit[]);
    assert.match(text, /reviewed_on: 2026-11-21\n/);
    assert.match(text, /reviewed_by: Dana Reviewer\n/);
  });

  it('isms/markReviewed: a file outside the ISMS gets a message, no edit', async () => {
    const result = await f.request<MarkReviewedResult>('isms/markReviewed', { uri: 'file:///nowhere/else.md' });
    assert.equal(result.edit, undefined);
    assert.ok(result.message);
  });

  it('isms/actions: open actions by the document that decided them, the overdue one first', async () => {
    const result = await f.request<ActionsResult>('isms/actions', {});
    const root = result.roots[0];
    assert.equal(root.overdue, 1);
    const [first] = root.groups;
    assert.equal(first.source.path, 'records/nonconformity-corrective-action-log.md');
    assert.equal(first.actions[0].id, 'ACT-9');
    assert.equal(first.actions[0].overdueDays, 21);
    assert.equal(first.actions[0].loc.uri, f.uri('records/nonconformity-corrective-action-log.md'));
    const ids = root.groups.flatMap((g) => g.actions.flatMap((a) => a.id ?? [])).sort();
    assert.deepEqual(ids, ['ACT-10', 'ACT-4', 'ACT-6', 'ACT-8', 'ACT-9']); // ACT-1, 2, 3, 5 and 7 are done
    // The treatment plan's open rows have no ID; each is an action of its own.
    assert.equal(root.groups.find((g) => g.source.id === 'RTP-001')?.actions.length, 14);
    const q2 = root.groups.find((g) => g.source.id === 'MR-2026-Q2')!;
    assert.deepEqual(q2.actions.map((a) => [a.id, a.due ?? a.dueText ?? null]), [['ACT-6', '2027-01-15'], ['ACT-8', '2027-01-29'], ['ACT-10', null]]);
  });

  it('isms/evidenceLocker: the objectives with their status', async () => {
    const result = await f.request<EvidenceLockerResult>('isms/evidenceLocker', {});
    const objectives = result.roots[0].items.find((i) => i.key === 'objectives')!.objectives!;
    assert.equal(objectives.length, 9);
    assert.deepEqual(objectives.filter((o) => o.state !== 'measurable').map((o) => `${o.id} ${o.state}`), ['O6 stale', 'O9 not-measurable']);
  });

  it('isms/nextDocumentId: one past the highest ID with the prefix', async () => {
    const rootUri = f.uri('').replace(/\/$/, '');
    assert.equal((await f.request<NextDocumentIdResult>('isms/nextDocumentId', { rootUri, prefix: 'POL' })).id, 'POL-015');
    assert.equal((await f.request<NextDocumentIdResult>('isms/nextDocumentId', { rootUri, prefix: 'EXC-2026' })).id, 'EXC-2026-006');
    assert.equal((await f.request<NextDocumentIdResult>('isms/nextDocumentId', { rootUri, prefix: 'NEW' })).id, 'NEW-001');
  });

  it('isms/newRiskOptions: the register with its next ID, columns and scales, and the owners the ISMS names', async () => {
    const rootUri = f.uri('').replace(/\/$/, '');
    const result = await f.request<NewRiskOptionsResult>('isms/newRiskOptions', { rootUri });
    assert.deepEqual(
      result.registers.map((r) => [r.path, r.uri, r.nextId, r.risks, r.likelihoodScale, r.impactScale, r.columns.join(',')]),
      [['risk/risk-register.md', f.uri('risk/risk-register.md'), 'R-022', 21, 5, 5, 'ID,Risk,Owner,Likelihood,Impact,Score,Treatment,Controls,Accepted by,Status']],
    );
    // Risk owners first, the most used first.
    assert.deepEqual(result.owners.slice(0, 2), ['Head of Security', 'Head of ML Platform'], result.owners.join(', '));
    assert.ok(result.owners.includes('COO'), 'a document owner too');
    assert.equal(result.nextRiskId, 'R-022');
  });

  it('isms/appendRisk: a row after the last, with what was given and empty cells for the rest', async () => {
    const rel = 'risk/risk-register.md';
    const result = await f.request<AppendRiskResult>('isms/appendRisk', { uri: f.uri(rel), description: 'Laptop theft', owner: 'Head of Security', impact: 3 });
    assert.ok(result.edit, result.message);
    assert.equal(result.id, 'R-022');
    const text = applyEdits(f.text(rel), editsByUri(result.edit).get(f.uri(rel)) as TextEdit[]);
    const lines = text.split('\n');
    assert.match(lines[result.line! - 1], /^\| R-021 /);
    assert.equal(lines[result.line!], '| R-022 | Laptop theft | Head of Security | | 3 | | | | | |');
  });

  it('isms/appendRisk: a document without a risk table gets a message, no edit', async () => {
    const result = await f.request<AppendRiskResult>('isms/appendRisk', { uri: f.uri('00-scope.md'), description: 'x' });
    assert.equal(result.edit, undefined);
    assert.match(result.message ?? '', /no risk table/);
  });

  describe('isms/preview', () => {
    const preview = (rel: string) => f.request<PreviewResult>('isms/preview', { uri: f.uri(rel) });

    it('renders the body with a header card and control references resolved to their titles', async () => {
      const result = await preview('procedures/secure-sdlc.md');
      assert.equal(result.title, 'Secure Development Lifecycle and Code Review Procedure');
      assert.equal(result.type, 'procedure');
      const { html } = result;
      assert.match(html, /class="isms-card"/);
      assert.match(html, /CTO/, 'owner in the header card');
      // A.8.25 in the frontmatter's controls, resolved and clickable, leading to its SoA row
      const ref = /<a[^>]*data-isms-kind="control"[^>]*data-isms-target="(t\d+)"[^>]*>(?:(?!<\/a>).)*A\.8\.25(?:(?!<\/a>).)*Secure development life cycle/.exec(html);
      assert.ok(ref, 'A.8.25 rendered with its title');
      assert.deepEqual(result.targets[ref[1]], { uri: f.uri('soa/statement-of-applicability.md'), line: f.pos('soa/statement-of-applicability.md', '| A.8.25 |').line, character: 0 });
      // Blocks carry their source line for scroll sync.
      const heading = /<h1 id="user-content-secure-development-lifecycle-and-code-review-procedure" data-line="(\d+)">/.exec(html);
      assert.ok(heading, 'the heading with its source line');
      assert.equal(Number(heading[1]), f.pos('procedures/secure-sdlc.md', '# Secure Development Lifecycle').line);
      assert.match(html, /isms-legacy/, 'the 2013 ID A.14.2.1 is marked as withdrawn');
      // The paragraph with the 2013 ID holds the document's finding: marked, the marker leading to it.
      const marker = /<p class="isms-finding-block isms-finding-block-warning" data-line="\d+"><a class="isms-finding-marker isms-finding-warning"[^>]*title="Warning \(control-legacy-id\)[^"]*"[^>]*data-isms-target="(t\d+)"/.exec(html);
      assert.ok(marker, 'the finding marker on the paragraph with A.14.2.1');
      assert.deepEqual(result.targets[marker[1]], { uri: f.uri('procedures/secure-sdlc.md'), ...f.pos('procedures/secure-sdlc.md', 'A.14.2.1') });
      assert.doesNotMatch(html, /deliberate fault/, 'HTML comments are dropped');
      assert.doesNotMatch(html, /^---|type: procedure/m, 'the frontmatter is not rendered as text');
      const link = /<a[^>]*class="isms-link"[^>]*data-isms-target="(t\d+)"[^>]*>Secure Development Policy<\/a>/.exec(html);
      assert.ok(link, 'relative links resolve to workspace files');
      assert.equal(result.targets[link[1]].uri, f.uri('policies/secure-development-policy.md'));
    });

    it('shows an overdue badge for an overdue review', async () => {
      const { html } = await preview('policies/business-continuity-policy.md');
      assert.match(html, /isms-badge-overdue">overdue by 67 days</);
    });

    it('adds the SoA coverage summary per theme to the SoA', async () => {
      const { html } = await preview('soa/statement-of-applicability.md');
      assert.match(html, /SoA coverage/);
      assert.match(html, /<td>Organizational<\/td><td>37<\/td>/);
      assert.match(html, /<td>All themes<\/td><td>93<\/td><td>88<\/td><td>5<\/td>/);
    });

    it('adds a likelihood × impact heat map to the risk register', async () => {
      const { html, targets } = await preview('risk/risk-register.md');
      assert.match(html, /class="isms-heatmap"/);
      // Axis titles, and the register's own scale in the title.
      assert.match(html, /<th class="isms-heat-title-impact" rowspan="6" scope="rowgroup">Impact<\/th>/);
      assert.match(html, /<th class="isms-heat-title-likelihood" colspan="5" scope="colgroup">Likelihood<\/th>/);
      assert.match(html, /Risk heat map: likelihood 1–5 × impact 1–5, the register's scale/);
      // likelihood 4, impact 5
      const cell = /<td class="isms-heat-cell isms-heat-high" title="likelihood 4 × impact 5 = 20">(.*?)<\/td>/.exec(html);
      assert.ok(cell && /R-009/.test(cell[1]), cell?.[1]);
      const target = /data-isms-target="(t\d+)">R-009</.exec(cell[1])![1];
      assert.equal(targets[target].line, f.pos('risk/risk-register.md', '| R-009 |').line);
    });

    it('runs nothing from the document: scripts, handlers, javascript: URLs, iframes and forms are removed, remote images become links', async () => {
      const rel = 'policies/hostile.md';
      const hostile = [
        '---',
        'type: policy',
        'id: POL-666',
        'title: Hostile <script>alert(1)</script>',
        'owner: "<img src=x onerror=alert(1)>"',
        'last_reviewed: 2026-11-01',
        '---',
        '# Payloads',
        '<script>alert("xss")</script>',
        '<img src="x" onerror="alert(2)">',
        '<iframe src="https://evil.example"></iframe>',
        '<form action="https://evil.example"><input name="q"></form>',
        '<a href="javascript:alert(3)">js link</a>',
        '[md js](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
        '![remote](https://evil.example/track.png) ![proto](//evil.example/x.png)',
        '[passwd](../../../../etc/passwd) [file](file:///etc/passwd)',
        '<div style="background:url(https://evil.example)" onclick="alert(5)">styled</div>',
        '<svg onload="alert(6)"><circle/></svg>',
        '',
      ].join('\n\n'); // blank lines: each payload is a block of its own
      await f.client.open(f.uri(rel), hostile);
      const { html } = await preview(rel);
      assert.match(html, /js link/);
      for (const bad of [/<script/i, /<[^>]*\son\w+\s*=/i, /javascript:/i, /vbscript:/i, /data:text/i, /<iframe/i, /<form/i, /<input name/i, /<svg/i, /style=/i, /<img/i, /href="[^"]*etc\/passwd"/, /href="file:/]) {
        assert.doesNotMatch(html, bad, `${bad} in ${html}`);
      }
      assert.match(html, /<a href="https:\/\/evil\.example\/track\.png"[^>]*class="isms-remote-image"|class="isms-remote-image"[^>]*href="https:\/\/evil\.example\/track\.png"/);
      assert.match(html, /Hostile &#x3C;script>alert\(1\)&#x3C;\/script>|Hostile &lt;script&gt;/, 'frontmatter text is escaped');
      await f.client.close(f.uri(rel));
    });

    it('follows the editor text as it changes', async () => {
      const rel = 'objectives.md';
      const text = f.text(rel) + '\nLive paragraph citing A.5.15 and R-001.\n';
      await f.client.open(f.uri(rel), text, 1);
      const result = await preview(rel);
      assert.equal(result.version, 1);
      assert.match(result.html, /Live paragraph citing <a[^>]*><span class="isms-ref-id">A\.5\.15<\/span><span class="isms-ref-title">Access control<\/span><\/a>/);
      assert.match(result.html, /isms-ref-risk[^>]*title="R-001 Model-weight exfiltration/);
      await f.client.close(f.uri(rel));
    });

    it('answers null for a file that is not in the workspace', async () => {
      assert.equal(await f.request('isms/preview', { uri: 'file:///nowhere/else.md' }), null);
    });
  });

  it('sends isms/indexChanged after each check, when the client asks for it', async () => {
    const seen: IndexChangedParams[] = [];
    f.client.connection.onNotification('isms/indexChanged', (p: IndexChangedParams) => seen.push(p));
    const rel = 'objectives.md';
    await f.client.open(f.uri(rel), f.text(rel) + '\nSee A.12.6.1.\n', 1);
    await f.client.waitFor(f.uri(rel), (d) => d.some((x) => x.code === 'control-legacy-id'));
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(seen.length > 0, 'no isms/indexChanged notification');
    assert.equal(seen[0].rootUri.replace(/\/$/, ''), f.uri('').replace(/\/$/, ''));
    await f.client.close(f.uri(rel));
  });
});

describe('language server: ISMS requests (LSP fixture)', function () {
  this.timeout(30_000);
  let f: Fixture;
  before(async () => {
    f = await Fixture.start();
  });
  after(() => f.stop());

  it('isms/evidenceLocker: missing items with the template that creates them', async () => {
    const { roots } = await f.request<EvidenceLockerResult>('isms/evidenceLocker', { rootUri: f.uri('').replace(/\/$/, '') });
    assert.equal(roots.length, 1);
    const missing = roots[0].items.filter((i) => !i.present);
    assert.ok(missing.length > 5, missing.map((i) => i.key).join(', '));
    const audit = missing.find((i) => i.key === 'internal-audit')!;
    assert.equal(audit.template, 'audit');
    assert.equal(audit.required, true);
    assert.equal(missing.find((i) => i.key === 'management-review')?.template, 'management-review');
  });

  it('isms/soaTree: controls without a row are "missing"', async () => {
    const { roots } = await f.request<SoaTreeResult>('isms/soaTree', {});
    assert.equal(roots[0].counts.total, 93);
    assert.ok(roots[0].counts.missing > 80, JSON.stringify(roots[0].counts));
  });

  it('isms/risks: risk documents lead to their top line', async () => {
    const { roots } = await f.request<RisksResult>('isms/risks', {});
    const doc = roots[0].risks.find((r) => r.source.path === 'risk/r-003.md');
    assert.ok(doc, JSON.stringify(roots[0].risks.map((r) => r.id)));
    assert.equal(doc.loc.line, 0);
  });

  it('does not send isms/indexChanged unless asked', async () => {
    const seen: unknown[] = [];
    f.client.connection.onNotification('isms/indexChanged', (p: unknown) => seen.push(p));
    const rel = 'policies/crypto.md';
    await f.client.open(f.uri(rel), f.text(rel) + '\nSee A.12.6.1.\n', 1);
    await f.client.waitFor(f.uri(rel), (d) => d.some((x) => x.code === 'control-legacy-id'));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(seen, []);
  });
});
