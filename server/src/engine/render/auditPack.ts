// The auditor's evidence pack's index.html: one self-contained, static HTML file (no script, no network; a strict
// Content-Security-Policy says so) holding every ISMS document in the order an auditor reads them, each with its
// metadata card and resolved cross-references (the preview's renderer), the open findings with the
// suppressions and their reasons, and a generation stamp. It prints cleanly to PDF (print stylesheet).
import type { Diagnostic, IsmsDocument } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import type { SuppressedFinding } from '../check';
import { referenceCache, writePreviewHtml } from './preview';
import { escape } from './toHtml';
import { documentSummary, groupFindings, type FindingsByPath, type Linker } from '../query/ismsViews';
import { isMarkdownPath } from '../workspace/workspace';
import { formatIsoDate } from '../util/dates';
import { slugify } from '../parse/slug';
import { AREAS, type Area } from '../export/types';
import previewCss from '../../../../media/preview.css';

export interface PackInput {
  workspace: IsmsWorkspace;
  /** The ISMS's name (its folder's name). */
  name: string;
  diagnostics: readonly Diagnostic[];
  suppressed: readonly SuppressedFinding[];
  today: number;
  generatedAt: Date;
  toolVersion: string;
  /** The git commit of the ISMS, when it is in a repository. */
  commit?: string;
}


/** Where in the reading order a document belongs (the evidence locker first, then the rest), and its folder. */
const SECTIONS: { title: string; area: Area; matches: (d: IsmsDocument) => boolean }[] = [
  { title: 'ISMS scope (4.3)', area: AREAS.context, matches: (d) => d.type === 'scope' },
  { title: 'Information security policy (5.2)', area: AREAS.policies, matches: (d) => d.type === 'policy' && (/information security policy/i.test(d.title ?? '') || declares(d, '5.2')) },
  {
    title: 'Risk assessment and treatment process (6.1.2, 6.1.3)',
    area: AREAS.risk,
    // The methodology: a procedure or policy declaring the clauses (an SoA or treatment plan may cite 6.1.3 too).
    matches: (d) => (d.type === 'procedure' || d.type === 'policy') && (declares(d, '6.1.2') || declares(d, '6.1.3')),
  },
  { title: 'Risk register (8.2)', area: AREAS.risk, matches: (d) => d.type === 'risk-register' || d.type === 'risk' },
  { title: 'Risk treatment plan (6.1.3 e, 8.3)', area: AREAS.risk, matches: (d) => d.type === 'risk-treatment-plan' },
  { title: 'Statement of Applicability (6.1.3 d)', area: AREAS.risk, matches: (d) => d.type === 'soa' },
  { title: 'Information security objectives (6.2)', area: AREAS.context, matches: (d) => d.type === 'objectives' },
  { title: 'Internal audits (9.2)', area: AREAS.evaluation, matches: (d) => d.type === 'audit' },
  { title: 'Management reviews (9.3)', area: AREAS.evaluation, matches: (d) => d.type === 'management-review' },
  { title: 'Monitoring and measurement (9.1)', area: AREAS.evaluation, matches: (d) => declares(d, '9.1') || /monitoring/.test(d.declaredType ?? '') },
  {
    title: 'Nonconformities and corrective actions (10)',
    area: AREAS.improvement,
    matches: (d) => declares(d, '10.1') || declares(d, '10.2') || /nonconformit|corrective|action-log|improvement/.test(d.declaredType ?? ''),
  },
  { title: 'Exceptions and break-glass records', area: AREAS.operation, matches: (d) => d.type === 'exception' },
  { title: 'Topic-specific policies', area: AREAS.policies, matches: (d) => d.type === 'policy' },
  { title: 'Procedures', area: AREAS.operation, matches: (d) => d.type === 'procedure' },
  { title: 'Records', area: AREAS.operation, matches: (d) => d.type === 'record' },
  { title: 'Other documents', area: AREAS.operation, matches: () => true },
];

function declares(doc: IsmsDocument, clause: string): boolean {
  const clauses = doc.frontmatter?.data.clauses;
  return Array.isArray(clauses) && clauses.some((c) => String(c) === clause);
}


export const docAnchor = (path: string) => `doc-${slugify(path.replace(/\.(md|markdown)$/i, '').replace(/\//g, '-'))}`;

/** The pack's last section; each document's header card points there for its findings (there is no Problems panel). */
const FINDINGS_LINK = { href: '#findings', label: 'Open findings and suppressions' };

/** The date a document is filed under within its section (audits and reviews newest last). */
const dateOf = (d: IsmsDocument) => String(d.frontmatter?.data.date ?? d.frontmatter?.data.opened ?? '');

export interface PackSection {
  title: string;
  area: Area;
  docs: IsmsDocument[];
}

