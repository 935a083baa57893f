// Differently-shaped ISMSs (fixtures under test/fixtures/adoption/) are checked correctly after `isms init`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFile } from '../support/dist';

const CLI = distFile('cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });

interface Finding {
  file: string;
  code: string;
  message: string;
}

function adopted(fixture: string): { dir: string; config: string; findings: string[]; initOutput: string; diagnostics: Finding[]; documents: Record<string, unknown>[] } {
  const dir = mkdtempSync(join(tmpdir(), `isms-adopt-${fixture}-`));
  cpSync(join('test/fixtures/adoption', fixture), dir, { recursive: true });
  const dry = run(['init', dir]);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /Nothing written/);
  const wrote = run(['init', dir, '--write']);
  assert.equal(wrote.status, 0, wrote.stderr);
  const config = readFileSync(join(dir, '.isms.yaml'), 'utf8');
  // The fixtures are small: the whole-ISMS rules would only report what they leave out on purpose.
  appendFileSync(join(dir, '.isms.yaml'), 'rules:\n  locker-missing-document: off\n  soa-control-missing: off\n');
  const check = run(['check', dir, '--format', 'json', '--today', '2026-11-21']);
  const report = JSON.parse(check.stdout) as { diagnostics: Finding[]; documents: Record<string, unknown>[] };
  const findings = report.diagnostics.map((d) => `${d.file} ${d.code}`);
  return { dir, config, findings, initOutput: dry.stdout, diagnostics: report.diagnostics, documents: report.documents };
}

