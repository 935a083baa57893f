// isms/proposeConfig and isms/exportAuditPack, behind "ISMS: Initialise Workspace" and "ISMS: Export Audit Pack",
// through the protocol against the built server: the same proposal and pack as `isms init` and `isms export`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic } from 'vscode-languageserver-protocol';
import type { AuditPackFile, CheckSummaryResult, EvidenceLockerResult, ExportAuditPackResult, ExportProgressParams, ProposeConfigResult } from '../../server/src/protocol';
import { Fixture } from './fixture';
import { codes, fileUri } from './lspClient';
import { distFile } from '../support/dist';

const CLI = distFile('cli.js');
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
const EXAMPLE = join(process.cwd(), 'examples', 'acme-ai-isms');
const ADOPTION = join(process.cwd(), 'test', 'fixtures', 'adoption');

const propose = (f: Fixture, rootUri = fileUri(f.dir)) => f.request<ProposeConfigResult | null>('isms/proposeConfig', { rootUri });
const exportPack = (f: Fixture, rootUri = fileUri(f.dir)) => f.request<ExportAuditPackResult | null>('isms/exportAuditPack', { rootUri });

describe('language server: isms/proposeConfig ("ISMS: Initialise Workspace")', function () {
  this.timeout(30_000);

  describe('a consultant kit without configuration', () => {
    let f: Fixture;
    before(async () => {
      f = new Fixture(join(ADOPTION, 'consultant-kit'));
      await f.client.start(f.dir);
    });
    after(() => f.stop());

    it('proposes what `isms init` proposes, and says what the checker would then find', async () => {
      const r = await propose(f);
      assert.ok(r);
      assert.equal(r.rootUri, fileUri(f.dir));
      assert.equal(r.exists, false);
      assert.equal(r.configUri, f.uri('.isms.yaml'));
      assert.match(r.yaml, /fieldAliases:\n( {2}.*\n)* {2}document_id: id\n/);
      assert.match(r.yaml, /satisfies: controls/);
      assert.equal(r.markdownFiles, 3);
      assert.equal(r.ismsDocuments, 2);
      assert.deepEqual(r.documentsByType, [{ type: 'policy', count: 1 }, { type: 'soa', count: 1 }]);
      assert.ok(r.findings > 0);
      assert.equal(r.summary[0], 'With it, 2 of 3 Markdown files are ISMS documents (policy 1, soa 1).');
      // The kit's SoA lists a few controls: the many missing ones are one finding.
      assert.match(r.summary[1], new RegExp(`^The checker would report ${r.findings} findings: .*\\bsoa-control-missing 1\\b`));
      // The CLI prints the same notes and YAML for the same folder.
      const printed = cli(['init', f.dir]);
      assert.equal(printed.status, 0, printed.stderr);
      for (const note of r.notes) assert.ok(printed.stdout.includes(`  - ${note}\n`), note);
      assert.ok(printed.stdout.includes(r.yaml.replace(/^/gm, '    ')));
      assert.ok(printed.stdout.includes(r.summary[0]));
      assert.equal(existsSync(join(f.dir, '.isms.yaml')), false, 'nothing is written');
    });

    it('isms/checkSummary counts the Markdown files and the ISMS documents recognised among them (none yet)', async () => {
      const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
      assert.deepEqual([summary.roots[0].markdownFiles, summary.roots[0].documents], [3, 0]);
    });

    it('once the proposal is written, the server reloads the folder and checks the documents it now reads', async () => {
      const before = await f.request<EvidenceLockerResult>('isms/evidenceLocker', { rootUri: fileUri(f.dir) });
      assert.equal(before.roots[0].ismsDocuments, 0);
      const r = (await propose(f))!;
      writeFileSync(join(f.dir, '.isms.yaml'), r.yaml);
      await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: r.configUri, type: 1 }] });
      const soa = await f.client.waitFor(f.uri('statement-of-applicability.md'), (d: Diagnostic[]) => codes(d).includes('soa-justification-missing'));
      assert.ok(codes(soa).includes('soa-control-missing'));
      const after = await f.request<EvidenceLockerResult>('isms/evidenceLocker', { rootUri: fileUri(f.dir) });
      assert.equal(after.roots[0].ismsDocuments, 2);
      const summary = await f.request<CheckSummaryResult>('isms/checkSummary', {});
      assert.deepEqual([summary.roots[0].markdownFiles, summary.roots[0].documents], [3, 2]);
      const again = (await propose(f))!;
      assert.equal(again.exists, true);
      assert.equal(again.yaml, r.yaml, 'the same proposal: the written file only names what was detected');
    });

    it('answers null for a folder that is not a workspace folder, and for no folder', async () => {
      assert.equal(await propose(f, 'file:///nowhere/else'), null);
      assert.equal(await f.request('isms/proposeConfig', {}), null);
    });
  });

  describe('a template repository and a mixed repository', () => {
    for (const fixture of ['templates', 'mixed-repository']) {
      it(`${fixture}: proposes what \`isms init\` proposes (types file by file, templates, reference material)`, async () => {
        const f = new Fixture(join(ADOPTION, fixture));
        try {
          await f.client.start(f.dir);
          const r = (await propose(f))!;
          const printed = cli(['init', f.dir]);
          assert.ok(printed.stdout.includes(r.yaml.replace(/^/gm, '    ')), r.yaml);
          if (fixture === 'templates') {
            assert.match(r.yaml, /- \.md\.tmpl\n/);
            // Written, the server reads the templates as the documents they are.
            writeFileSync(join(f.dir, '.isms.yaml'), r.yaml);
            await f.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: r.configUri, type: 1 }] });
            // Once the documents are read, the ISMS lacks only the mandatory documents a template set leaves out.
            await f.client.waitFor(r.configUri, (d: Diagnostic[]) => codes(d).includes('locker-missing-document'));
            const locker = await f.request<EvidenceLockerResult>('isms/evidenceLocker', { rootUri: fileUri(f.dir) });
            assert.equal(locker.roots[0].ismsDocuments, 3);
          } else assert.match(r.yaml, /02-Policies\/statement-of-applicability\.md: soa/);
        } finally {
          f.stop();
        }
      });
    }
  });

  describe('the example ISMS, which has a .isms.yaml', () => {
    let f: Fixture;
    before(async () => {
      f = new Fixture(EXAMPLE);
      await f.client.start(f.dir);
    });
    after(() => f.stop());

    it('says the file exists and proposes what the folder needs: the ISO/IEC 42001 catalog', async () => {
      const r = await propose(f);
      assert.ok(r);
      assert.equal(r.exists, true);
      assert.equal(r.configUri, f.uri('.isms.yaml'));
      assert.match(r.yaml, /catalogs:\n {2}- iso27001-2022\n {2}- iso42001-2023\n/);
      assert.doesNotMatch(r.yaml, /fieldAliases|typeGlobs|metadataSources/);
      assert.ok(r.notes.some((n) => /ISO\/IEC 42001 is mentioned/.test(n)));
      assert.ok(r.ismsDocuments >= 40, `${r.ismsDocuments} ISMS documents`);
      assert.ok(r.documentsByType.some((t) => t.type === 'policy' && t.count >= 10));
    });

    it('applies the editor settings under the proposal, as they would apply under the written file', async () => {
      const g = new Fixture(EXAMPLE);
      try {
        await g.client.start(g.dir, { settings: { rules: { 'scope-soa-version-mismatch': 'off' } } });
        const [withSettings, without] = [await propose(g), await propose(f)];
        assert.ok(withSettings && without);
        assert.match(without.summary[1], /scope-soa-version-mismatch/);
        assert.doesNotMatch(withSettings.summary[1], /scope-soa-version-mismatch/);
        assert.ok(withSettings.findings < without.findings);
      } finally {
        await g.stop();
      }
    });
  });
});