/** Every ISMS document once, in the auditor's reading order, grouped into sections. */
export function packSections(workspace: IsmsWorkspace): PackSection[] {
  const placed = new Set<string>();
  return SECTIONS.map((section) => {
    const docs = workspace
      .ismsDocuments()
      .filter((d) => !placed.has(d.path) && section.matches(d))
      .sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.path.localeCompare(b.path));
    for (const d of docs) placed.add(d.path);
    return { title: section.title, area: section.area, docs };
  }).filter((s) => s.docs.length > 0);
}

/**
 * index.html in three parts, so a writer can stream it one document at a time: `head` (cover and contents),
 * `document` for each document in order, `tail` (the findings). Links between documents become anchors inside the
 * page; links to evidence files point at the copies under files/ (`evidence` collects them).
 */
export class HtmlPack {
  readonly evidence = new Set<string>();
  private readonly findings: FindingsByPath;
  readonly linker: Linker;
  /** Each ID resolved once for the whole pack (the workspace does not change while it is written). */
  private readonly references = referenceCache();
  private readonly pieces: string[] = [];

  constructor(private readonly input: PackInput) {
    const { workspace } = input;
    this.findings = groupFindings(input.diagnostics);
    // A document's anchor is a slug of its path: made once per document, not once per link to it.
    const anchors = new Map<string, string>();
    this.linker = {
      uri: (path: string) => {
        if (isMarkdownPath(path)) {
          let uri = anchors.get(path);
          if (uri === undefined) anchors.set(path, (uri = workspace.getDocument(path) ? `#${docAnchor(path)}` : '#'));
          return uri;
        }
        if (workspace.hasFile(path)) {
          this.evidence.add(path);
          return `files/${path.split('/').map(encodeURIComponent).join('/')}`;
        }
        return '#';
      },
    };
  }

