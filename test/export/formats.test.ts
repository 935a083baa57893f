// `isms export` in every format, read back with tools other than the writers: poppler (pdftotext, pdfinfo) and
// qpdf for the PDFs, exceljs's reader and Python's openpyxl for the workbooks, sha256sum for the manifest.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { distFile } from '../support/dist';
import { folderWith } from '../support/folders';
import { policy } from '../../server/src/engine/testing/fixtures';

const CLI = distFile('cli.js');
const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const RISK = '3-risk-assessment-and-treatment';
// Debian's python3-openpyxl installs for Debian's Python, which may not be the first python3 on the PATH.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

describe('isms export: PDF, Excel and the manifest, read back with other tools', function () {
  this.timeout(300_000);
  let out: string;
  let pack: string;
  before(function () {
    out = mkdtempSync(join(tmpdir(), 'isms-formats-'));
    pack = join(out, 'pack');
    const r = run(process.execPath, [CLI, 'export', 'examples/acme-ai-isms', '--out', pack, '--today', '2026-11-21']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /46 documents, 26 open findings, 0 suppressed, 0 evidence files copied, 46 PDFs, 3 workbooks/);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('lays the pack out one folder per clause area', () => {
    assert.deepEqual(readdirSync(pack).sort(), [
      '1-scope-and-context', '2-policies', '3-risk-assessment-and-treatment', '4-support-and-operation', '5-performance-evaluation', '6-improvement', 'findings.xlsx', 'index.html', 'manifest.json',
    ]);
    assert.ok(existsSync(join(pack, '1-scope-and-context', '00-scope.pdf')));
    assert.ok(existsSync(join(pack, RISK, 'soa-statement-of-applicability.pdf')));
    assert.ok(existsSync(join(pack, '5-performance-evaluation', 'audits-2026-internal-audit.pdf')));
    assert.ok(existsSync(join(pack, '6-improvement', 'records-nonconformity-corrective-action-log.pdf')));
  });

  it('writes PDFs that poppler reads: title, header card, footer, SoA cells, metadata; qpdf finds no error', function () {
    if (!has('pdftotext') || !has('qpdf')) this.skip();
    const scope = join(pack, '1-scope-and-context', '00-scope.pdf');
    const text = run('pdftotext', ['-layout', scope, '-']).stdout;
    assert.match(text, /ISMS Scope/);
    assert.match(text, /Owner\s+Head of Security/);
    assert.match(text, /Next review\s+2027-02-10/);
    assert.match(text, /SCOPE-001 · version [\d.]+/);
    const info = run('pdfinfo', [scope]).stdout;
    assert.match(info, /Title:\s+SCOPE-001 ISMS Scope/);
    assert.match(info, /Author:\s+Head of Security/);
    assert.match(info, /Subject:\s+ISMS scope of the ISMS /);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert.ok(pages >= 1);
    assert.match(text, new RegExp(`page ${pages} of ${pages}`));
    // Fonts embedded (pdffonts: "emb yes" for every font).
    const fonts = run('pdffonts', [scope]).stdout.split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0 && fonts.every((l) => / yes /.test(l)), fonts.join('\n'));

    const soa = join(pack, RISK, 'soa-statement-of-applicability.pdf');
    const soaText = run('pdftotext', ['-layout', soa, '-']).stdout;
    assert.match(soaText, /A\.5\.5\s+Contact with authorities\s+yes/);
    const soaPages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [soa]).stdout)![1]);
    assert.ok(soaPages > 2, `${soaPages} pages`);
    // The 93-row table splits across pages with its header row repeated on each.
    const rowPages = soaText.split('\f').filter((p) => /^\s*A\.\d+\.\d+\s+\S.*\s(yes|no)\s/m.test(p));
    assert.ok(rowPages.length > 2, `${rowPages.length} pages of SoA rows`);
    for (const p of rowPages) assert.match(p, /Control\s+Title\s+Applicable\s+Justification\s+Status\s+Evidence/);
    // Links stay links (a link annotation to another PDF of the pack).
    const plain = join(out, 'soa-uncompressed.pdf');
    assert.equal(run('qpdf', ['--qdf', '--object-streams=disable', soa, plain]).status, 0);
    assert.match(readFileSync(plain, 'latin1'), /\/URI \(\.\.\/4-support-and-operation\/procedures-incident-response\.pdf\)/);
    for (const dir of readdirSync(pack).filter((d) => /^\d-/.test(d))) {
      for (const file of readdirSync(join(pack, dir)).filter((f) => f.endsWith('.pdf'))) {
        const check = run('qpdf', ['--check', join(pack, dir, file)]);
        assert.equal(check.status, 0, `${file}: ${check.stdout}${check.stderr}`);
      }
    }
  });

  it('writes workbooks exceljs reads back: frozen bold header, auto-filter, validation, links, score colours', async () => {
    const soa = new ExcelJS.Workbook();
    await soa.xlsx.readFile(join(pack, RISK, 'statement-of-applicability.xlsx'));
    const sheet = soa.worksheets[0];
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Theme', 'Control', 'Title', 'Applicable', 'Justification', 'Status', 'Evidence']);
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.ok(sheet.autoFilter);
    const controls = [];
    for (let r = 2; r <= sheet.rowCount; r++) if (/^A\.\d+\.\d+$/.test(String(sheet.getCell(r, 2).text))) controls.push(sheet.getCell(r, 2).text);
    assert.equal(controls.length, 93);
    const a55 = sheet.getRow(controls.indexOf('A.5.5') + 2);
    assert.equal(a55.getCell(4).text, 'yes');
    assert.equal(a55.getCell(6).text, 'implemented');
    assert.equal((a55.getCell(7).value as { hyperlink?: string }).hyperlink, '../4-support-and-operation/procedures-incident-response.pdf');
    assert.equal(a55.getCell(4).dataValidation?.type, 'list');

    const risks = new ExcelJS.Workbook();
    await risks.xlsx.readFile(join(pack, RISK, 'risk-register.xlsx'));
    const rs = risks.worksheets[0];
    assert.deepEqual((rs.getRow(1).values as unknown[]).slice(1), ['ID', 'Description', 'Owner', 'Likelihood', 'Impact', 'Score', 'Treatment', 'Controls', 'Accepted by']);
    const fills = new Map<number, string>();
    for (let r = 2; r <= rs.rowCount; r++) {
      const score = rs.getCell(r, 6).value;
      const fill = rs.getCell(r, 6).fill;
      if (typeof score === 'number' && fill?.type === 'pattern') fills.set(score, String(fill.fgColor?.argb));
    }
    // The register's own threshold is 8: 9 and above red, 5 to 8 amber, 4 and below green.
    assert.equal(fills.get(15), 'FFF4B6B6');
    assert.ok([...fills].every(([score, argb]) => argb === (score > 8 ? 'FFF4B6B6' : score > 4 ? 'FFFCE8A6' : 'FFC8E6C9')), JSON.stringify([...fills]));

    const findings = new ExcelJS.Workbook();
    await findings.xlsx.readFile(join(pack, 'findings.xlsx'));
    assert.equal(findings.worksheets[0].rowCount, 1 + 26);
  });

  it('writes workbooks that openpyxl (a second implementation) opens with the same content', function () {
    if (spawnSync(PYTHON, ['-c', 'import openpyxl']).status !== 0) this.skip();
    const script = `
import openpyxl, json, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)]
a55 = next(r for r in rows if r[1] == 'A.5.5')
print(json.dumps({"header": rows[0], "controls": sum(1 for r in rows if r[1] and str(r[1]).startswith('A.')), "a55": a55[3:6],
  "frozen": ws.freeze_panes, "filter": ws.auto_filter.ref, "bold": ws['A1'].font.b,
  "validations": sorted(set(v.formula1 for v in ws.data_validations.dataValidation)),
  "link": ws.cell(row=rows.index(a55) + 1, column=7).hyperlink.target}))
`;
    const r = run(PYTHON, ['-c', script, join(pack, RISK, 'statement-of-applicability.xlsx')]);
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(got.header, ['Theme', 'Control', 'Title', 'Applicable', 'Justification', 'Status', 'Evidence']);
    assert.equal(got.controls, 93);
    assert.deepEqual(got.a55, ['yes', 'UK GDPR breach notification to the ICO within 72 hours; law enforcement contact after theft of weights (R-001, R-018)', 'implemented']);
    assert.equal(got.frozen, 'A2');
    assert.match(String(got.filter), /^A1:G\d+$/);
    assert.equal(got.bold, true);
    assert.deepEqual(got.validations, ['"implemented,partially implemented,planned,not implemented,not applicable"', '"yes,no"']);
    assert.equal(got.link, '../4-support-and-operation/procedures-incident-response.pdf');
  });

  it('lists every file with its SHA-256 in manifest.json, and --verify catches a changed file', () => {
    const manifest = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[]; findings: number; commit: string | null; exportedAt: string };
    assert.equal(manifest.findings, 26);
    assert.ok(manifest.exportedAt);
    assert.equal(manifest.files.length, 46 + 3 + 1);
    for (const f of manifest.files.slice(0, 5)) assert.equal(run('sha256sum', [join(pack, f.path)]).stdout.split(' ')[0], f.sha256);
    const ok = run(process.execPath, [CLI, 'export', '--verify', pack]);
    assert.equal(ok.status, 0, ok.stdout);
    assert.match(ok.stdout, /all 50 files match manifest\.json/);
    appendFileSync(join(pack, 'index.html'), '<!-- edited -->');
    const bad = run(process.execPath, [CLI, 'export', '--verify', pack]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /changed: index\.html/);
  });

  it('embeds an image of the ISMS folder in the PDF, and names any other image by its alt text', function () {
    if (!has('pdfimages') || !has('pdftotext')) this.skip();
    // A 1×1 PNG, embedded; a file named .png that is not one, a PNG outside the ISMS folder and a missing one are not.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const body = [
      'The network: ![Network diagram](../diagrams/network.png)',
      '',
      'Not an image: ![Fake diagram](../diagrams/fake.png)',
      '',
      'Outside the ISMS: ![Outside diagram](../../outside.png)',
      '',
      'Missing: ![Missing diagram](../diagrams/missing.png)',
      '',
    ].join('\n');
    const parent = folderWith({ 'outside.png': png, 'isms/policies/network.md': policy({ id: 'POL-NET', title: 'Network Security Policy' }, body), 'isms/diagrams/network.png': png, 'isms/diagrams/fake.png': 'not a PNG' }, 'isms-images-');
    try {
      const images = join(parent, 'pack');
      const r = run(process.execPath, [CLI, 'export', join(parent, 'isms'), '--out', images, '--format', 'pdf', '--today', '2026-11-21']);
      assert.equal(r.status, 0, r.stderr);
      const pdf = join(images, '2-policies', 'policies-network.pdf');
      // pdfimages -list: two header lines, then a line per image drawn (and one for its alpha channel, "smask").
      const listed = run('pdfimages', ['-list', pdf]).stdout.split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
      assert.equal(listed.length, 1, listed.join('\n'));
      assert.match(listed[0], /^\s*1\s+\d+\s+image\s+1\s+1\s/);
      const text = run('pdftotext', [pdf, '-']).stdout;
      for (const alt of ['Fake diagram', 'Outside diagram', 'Missing diagram']) assert.match(text, new RegExp(`\\[${alt}\\]`));
      assert.doesNotMatch(text, /\[Network diagram\]/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('writes only the formats asked for', () => {
    const only = join(out, 'xlsx-only');
    const r = run(process.execPath, [CLI, 'export', 'examples/acme-ai-isms', '--out', only, '--format', 'xlsx', '--today', '2026-11-21']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(only).sort(), ['3-risk-assessment-and-treatment', 'findings.xlsx', 'manifest.json']);
    const bad = run(process.execPath, [CLI, 'export', 'examples/acme-ai-isms', '--out', only, '--format', 'docx']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format takes html, pdf, xlsx/);
  });
});
