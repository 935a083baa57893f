// Differently-shaped ISMSs (fixtures under test/fixtures/adoption/) are checked correctly after `isms init`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFile } from '../support/dist';

const CLI = distFile('cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });

function adopted(fixture: string): { dir: string; config: string; findings: string[]; initOutput: string } {
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
  const findings = (JSON.parse(check.stdout).diagnostics as { file: string; code: string }[]).map((d) => `${d.file} ${d.code}`);
  return { dir, config, findings, initOutput: dry.stdout };
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
    assert.match(r.config, /"\*\*\/policies\/\*\*": policy/);
    assert.deepEqual(r.findings, ['procedures/backup.md review-overdue']);
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