  head(sections: readonly PackSection[]): string {
    const { input } = this;
    const contents = sections
      .map(
        (s) =>
          `<li><span class="pack-section">${escape(s.title)}</span><ol>${s.docs
            .map((d) => {
              const summary = documentSummary(input.workspace, d, input.today, this.linker, this.findings);
              const badge = summary.review.state === 'overdue' ? ' <span class="pack-badge pack-bad">review overdue</span>' : '';
              return `<li><a href="#${docAnchor(d.path)}">${escape(d.id ? `${d.id} ` : '')}${escape(d.title ?? d.path)}</a> <span class="pack-meta">${escape([summary.owner, summary.version && `v${summary.version}`, summary.status].filter(Boolean).join(' · '))}</span>${badge}</li>`;
            })
            .join('')}</ol></li>`,
      )
      .join('');
    const stamp = [
      ['Generated', `${input.generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC (reviews judged on ${formatIsoDate(input.today)})`],
      ['Commit', input.commit ?? 'not a git repository'],
      ['Tool', `ISMS Markdown ${input.toolVersion}`],
      ['Documents', `${input.workspace.ismsDocuments().length} ISMS documents`],
      ['Open findings', `${count(input.diagnostics, 'error')} errors, ${count(input.diagnostics, 'warning')} warnings, ${count(input.diagnostics, 'info')} information; ${input.suppressed.length} suppressed with reasons`],
    ]
      .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
      .join('');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ISMS evidence pack: ${escape(input.name)}</title>
<style>${PACK_THEME}\n${previewCss}\n${PACK_CSS}</style>
</head>
<body class="isms-preview isms-pack">
<header class="pack-cover">
<h1>ISMS evidence pack</h1>
<p class="pack-name">${escape(input.name)}</p>
<dl class="pack-stamp">${stamp}</dl>
</header>
<nav id="contents" class="pack-contents"><h2>Contents</h2><ol>${contents}<li><a href="${FINDINGS_LINK.href}">${FINDINGS_LINK.label}</a></li></ol></nav>
`;
  }

  document(doc: IsmsDocument, text: string): string {
    const { input } = this;
    // One array of pieces, joined once (its backing store is kept for the next document).
    const out = this.pieces;
    out.push(`<section class="pack-doc" id="${docAnchor(doc.path)}"><p class="pack-path">${escape(doc.path)} · <a href="#contents">contents</a></p>`);
    writePreviewHtml({ workspace: input.workspace, path: doc.path, doc, text, today: input.today, findings: this.findings.get(doc.path) ?? [], linker: this.linker, findingsListed: FINDINGS_LINK, references: this.references }, out);
    out.push('</section>\n');
    const html = out.join('');
    out.length = 0;
    return html;
  }

  tail(): string {
    return `${findingsSection(this.input, this.linker)}\n</body>\n</html>\n`;
  }
}

const count = (ds: readonly Diagnostic[], severity: Diagnostic['severity']) => ds.filter((d) => d.severity === severity).length;

function findingsSection(input: PackInput, linker: Linker): string {
  const row = (d: Diagnostic) =>
    `<tr><td>${d.path === '.' ? 'the ISMS as a whole' : `<a href="${escape(linker.uri(d.path))}">${escape(d.path)}</a>:${d.range.start.line + 1}`}</td><td class="pack-${d.severity}">${d.severity}</td><td><code>${escape(d.code)}</code></td><td>${escape(d.message)}</td></tr>`;
  const open = input.diagnostics.length
    ? `<table><thead><tr><th>Where</th><th>Severity</th><th>Code</th><th>Finding</th></tr></thead><tbody>${input.diagnostics.map(row).join('')}</tbody></table>`
    : '<p>None: the checker found nothing to report.</p>';
  const suppressed = input.suppressed.length
    ? `<table><thead><tr><th>Where</th><th>Code</th><th>Finding</th><th>Reason given</th></tr></thead><tbody>${input.suppressed
        .map(
          (s) =>
            `<tr><td><a href="${escape(linker.uri(s.diagnostic.path))}">${escape(s.diagnostic.path)}</a>:${s.diagnostic.range.start.line + 1}</td><td><code>${escape(s.diagnostic.code)}</code></td><td>${escape(s.diagnostic.message)}</td><td>${escape(s.suppression.reason ?? 'no reason given')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>None.</p>';
  return `<section class="pack-doc" id="findings"><h1>${FINDINGS_LINK.label}</h1><p>What the ISMS Markdown checker reported on ${formatIsoDate(input.today)}, and the findings accepted on purpose with the reason recorded next to them.</p><h2>Open findings (${input.diagnostics.length})</h2>${open}<h2>Suppressed findings (${input.suppressed.length})</h2>${suppressed}</section>`;
}

/** The preview stylesheet reads VS Code's theme variables; the pack gives them a light, printable theme. */
const PACK_THEME = `:root {
  --vscode-font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; --vscode-editor-font-family: ui-monospace, Menlo, Consolas, monospace;
  --vscode-editor-foreground: #1f2328; --vscode-editor-background: #ffffff; --vscode-descriptionForeground: #59636e;
  --vscode-textLink-foreground: #0969da; --vscode-textLink-activeForeground: #0550ae; --vscode-focusBorder: #0969da;
  --vscode-textCodeBlock-background: #f6f8fa; --vscode-textBlockQuote-border: #d0d7de; --vscode-textBlockQuote-background: #f6f8fa;
  --vscode-panel-border: #d0d7de; --vscode-widget-border: #d0d7de; --vscode-editorWidget-background: #f6f8fa; --vscode-list-hoverBackground: #f6f8fa;
  --vscode-badge-background: #ddf4ff; --vscode-badge-foreground: #0550ae; --vscode-errorForeground: #cf222e; --vscode-editorWarning-foreground: #9a6700;
  --vscode-inputValidation-errorBackground: #ffebe9; --vscode-inputValidation-errorBorder: #cf222e;
  --vscode-inputValidation-warningBackground: #fff8c5; --vscode-inputValidation-warningBorder: #d4a72c; --vscode-testing-iconPassed: #1a7f37;
}`;

const PACK_CSS = `body.isms-pack { margin: 0 auto; }
.pack-cover { padding: 48px 0 24px; border-bottom: 2px solid var(--vscode-panel-border); }
.pack-cover h1 { border: 0; font-size: 2.2em; margin: 0; }
.pack-name { font-size: 1.4em; margin: 6px 0 18px; color: var(--vscode-descriptionForeground); }
.pack-stamp { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.pack-stamp dt { font-weight: 600; }
.pack-stamp dd { margin: 0; }
.pack-contents ol { padding-left: 1.4em; }
.pack-section { font-weight: 600; }
.pack-meta { color: var(--vscode-descriptionForeground); font-size: .9em; }
.pack-badge { font-size: .8em; padding: 0 6px; border-radius: 8px; }
.pack-bad { background: var(--vscode-inputValidation-errorBackground); color: var(--vscode-errorForeground); }
.pack-doc { border-top: 2px solid var(--vscode-panel-border); margin-top: 36px; }
.pack-path { font-size: .85em; color: var(--vscode-descriptionForeground); font-family: var(--vscode-editor-font-family); }
.pack-error { color: var(--vscode-errorForeground); font-weight: 600; }
.pack-warning { color: var(--vscode-editorWarning-foreground); font-weight: 600; }
@media print {
  body.isms-pack { max-width: none; padding: 0; font-size: 11pt; }
  .pack-doc { break-before: page; border: 0; margin: 0; }
  .pack-contents { break-before: page; }
  a { color: inherit; text-decoration: none; }
  table { display: table; overflow: visible; }
  tr, .isms-card, .isms-heatmap { break-inside: avoid; }
  details > summary { display: none; }
}`;
