// The CLI's three output formats: a linter-style text report, JSON for scripts, SARIF 2.1.0 for code scanning.
import type { Diagnostic, IsmsDocument, Severity, Suppression } from '../engine/model';
import type { SuppressedFinding } from '../engine/check';
import { RULES, ENGINE_CODES } from '../engine/rules/registry';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Markdown files read (ISMS or not). */
  filesChecked: number;
  ismsDocuments: number;
  filesWithProblems: number;
  /** Findings hidden by suppression comments (see --list-suppressions). */
  suppressed: number;
}

export function summarise(diagnostics: Diagnostic[], filesChecked: number, ismsDocuments: number, suppressed = 0): Summary {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    hints: count('hint'),
    filesChecked,
    ismsDocuments,
    filesWithProblems: new Set(diagnostics.map((d) => d.path)).size,
    suppressed,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(diagnostics: Diagnostic[], summary: Summary, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const tone: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const lines = diagnostics.map(
    (d) => `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${paint(tone[d.severity], d.severity)} ${paint('2', d.code)} ${d.message}`,
  );
  const total = diagnostics.length;
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), `${summary.infos} info`];
  if (summary.hints) parts.push(plural(summary.hints, 'hint'));
  const hidden = summary.suppressed ? ` ${plural(summary.suppressed, 'finding')} suppressed (--list-suppressions).` : '';
  lines.push(
    (total === 0
      ? `No problems in ${plural(summary.ismsDocuments, 'ISMS document')} (${plural(summary.filesChecked, 'Markdown file')} read).`
      : `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(summary.filesWithProblems, 'file')}; ${plural(summary.ismsDocuments, 'ISMS document')} checked.`) + hidden,
  );
  if (summary.ismsDocuments === 0 && summary.filesChecked > 0) lines.push(NO_ISMS_HINT(summary.filesChecked));
  return lines.join('\n') + '\n';
}

/** Said when Markdown was read but none of it is an ISMS document: the first run on an existing ISMS written another way. */
const NO_ISMS_HINT = (files: number) =>
  `No ISMS document recognised among ${plural(files, 'Markdown file')}: none declares a known \`type\` (policy, scope, soa, ...). If they are your ISMS written another way (other field names, a Document Control table), run \`isms init\` to propose a .isms.yaml that reads them as they are.`;

/** One recognised ISMS document, as `check --format json` lists it for CI scripts and dashboards. */
export interface InventoryEntry {
  file: string;
  type: string;
  id?: string;
  title?: string;
  lang?: string;
  /** Where its metadata was read: frontmatter, html-comment, document-control-table, blockquote, bold-fields, document-information-list; `none` when typed by path only. */
  metadata: string;
}

export function inventory(docs: readonly IsmsDocument[]): InventoryEntry[] {
  return docs.map((d) => ({ file: d.path, type: d.type ?? d.declaredType ?? '', id: d.id, title: d.title, lang: d.lang, metadata: d.metadata ?? 'none' }));
}

export function formatJson(diagnostics: Diagnostic[], summary: Summary, documents: InventoryEntry[] = []): string {
  return (
    JSON.stringify(
      {
        diagnostics: diagnostics.map((d) => ({
          file: d.path,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: d.severity,
          code: d.code,
          message: d.message,
        })),
        summary,
        documents,
      },
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
/** Where a rule is explained: its row in the README's rule table (each row carries an anchor named by its code). */
export const RULES_URI = 'https://github.com/isms-markdown/isms-markdown#rules';
export const ruleHelpUri = (code: string) => `https://github.com/isms-markdown/isms-markdown#${code}`;
/**
 * GitHub code scanning's upload limits (docs "SARIF support for code scanning"): it rejects a run with more than
 * 25,000 results, so the most severe are kept and the rest counted in a tool notification.
 */
export const SARIF_MAX_RESULTS = 25_000;

export interface SarifOptions {
  /**
   * A real file, relative to the checked folder, that findings about the ISMS as a whole (path ".") are anchored
   * to: code scanning rejects a whole SARIF file when any result has no location.
   */
  wholeIsmsAnchor: string;
  maxResults?: number;
}

/**
 * The file findings about the ISMS as a whole are shown on: the configuration file, else the scope document,
 * else the top README, else the first Markdown file read.
 */
export function wholeIsmsAnchor(configPath: string | undefined, scopePath: string | undefined, markdownPaths: string[]): string {
  return configPath ?? scopePath ?? markdownPaths.find((p) => /^readme\.md$/i.test(p)) ?? markdownPaths[0] ?? '.isms.yaml';
}

export function formatSarif(diagnostics: Diagnostic[], version: string, options: SarifOptions): string {
  const rules = [...RULES, ...ENGINE_CODES];
  const max = options.maxResults ?? SARIF_MAX_RESULTS;
  const kept = diagnostics.length > max ? [...diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).slice(0, max) : diagnostics;
  const dropped = diagnostics.length - kept.length;
  const location = (d: Diagnostic) =>
    d.path === '.'
      ? {
          physicalLocation: { artifactLocation: { uri: encodeURI(options.wholeIsmsAnchor), uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 1 } },
          message: { text: 'A finding about the ISMS as a whole, shown on this file.' },
        }
      : {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.path), uriBaseId: 'SRCROOT' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'isms',
            fullName: 'ISMS Markdown checker',
            informationUri: RULES_URI,
            version,
            semanticVersion: version,
            rules: rules.map((r) => ({
              id: r.code,
              name: r.code.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: r.fix },
              helpUri: ruleHelpUri(r.code),
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: dropped
              ? [{ level: 'warning', message: { text: `${dropped} less severe findings left out: code scanning accepts at most ${max} results per run.` } }]
              : [],
          },
        ],
        originalUriBaseIds: { SRCROOT: { description: { text: 'The checked ISMS folder' } } },
        results: kept.map((d) => ({
          ruleId: d.code,
          ruleIndex: rules.findIndex((r) => r.code === d.code),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [location(d)],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

const hiddenBy = (s: Suppression, suppressed: SuppressedFinding[]) => suppressed.filter((f) => f.suppression === s).map((f) => f.diagnostic);

/** Every suppression with its reason and the findings it hides, for review like an exception. */
export function formatSuppressionsText(suppressions: Suppression[], suppressed: SuppressedFinding[]): string {
  const lines = suppressions.map((s) => {
    const hidden = hiddenBy(s, suppressed);
    const what = s.codes.length ? s.codes.join(', ') : 'all rules';
    const detail = hidden.map((d) => `\n    hides ${d.path}:${d.range.start.line + 1} ${d.code} ${d.message}`).join('');
    return `${s.path}:${s.range.start.line + 1} ${s.kind === 'file' ? 'file' : s.kind} ${what} -- ${s.reason ?? '(no reason given)'}${detail}`;
  });
  lines.push(`${plural(suppressions.length, 'suppression')}, hiding ${plural(suppressed.length, 'finding')}.`);
  return lines.join('\n') + '\n';
}

export function formatSuppressionsJson(suppressions: Suppression[], suppressed: SuppressedFinding[]): string {
  return (
    JSON.stringify(
      {
        suppressions: suppressions.map((s) => ({
          file: s.path,
          line: s.range.start.line + 1,
          kind: s.kind,
          codes: s.codes,
          reason: s.reason ?? null,
          hides: hiddenBy(s, suppressed).map((d) => ({ file: d.path, line: d.range.start.line + 1, code: d.code, message: d.message })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
