// The templates the VS Code client writes: "ISMS: Create ISMS from Template" (templates/starter, a complete
// ISMS that must check clean on the day it is created) and "ISMS: New Document…" (templates/documents, one per
// kind), rendered with the client's own placeholder code and checked with the engine.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { loadWorkspace } from '../../server/src/engine/workspace/nodeLoader';
import { checkWorkspace } from '../../server/src/engine/check';
import { parseIsoDate } from '../../server/src/engine/util/dates';
import { TEMPLATE_KINDS } from '../../client/src/templates/kinds';
import { fillTemplate, relativeDate } from '../../client/src/templates/render';
import type { CheckSummaryResult } from '../../server/src/protocol';
import { Fixture } from './fixture';

const TEMPLATES = join(process.cwd(), 'templates');
const NOW = new Date('2026-11-21T09:30:12Z');
const TODAY = parseIsoDate('2026-11-21')!;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

function renderStarter(into: string, organisation = 'Test Org Ltd'): string[] {
  const src = join(TEMPLATES, 'starter');
  const written: string[] = [];
  for (const file of filesUnder(src)) {
    const rel = fillTemplate(relative(src, file).split('\\').join('/'), {}, NOW);
    const dest = join(into, rel);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, fillTemplate(readFileSync(file, 'utf8'), { organisation }, NOW));
    written.push(rel);
  }
  return written;
}

describe('templates: dates and placeholders', () => {
  it('fills dates relative to today, clamping month ends', () => {
    const jan31 = new Date('2027-01-31T12:00:00Z');
    assert.equal(relativeDate('today', jan31), '2027-01-31');
    assert.equal(relativeDate('today+1m', jan31), '2027-02-28');
    assert.equal(relativeDate('today+3m', jan31), '2027-04-30');
    assert.equal(relativeDate('today+1y', new Date('2028-02-29T00:00:00Z')), '2029-02-28');
    assert.equal(relativeDate('today-10d', jan31), '2027-01-21');
    assert.equal(relativeDate('today+2w', jan31), '2027-02-14');
    assert.equal(relativeDate('tomorrow', jan31), undefined);
  });

  it('fills named values and leaves unknown placeholders as written', () => {
    assert.equal(fillTemplate('{{id}} {{ title }} {{year}} {{now}} {{other}}', { id: 'POL-001', title: 'T' }, NOW), 'POL-001 T 2026 2026-11-21T09:30:00Z {{other}}');
  });
});