describe('language server: isms/exportAuditPack ("ISMS: Export Audit Pack")', function () {
  this.timeout(60_000);
  let f: Fixture;
  let out: string;
  before(async () => {
    f = new Fixture(EXAMPLE);
    // An evidence file a procedure links to, so the pack copies one.
    mkdirSync(join(f.dir, 'records', 'evidence'), { recursive: true });
    writeFileSync(join(f.dir, 'records', 'evidence', 'pentest 2026.pdf'), '%PDF-1.4 placeholder');
    const procedure = join(f.dir, 'procedures', 'secure-sdlc.md');
    writeFileSync(procedure, readFileSync(procedure, 'utf8') + '\nPenetration test report: [2026 report](<../records/evidence/pentest 2026.pdf>).\n');
    await f.client.start(f.dir);
    out = mkdtempSync(join(tmpdir(), 'isms-pack-lsp-'));
  });
  after(async () => {
    await f.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('answers with the pack `isms export` writes: index.html, then the evidence files to copy', async () => {
    const r = await exportPack(f);
    assert.ok(r);
    assert.equal(r.name, f.dir.replace(/^.*[\\/]/, ''));
    assert.equal(r.written, false);
    assert.deepEqual(r.files.map((x) => x.path), ['index.html', 'files/records/evidence/pentest 2026.pdf', 'manifest.json']);
    const [index, evidence] = r.files as [Extract<AuditPackFile, { text: string }>, Extract<AuditPackFile, { base64: string }>];
    assert.equal(Buffer.from(evidence.base64, 'base64').toString(), '%PDF-1.4 placeholder');
    assert.equal(r.summary, '46 documents, 26 open findings, 0 suppressed, 1 evidence files copied');
    assert.deepEqual([r.documents, r.findings, r.suppressed, r.evidenceFiles], [46, 26, 0, 1]);
    assert.match(index.text, /<section class="pack-doc" id="doc-00-scope">/);
    assert.match(index.text, /<a href="files\/records\/evidence\/pentest%202026\.pdf"/);
    assert.match(index.text, /<dt>Commit<\/dt><dd>not a git repository<\/dd>/);
    assert.doesNotMatch(index.text, /Problems panel/);
    // Byte for byte what the CLI writes for the same folder and day, but for the time it was generated.
    const printed = cli(['export', f.dir, '--out', out, '--today', '2026-11-21', '--format', 'html']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.equal(printed.stdout, `Wrote ${out}: ${r.summary}; manifest.json lists 2 files.\n`);
    const unstamped = (html: string) => html.replace(/<dt>Generated<\/dt><dd>[^<]*<\/dd>/, '');
    assert.equal(unstamped(index.text), unstamped(readFileSync(join(out, 'index.html'), 'utf8')));
  });

  it('renders the editor\'s text of an open document, as the preview does', async () => {
    const uri = f.uri('00-scope.md');
    await f.client.open(uri, f.text('00-scope.md').replace('# ISMS Scope', '# ISMS Scope (draft in the editor)'));
    try {
      const r = await exportPack(f);
      assert.match((r!.files[0] as { text: string }).text, /ISMS Scope \(draft in the editor\)/);
    } finally {
      await f.client.close(uri);
    }
  });

  it('answers null for a folder that is not a workspace folder', async () => {
    assert.equal(await exportPack(f, 'file:///nowhere/else'), null);
  });

  it('writes a pack into a folder on disk itself, the formats asked for, reporting its progress', async () => {
    const target = join(out, 'server-written');
    const progress: ExportProgressParams[] = [];
    const listening = f.client.connection.onNotification('isms/exportProgress', (p: ExportProgressParams) => progress.push(p));
    try {
      const r = await f.request<ExportAuditPackResult | null>('isms/exportAuditPack', { rootUri: fileUri(f.dir), formats: ['xlsx'], outputUri: fileUri(target) });
      assert.ok(r);
      assert.equal(r.written, true);
      assert.deepEqual(r.files, []);
      assert.deepEqual(readdirSync(target).sort(), ['3-risk-assessment-and-treatment', 'findings.xlsx', 'manifest.json']);
      assert.deepEqual(readdirSync(join(target, '3-risk-assessment-and-treatment')).sort(), ['risk-register.xlsx', 'statement-of-applicability.xlsx']);
      assert.equal(readFileSync(join(target, 'findings.xlsx')).toString('latin1', 0, 2), 'PK');
      const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as { files: { path: string }[]; findings: number };
      assert.equal(manifest.findings, 26);
      assert.deepEqual(manifest.files.map((x) => x.path), ['3-risk-assessment-and-treatment/risk-register.xlsx', '3-risk-assessment-and-treatment/statement-of-applicability.xlsx', 'findings.xlsx']);
      assert.ok(progress.length > 0 && progress.every((p) => p.rootUri === r.rootUri && p.total > 0), JSON.stringify(progress));
    } finally {
      listening.dispose();
    }
  });

  it('stops when cancelled and removes what it had written, so the folder takes the next export', async () => {
    const target = join(out, 'cancelled');
    const params = { rootUri: fileUri(f.dir), formats: ['html', 'pdf'], outputUri: fileUri(target) };
    const request = (token: CancellationToken) => f.client.connection.sendRequest<ExportAuditPackResult | null>('isms/exportAuditPack', params, token);
    // Cancelled as the first progress arrives (Cancel in the editor's notification): 46 documents and PDFs to go.
    const source = new CancellationTokenSource();
    let progressed = 0;
    const listening = f.client.connection.onNotification('isms/exportProgress', () => {
      progressed++;
      source.cancel();
    });
    try {
      const answer = await request(source.token).catch((e: unknown) => e);
      assert.ok(answer === null || (answer instanceof ResponseError && answer.code === LSPErrorCodes.RequestCancelled), String(answer));
    } finally {
      listening.dispose();
    }
    assert.ok(progressed > 0);
    assert.deepEqual(existsSync(target) ? readdirSync(target) : [], []);
    const r = await f.request<ExportAuditPackResult | null>('isms/exportAuditPack', params);
    assert.equal(r?.written, true);
    assert.equal(JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')).documents, 46);
  });

  it('refuses to write among the ISMS\'s documents or a user\'s files, changing nothing', async () => {
    const mine = join(out, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const ismsFiles = readdirSync(f.dir, { recursive: true }).map(String).sort();
    const into = (dir: string) => f.request('isms/exportAuditPack', { rootUri: fileUri(f.dir), formats: ['html'], outputUri: fileUri(dir) });
    await assert.rejects(into(f.dir), /is the ISMS folder itself; the pack would be written among its documents/);
    await assert.rejects(into(join(f.dir, 'policies')), /is not empty and holds no earlier audit pack/);
    await assert.rejects(into(mine), /is not empty and holds no earlier audit pack/);
    assert.deepEqual(readdirSync(mine), ['notes.txt']);
    assert.deepEqual(readdirSync(f.dir, { recursive: true }).map(String).sort(), ismsFiles);
  });
});
