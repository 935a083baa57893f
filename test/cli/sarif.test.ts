// SARIF that GitHub code scanning accepts. Checked twice: by Microsoft's SARIF validator (@microsoft/sarif-multitool,
// the SARIF 2.1.0 rules plus its "Gh" rule set, which is what GitHub's ingestion enforces) and by the code-scanning
// rules written out here (every result has a real file and line and a rule; helpUri per rule; upload limits).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { md, policy } from '../../server/src/engine/testing/fixtures';
import { formatSarif, SARIF_MAX_RESULTS, wholeIsmsAnchor } from '../../server/src/cli/format';
import type { Diagnostic } from '../../server/src/engine/model';
import { folderWith } from '../support/folders';
import { distFile } from '../support/dist';

const CLI = distFile('cli.js');
const EXAMPLE = join(process.cwd(), 'examples/acme-ai-isms');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: { startLine?: number } } }[];
}
interface SarifLog {
  runs: {
    tool: { driver: { informationUri?: string; rules: { id: string; helpUri?: string; fullDescription?: { text: string } }[] } };
    invocations?: { toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: SarifResult[];
  }[];
}

function sarifOf(dir: string): { text: string; log: SarifLog } {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'sarif', '--today', '2026-11-21'], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return { text: r.stdout, log: JSON.parse(r.stdout) as SarifLog };
}

/** GitHub code scanning's own conditions, as its upload documentation lists them. */
function assertCodeScanningAccepts(text: string, log: SarifLog, dir: string) {
  assert.ok(gzipSync(text).length < 10 * 1024 * 1024, 'compressed SARIF over 10 MB');
  assert.ok(log.runs.length <= 20);
  const readme = readFileSync('README.md', 'utf8');
  for (const run of log.runs) {
    assert.ok(run.results.length <= 25_000);
    assert.ok(run.tool.driver.informationUri?.startsWith('https://'));
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.fullDescription?.text, rule.id);
      // The rule's help link lands on its row of the README's rule table.
      const anchor = rule.helpUri?.split('#')[1];
      assert.ok(anchor && readme.includes(`<a id="${anchor}"></a>`), `${rule.id}: ${rule.helpUri}`);
    }
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId, JSON.stringify(result));
      const where = result.locations?.[0]?.physicalLocation;
      assert.ok(where?.artifactLocation?.uri, `no location: ${JSON.stringify(result)}`);
      assert.ok(existsSync(join(dir, decodeURI(where.artifactLocation.uri))), `not a file of the ISMS: ${where.artifactLocation.uri}`);
      assert.ok((where.region?.startLine ?? 0) >= 1, JSON.stringify(result));
    }
  }
}

/** Microsoft's validator: SARIF 2.1.0 rules and the GitHub ingestion rules; returns its errors and warnings. */
function validatorComplaints(sarif: string): string[] {
  // The package's bin runs the binary through a shell; call the binary itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const binary = require('@microsoft/sarif-multitool') as string;
  const dir = mkdtempSync(join(tmpdir(), 'isms-sarif-'));
  try {
    writeFileSync(join(dir, 'in.sarif'), sarif);
    const r = spawnSync(binary, ['validate', join(dir, 'in.sarif'), '--output', join(dir, 'out.sarif'), '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning'], {
      encoding: 'utf8',
      timeout: 120_000,
      // The .NET runtime wants a writable home and no telemetry.
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    assert.equal(r.status, 0, `${r.error ?? ''}${r.stdout}${r.stderr}`);
    const report = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as SarifLog;
    return report.runs.flatMap((run) => run.results.map((x) => `${x.ruleId} ${x.level ?? 'warning'} ${JSON.stringify(x.message)}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SARIF for code scanning', function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const d = folderWith(files, 'isms-sarif-');
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const scope = md({ type: 'scope', id: 'SCOPE-1', title: 'Scope', owner: 'CISO' }, '# Scope\n');

  it('the example ISMS passes Microsoft\'s validator with the GitHub rules, and every result has a file, a line and a rule', () => {
    const { text, log } = sarifOf(EXAMPLE);
    assert.ok(log.runs[0].results.length >= 9);
    assert.deepEqual(validatorComplaints(text), []);
    assertCodeScanningAccepts(text, log, EXAMPLE);
  });

  it('anchors findings about the ISMS as a whole to .isms.yaml, else the scope document, else the README', () => {
    const cases: [Record<string, string>, string][] = [
      [{ '.isms.yaml': 'reviewDueSoonDays: 10\n', 'scope.md': scope, 'README.md': '# ISMS\n', 'p.md': policy() }, '.isms.yaml'],
      [{ 'README.md': '# ISMS\n', 'docs/scope.md': scope, 'p.md': policy() }, 'docs/scope.md'],
      [{ 'README.md': '# ISMS\n', 'p.md': policy() }, 'README.md'],
    ];
    for (const [files, expected] of cases) {
      const dir = folder(files);
      const { text, log } = sarifOf(dir);
      const whole = log.runs[0].results.filter((x) => x.ruleId === 'locker-missing-document');
      assert.ok(whole.length > 0, 'a one-policy ISMS lacks mandatory documents');
      for (const x of whole) assert.equal(x.locations?.[0]?.physicalLocation?.artifactLocation?.uri, expected);
      assertCodeScanningAccepts(text, log, dir);
      assert.deepEqual(validatorComplaints(text), [], expected);
    }
  });

  it('falls back to the first Markdown file when there is no configuration, scope or README', () => {
    assert.equal(wholeIsmsAnchor(undefined, undefined, ['a/b.md', 'c.md']), 'a/b.md');
    assert.equal(wholeIsmsAnchor(undefined, undefined, ['a/b.md', 'Readme.md']), 'Readme.md');
  });

  it('keeps the most severe results within the per-run limit and says how many it left out', () => {
    const at = (severity: Diagnostic['severity'], i: number): Diagnostic => ({
      path: `d${i}.md`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity,
      code: 'review-overdue',
      message: `finding ${i}`,
    });
    const many = [at('hint', 0), at('warning', 1), at('error', 2), at('info', 3), at('error', 4)];
    const log = JSON.parse(formatSarif(many, '1.0.0', { wholeIsmsAnchor: 'README.md', maxResults: 3 })) as SarifLog;
    assert.deepEqual(log.runs[0].results.map((x) => x.message.text), ['finding 2', 'finding 4', 'finding 1']);
    assert.match(log.runs[0].invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text ?? '', /^2 less severe findings left out/);
    assert.equal(SARIF_MAX_RESULTS, 25_000);
  });
});