describe('templates: the starter ISMS (ISMS: Create ISMS from Template)', () => {
  let dir: string;
  let written: string[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isms-starter-'));
    written = renderStarter(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no placeholder unfilled', () => {
    for (const rel of written) {
      const text = readFileSync(join(dir, rel), 'utf8');
      assert.doesNotMatch(text, /\{\{/, rel);
      assert.doesNotMatch(rel, /\{\{/);
    }
    assert.ok(written.includes('audits/2026-internal-audit.md'), written.join(', '));
  });

  /** The starter's documents that still hold the template's planning notes ("To be recorded", "To be appointed"). */
  const WITH_MARKERS = ['audits/2026-internal-audit.md', 'management-reviews/2026-management-review.md', 'records/internal-audit-programme.md'];

  it('on the day it is created: every mandatory document, all 93 controls, no document approved, and nothing found but the template\'s own markers', async () => {
    const workspace = await loadWorkspace(dir);
    assert.ok(workspace.ismsDocuments().length >= 20, `${workspace.ismsDocuments().length} ISMS documents`);
    assert.equal(new Set(workspace.soaRows().map((r) => r.controlId)).size, 93);
    // A template is not an approved ISMS: every document is a draft...
    assert.deepEqual(workspace.ismsDocuments().filter((d) => d.frontmatter?.data.status !== 'draft').map((d) => d.path), []);
    // ...and the places still to fill in are warnings, nothing else.
    const findings = checkWorkspace(workspace, { today: TODAY });
    assert.deepEqual(findings.filter((d) => d.code !== 'template-placeholder').map((d) => `${d.path}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
    assert.ok(findings.every((d) => d.severity === 'warning'));
    assert.deepEqual([...new Set(findings.map((d) => d.path))].sort(), WITH_MARKERS);
    assert.deepEqual([...new Set(findings.map((d) => d.message.split('"')[1]))].sort(), ['To be appointed', 'To be recorded', 'To be written', 'to be recorded']);
  });

  it('still shows only those a month later (no review falls due in the first months)', async () => {
    const workspace = await loadWorkspace(dir);
    assert.deepEqual(checkWorkspace(workspace, { today: TODAY + 31 }).filter((d) => d.code !== 'template-placeholder').map((d) => `${d.path} ${d.code}`), []);
  });

  it('the server says "0 of N approved" and which documents still hold placeholder text (isms/checkSummary)', async function () {
    this.timeout(30_000);
    const f = new Fixture(dir);
    try {
      await f.client.start(f.dir, {});
      await f.client.waitFor(f.uri('records/internal-audit-programme.md'), (d) => d.some((x) => x.code === 'template-placeholder'), 20_000);
      const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
      const [root] = summary.roots;
      assert.equal(root.approvedDocuments, 0);
      assert.ok(root.documents >= 20, `${root.documents} documents`);
      assert.equal(root.documentsWithPlaceholders, WITH_MARKERS.length);
      assert.equal(summary.errors, 0);
      assert.equal(summary.warnings, root.warnings);
      assert.ok(summary.warnings >= 7, `${summary.warnings} warnings`);
    } finally {
      await f.stop();
    }
  });
});

describe('templates: one per document kind (ISMS: New Document…)', () => {
  const documents = join(TEMPLATES, 'documents');

  it('has a template file for every kind, and a kind for every template file', () => {
    const files = readdirSync(documents).map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(files, TEMPLATE_KINDS.map((k) => k.kind).sort());
  });

  it('risk: a new risk whose owner, likelihood, impact and treatment were left empty is written with empty values, and the checker asks for them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isms-template-empty-risk-'));
    try {
      renderStarter(dir);
      const text = fillTemplate(readFileSync(join(documents, 'risk.md'), 'utf8'), { id: 'R-006', title: 'Laptop theft', owner: '', likelihood: '', impact: '', score: '', treatment: '' }, NOW);
      assert.doesNotMatch(text, /\{\{/);
      // Nothing made up: no example score, controls or owner.
      assert.match(text, /^likelihood: *$/m);
      assert.match(text, /^controls: \[\]$/m);
      writeFileSync(join(dir, 'risk/r-006.md'), text);
      const workspace = await loadWorkspace(dir);
      const findings = checkWorkspace(workspace, { today: TODAY }).filter((d) => d.path === 'risk/r-006.md');
      const missing = findings.find((d) => d.code === 'risk-field-missing');
      assert.match(missing?.message ?? '', /Risk R-006 has no owner, likelihood, impact or treatment decision/, findings.map((d) => `${d.code} ${d.message}`).join('\n'));
      // Only findings that ask for what was left empty.
      assert.deepEqual([...new Set(findings.map((d) => d.code))].filter((c) => !['risk-field-missing', 'frontmatter-missing-field', 'frontmatter-invalid-value'].includes(c)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const kind of TEMPLATE_KINDS) {
    it(`${kind.kind}: a new ${kind.label} added to the starter ISMS brings no finding on itself but its template markers`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `isms-template-${kind.kind}-`));
      try {
        renderStarter(dir);
        // The SoA is one per ISMS (two would list every control twice): the new one replaces the starter's.
        if (kind.kind === 'soa') rmSync(join(dir, 'soa/statement-of-applicability.md'));
        const prefix = kind.prefix.replace('{year}', '2026');
        const id = kind.kind === 'soa' ? 'SOA-001' : kind.kind === 'risk' ? 'R-006' : `${prefix}-901`;
        const rel = kind.kind === 'soa' ? 'soa/statement-of-applicability.md' : `${kind.folder ? kind.folder + '/' : ''}new-${kind.kind}.md`;
        // A risk's values are what the user gave New Risk (here all of them).
        const riskValues = { likelihood: '2', impact: '3', score: '6', treatment: 'modify' };
        const text = fillTemplate(readFileSync(join(documents, `${kind.kind}.md`), 'utf8'), { id, title: kind.defaultTitle, owner: 'Information Security Manager', riskId: 'R-006', organisation: 'Test Org Ltd', ...riskValues }, NOW);
        assert.doesNotMatch(text, /\{\{/);
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
        const workspace = await loadWorkspace(dir);
        const doc = workspace.getDocument(rel);
        assert.ok(doc?.type, `${rel} has a known type`);
        assert.equal(doc.id, id);
        assert.equal(doc.title, kind.defaultTitle);
        // Nothing on the starter's other documents, and on the new one at most its own markers, as warnings (a new
        // register's first row has no made-up likelihood, impact or treatment: the checker asks for them).
        const asks = (d: { path: string; code: string }) => d.path === rel && (d.code === 'template-placeholder' || (kind.kind === 'risk-register' && d.code === 'risk-field-missing'));
        const findings = checkWorkspace(workspace, { today: TODAY }).filter((d) => d.path === rel || d.code !== 'template-placeholder');
        assert.deepEqual(findings.filter((d) => !asks(d)).map((d) => `${d.path}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
        if (kind.kind === 'risk-register') assert.match(findings.find((d) => d.code === 'risk-field-missing')?.message ?? '', /Risk R-006 has no likelihood, impact or treatment decision/);
        assert.ok(findings.every((d) => d.path === rel && d.severity === 'warning'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