describe('adoption: isms init on differently-shaped ISMSs', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('says, before init, that Markdown was read but no ISMS document recognised, and points to isms init', () => {
    const dir = mkdtempSync(join(tmpdir(), 'isms-adopt-hint-'));
    dirs.push(dir);
    cpSync(join('test/fixtures/adoption', 'consultant-kit'), dir, { recursive: true });
    const before = run(['check', dir, '--today', '2026-11-21']);
    assert.equal(before.status, 0, before.stderr);
    assert.match(before.stdout, /No ISMS document recognised among 3 Markdown files.*run `isms init`/);
    const adoptedKit = adopted('consultant-kit');
    dirs.push(adoptedKit.dir);
    assert.doesNotMatch(run(['check', adoptedKit.dir, '--today', '2026-11-21']).stdout, /No ISMS document recognised/);
  });

  it('reads a consultant kit: field aliases, controls keyed by framework, bare IDs, SoA ✓/✗ and other languages', () => {
    const r = adopted('consultant-kit');
    dirs.push(r.dir);
    assert.match(r.config, /fieldAliases:/);
    assert.match(r.config, /document_id: id/);
    assert.match(r.config, /satisfies: controls/);
    assert.match(r.config, /review_date: next_review/);
    assert.deepEqual(r.findings.sort(), [
      'policies/access-control.md control-legacy-id',
      'policies/access-control.md review-overdue',
      'statement-of-applicability.md soa-justification-missing',
    ]);
    assert.match(r.initOutput, /2 of 3 Markdown files are ISMS documents \(policy 1, soa 1\)/);
  });

  it('reads YAML-first frontmatter closed by a single ---', () => {
    const r = adopted('policies-as-code');
    dirs.push(r.dir);
    assert.match(r.config, /frontmatterStyle: yaml-first/);
    assert.deepEqual(r.findings, ['policies/information-security.md control-legacy-id']);
  });

  it('reads Document Control tables and blockquote headers, typed by folder', () => {
    const r = adopted('document-control');
    dirs.push(r.dir);
    assert.match(r.config, /- document-control-table/);
    assert.match(r.config, /- blockquote/);
    // One file per folder: typed by exact path (a folder glob is proposed for folders of two or more).
    assert.match(r.config, /typeGlobs:\n {2}policies\/acceptable-use\.md: policy\n {2}procedures\/backup\.md: procedure\n/);
    assert.deepEqual(r.findings, ['procedures/backup.md review-overdue']);
  });

  it('reads metadata where real ISMSs keep it, and lists each document with where its metadata was read', () => {
    const r = adopted('real-shapes');
    dirs.push(r.dir);
    for (const source of ['document-control-table', 'blockquote', 'bold-fields', 'document-information-list']) assert.match(r.config, new RegExp(`- ${source}`));
    assert.match(r.config, /dateFormat: DD\/MM\/YYYY/);
    // Only real problems: a policy last revised in 2023 (its HTML version history), a quarterly review missed,
    // and two dates written other than YYYY-MM-DD, shown as read. No register row, glossary, change log,
    // translation, static-site page or navigation page is reported.
    assert.deepEqual(r.findings.sort(), [
      'policies/backup.md date-format',
      'policies/retention.md review-overdue',
      'procedures/change-management.md review-overdue',
      'procedures/incident-response.md date-format',
    ]);
    const message = (file: string) => r.diagnostics.find((d) => d.file === file)!.message;
    assert.match(message('policies/backup.md'), /`next_review` in the Document Control table is written "1 June 2027", read as 2027-06-01/);
    assert.match(message('policies/retention.md'), /last revised 2023-04-03 according to its revision history; no review cycle stated, annual assumed/);
    assert.match(message('procedures/change-management.md'), /last reviewed 2026-02-10 in the blockquote header; a Quarterly cycle; due 2026-05-10/);
    assert.match(message('procedures/incident-response.md'), /in the document information list is written "2026\.06\.30"/);
    const metadata = Object.fromEntries(r.documents.map((d) => [d.file, d.metadata]));
    assert.deepEqual(metadata, {
      'policies/access-control.md': 'document-control-table',
      'policies/backup.md': 'document-control-table',
      'policies/cryptography.md': 'html-comment',
      'policies/remote-work.de.md': 'frontmatter',
      'policies/remote-work.en.md': 'frontmatter',
      'policies/retention.md': 'bold-fields',
      'procedures/change-management.md': 'blockquote',
      'procedures/incident-response.md': 'document-information-list',
    });
    const access = r.documents.find((d) => d.file === 'policies/access-control.md')!;
    assert.deepEqual([access.type, access.id, access.title], ['policy', 'POL-AC', 'Access Control Policy']);
  });

  it('reads a handbook section of a documentation site: siteRoot detected, site links resolved, real breaks kept', () => {
    const r = adopted('handbook-section');
    dirs.push(r.dir);
    assert.match(r.config, /siteRoot: \/handbook\/security\//);
    assert.match(r.initOutput, /site-absolute links resolve when this folder is served at \/handbook\/security\//);
    const check = run(['check', r.dir, '--format', 'json', '--today', '2026-11-21']);
    const links = (JSON.parse(check.stdout).diagnostics as { file: string; line: number; code: string; message: string }[])
      .filter((d) => d.code === 'link-broken')
      .map((d) => `${d.file}:${d.line} ${d.message}`);
    // Site-absolute, pretty, folder-index and {#id} links and `- [Date]: ...` lines are fine; links to other sections
    // of the site are not judged; the two missing runbooks and the wrongly cased one are reported.
    assert.deepEqual(links, [
      'policies/access-control.md:20 Link target runbooks/exceptions does not exist.',
      'policies/acceptable-use.md:11 Link target runbooks/Incident-Response does not exist. runbooks/incident-response.md exists, differing only in letter case; links are case-sensitive on most sites and file systems.',
      'runbooks/incident-response.md:11 Link target runbooks/escalation does not exist.',
    ].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('types a real repository file by file: numbered folders, SoA and scope inside policies/, never nav pages, tooling or reference', () => {
    const r = adopted('mixed-repository');
    dirs.push(r.dir);
    assert.match(r.config, /typeGlobs:\n/);
    assert.match(r.config, /\n {2}02-Policies\/statement-of-applicability\.md: soa\n/);
    assert.match(r.config, /\n {2}02-Policies\/isms-scope\.md: scope\n/);
    assert.match(r.config, /\n {2}02-Policies\/access-control\.md: policy\n/);
    assert.match(r.config, /\n {2}1_Procedures\/\*: procedure\n/);
    assert.match(r.config, /\n {2}policies_and_standards\/password-standard\.md: policy\n/);
    assert.match(r.config, /\n {2}objectives\.md: objectives\n/);
    assert.match(r.config, /exclude:\n(.*\n)* {2}- reference\/\*\.md\n/);
    for (const wrong of ['token_scope', 'quality-objectives', 'index.md', '.github', 'links.md', 'fieldAliases']) assert.ok(!r.config.includes(wrong), wrong);
    // What it would type, per type with paths, and a forecast for every code that adds up to the total.
    assert.match(r.initOutput, /8 of 15 Markdown files are ISMS documents \(policy 3, procedure 2, scope 1, soa 1, objectives 1\)/);
    assert.match(r.initOutput, /\n {2}soa +1 {2}02-Policies\/statement-of-applicability\.md\n/);
    const total = Number(/The checker would report (\d+) findings:/.exec(r.initOutput)![1]);
    const perCode = [...r.initOutput.matchAll(/^ {2}([a-z0-9-]+) +(\d+)$/gm)].filter(([, code]) => !['policy', 'procedure', 'scope', 'soa', 'objectives'].includes(code));
    assert.equal(perCode.reduce((sum, [, , n]) => sum + Number(n), 0), total);
    // Nothing untyped or excluded is checked as an ISMS document.
    assert.deepEqual(r.findings.filter((f) => /token_scope|quality|_?index\.md|\.github|reference\/|links\.md/.test(f)), []);
  });

  it('reads a template repository (*.md.tmpl) once init proposes it; {{ … }} placeholders are neither bad values nor missing files', () => {
    const r = adopted('templates');
    dirs.push(r.dir);
    assert.match(r.config, /markdownExtensions:\n {2}- \.md\n {2}- \.markdown\n {2}- \.md\.tmpl\n/);
    assert.match(r.initOutput, /3 of 4 Markdown files are ISMS documents \(policy 2, scope 1\)/);
    assert.deepEqual(r.findings, []);
    // A real fault in a template is still reported.
    const backup = join(r.dir, 'policies/backup.md.tmpl');
    writeFileSync(backup, readFileSync(backup, 'utf8').replace(/^owner: .*\n/m, '').replace('daily;', 'daily, [as written](missing.md);'));
    // Links name the rendered pages: `access-control.md` beside it, `isms-scope.md` gathered from another folder.
    appendFileSync(join(r.dir, 'policies/access-control.md.tmpl'), '\nSee [backups](backup.md) and [the scope](isms-scope.md).\n');
    const check = run(['check', r.dir, '--format', 'json', '--today', '2026-11-21']);
    const findings = (JSON.parse(check.stdout).diagnostics as { file: string; code: string }[]).map((d) => `${d.file} ${d.code}`);
    assert.deepEqual(findings.sort(), ['policies/backup.md.tmpl frontmatter-missing-field', 'policies/backup.md.tmpl link-broken']);
  });

  it('reads a template kit: [DATE] placeholders are no invalid dates, the control register is the SoA, the only risk register kept', () => {
    const r = adopted('template-kit');
    dirs.push(r.dir);
    assert.match(r.config, /\n {2}controls\/annex-a-controls\.md: soa\n/);
    assert.match(r.config, /\n {2}templates\/risk-register\.md: risk-register\n/);
    assert.doesNotMatch(r.config, /- controls\/annex-a-controls\.md/, 'a register with statuses is not the text of the standard');
    assert.match(r.initOutput, /templates\/risk-register\.md is a template or sample, but no other risk-register is here: checked as the ISMS's risk-register\./);
    const codes = new Set(r.findings.map((f) => f.split(' ')[1]));
    assert.deepEqual([...codes].sort(), ['evidence-missing', 'frontmatter-missing-field', 'soa-justification-missing', 'template-placeholder']);
    // Each placeholder once: "[DATE]" in a bold metadata line by the body scan, a placeholder owner as a field.
    const at = (file: string, line: number) => r.diagnostics.filter((d) => d.file === file && (d as unknown as { line: number }).line === line).map((d) => d.message);
    assert.deepEqual(at('policies/isms-policy.md', 5), ['Placeholder "[DATE]" left in the text; write what it stands for.']);
    assert.deepEqual(at('policies/isms-policy.md', 6), ['`owner` in the bold "Field: value" lines still holds a placeholder.']);
    // The register's controls are SoA rows: implemented ones need evidence, and "Not Applicable" excludes.
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'evidence-missing').map((d) => d.message.split(' ')[0]), ['A.5.1', 'A.5.15']);
  });

  it('sets templates aside beside the real documents: no duplicate of their example rows, and without init no certain error either', () => {
    const r = adopted('templates-beside');
    dirs.push(r.dir);
    assert.match(r.config, /\n {2}- Project\/templates\/\*\.md\n/);
    assert.match(r.config, /\n {2}Project\/Annexes\/Annex_C_SoA\.md: soa\n/);
    assert.match(r.initOutput, /3 files are templates or samples of documents the ISMS has its own of; proposed for exclude/);
    assert.deepEqual(r.findings.filter((f) => !/frontmatter-missing-field/.test(f)), []);
    // A configuration that types the templates too (as init did before): the duplicates are warnings naming the template.
    writeFileSync(join(r.dir, '.isms.yaml'), 'typeGlobs:\n  Project/templates/SoA_Template.md: soa\n  Project/templates/Risk_Register_Template.md: risk-register\n  Project/Annexes/Annex_C_SoA.md: soa\n  Project/matrices/Risk_Register.md: risk-register\n');
    const check = run(['check', r.dir, '--format', 'json', '--today', '2026-11-21']);
    const duplicates = (JSON.parse(check.stdout) as { diagnostics: (Finding & { severity: string })[] }).diagnostics.filter((d) => /duplicate/.test(d.code));
    assert.deepEqual(duplicates.map((d) => `${d.severity} ${d.file} ${d.code}`).sort(), [
      'warning Project/templates/Risk_Register_Template.md duplicate-id',
      'warning Project/templates/Risk_Register_Template.md duplicate-id',
      'warning Project/templates/SoA_Template.md soa-control-duplicate',
    ]);
    assert.ok(duplicates.every((d) => /reads as a template \(in templates\/\)/.test(d.message)));
  });

  it('reads an ISMS folder inside a product repository: setext titles, a risk method, blank forms, bracketed suppliers', () => {
    const r = adopted('product-docs');
    dirs.push(r.dir);
    // Typed from setext titles and names: the risk method is the risk process; a page on how audits and reviews are run is
    // a procedure, not one review's minutes.
    assert.match(r.config, /\n {2}docs\/SECURITY\/RISK_METHOD\.md: procedure\n/);
    assert.match(r.config, /\n {2}docs\/SECURITY\/OUTSIDE_SERVICES\.md: supplier-register\n/);
    assert.match(r.config, /\n {2}docs\/SECURITY\/AUDIT_AND_REVIEW\.md: procedure\n/);
    // Blank forms are no audit and no minutes, even when nothing else of their type is here.
    assert.match(r.config, /\n {2}- docs\/SECURITY\/AUDIT_REPORT_TEMPLATE\.md\n {2}- docs\/SECURITY\/REVIEW_MINUTES_TEMPLATE\.md\n/);
    assert.match(r.initOutput, /REVIEW_MINUTES_TEMPLATE\.md is a blank template \([^)]*8 fields left blank, no table row filled in\) and no other management-review is here/);
    // Products in brackets are not suppliers of their own; the one supplier the scope does not name is reported once.
    const dependencies = r.diagnostics.filter((d) => d.code === 'scope-dependency-missing');
    assert.deepEqual(dependencies.map((d) => d.message.split(' (')[0]), ['Paygate']);
    // The risk table kept inside the method lists its rows; it does not cite risks that no register defines.
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'risk-unknown'), []);
    // The whole-ISMS view: the risk processes and the audit programme are there; audit results and review minutes are not.
    writeFileSync(join(r.dir, '.isms.yaml'), readFileSync(join(r.dir, '.isms.yaml'), 'utf8').replace(/rules:\n[\s\S]*$/, ''));
    const check = run(['check', r.dir, '--format', 'json', '--today', '2026-11-21']);
    const locker = (JSON.parse(check.stdout) as { diagnostics: Finding[] }).diagnostics.filter((d) => d.code === 'locker-missing-document').map((d) => /clause ([\d.]+(?: [a-z])?)\)/.exec(d.message)?.[1]);
    for (const clause of ['6.1.2', '6.1.3', '9.2.2']) assert.ok(!locker.includes(clause), `${clause} reported missing`);
    for (const clause of ['9.2', '9.3']) assert.ok(locker.includes(clause), `${clause} not reported`);
  });

  it('leaves a few templates among Markdown documents unread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'isms-adopt-fewtemplates-'));
    dirs.push(dir);
    cpSync('test/fixtures/adoption/mixed-repository', dir, { recursive: true });
    cpSync('test/fixtures/adoption/templates/policies/backup.md.tmpl', join(dir, '02-Policies/backup.md.tmpl'));
    const r = run(['init', dir]);
    assert.doesNotMatch(r.stdout, /markdownExtensions|backup\.md\.tmpl/);
  });

  it('init --help lists --write, --force and --today; --today sets the forecast date', () => {
    const help = run(['init', '--help']);
    assert.equal(help.status, 0);
    for (const flag of ['--write', '--force', '--today']) assert.ok(help.stdout.includes(flag), flag);
    const dir = mkdtempSync(join(tmpdir(), 'isms-adopt-today-'));
    dirs.push(dir);
    cpSync('test/fixtures/adoption/document-control', dir, { recursive: true });
    const early = run(['init', dir, '--today', '2020-01-01']);
    const late = run(['init', dir, '--today=2030-01-01']);
    assert.equal(early.status, 0, early.stderr);
    assert.doesNotMatch(early.stdout, /review-overdue/);
    assert.match(late.stdout, /review-overdue/);
    assert.equal(run(['init', dir, '--today', 'soon']).status, 2);
  });

  it('refuses to overwrite an existing .isms.yaml without --force', () => {
    const r = adopted('policies-as-code');
    dirs.push(r.dir);
    assert.equal(run(['init', r.dir, '--write']).status, 1);
    assert.equal(run(['init', r.dir, '--write', '--force']).status, 0);
    assert.equal(run(['init', r.dir, '--bogus']).status, 2);
  });

  it('proposes nothing for a folder that already follows the conventions', () => {
    const r = run(['init', 'examples/acme-ai-isms']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /ISO\/IEC 42001 is mentioned/);
    assert.doesNotMatch(r.stdout, /fieldAliases|typeGlobs|metadataSources/);
  });
});
