// `isms init`: inspects an existing folder of Markdown and proposes the .isms.yaml that makes the checker read
// it as it is written: field aliases, where metadata lives, document types by folder, catalogs, risk IDs.
import { stringify } from 'yaml';
import { parseDocument as parseYaml, isMap } from 'yaml';
import { findFrontmatter } from '../parse/document';
import { scanMarkdown } from '../parse/scanner';
import { normaliseHeader } from '../parse/tables';
import type { DocumentType } from '../model';

const countFiles = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** Field names other tools and templates use, and the name the checker reads. */
export const KNOWN_ALIASES: Record<string, string> = {
  document_id: 'id', doc_id: 'id', docid: 'id', 'document-id': 'id', reference: 'id',
  doc_title: 'title', document_title: 'title', name: 'title',
  author: 'owner', document_owner: 'owner', policy_owner: 'owner', process_owner: 'owner',
  doc_type: 'type', document_type: 'type', category: 'type',
  annex_a_controls: 'controls', iso_controls: 'controls', iso27001_controls: 'controls', satisfies: 'controls', 'annex-a': 'controls', control_ids: 'controls',
  risk_ids: 'risks', linked_risks: 'risks', related_documents: 'related', references: 'related',
  last_review: 'last_reviewed', reviewed: 'last_reviewed', last_review_date: 'last_reviewed', reviewed_on_date: 'last_reviewed',
  review_date: 'next_review', next_review_date: 'next_review', review_due: 'next_review',
  effective_date: 'approved_on', approval_date: 'approved_on', approved_date: 'approved_on', date_approved: 'approved_on',
  approver: 'approved_by', review_frequency: 'review_cycle', review_period: 'review_cycle', revision: 'version',
};

const CANONICAL = new Set(['type', 'id', 'title', 'owner', 'version', 'status', 'approved_by', 'approved_on', 'last_reviewed', 'review_cycle', 'next_review', 'controls', 'risks', 'related']);

/** Folder and file name patterns that say what a document is. */
const TYPE_HINTS: { test: RegExp; glob: (match: string) => string; type: DocumentType }[] = [
  { test: /(^|\/)(policies|policy)\//i, glob: (m) => `**/${m}/**`, type: 'policy' },
  { test: /(^|\/)(procedures|procedure|sops|runbooks|standards)\//i, glob: (m) => `**/${m}/**`, type: 'procedure' },
  { test: /(^|\/)(audits|internal-audits?)\//i, glob: (m) => `**/${m}/**`, type: 'audit' },
  { test: /(^|\/)(management-reviews?|mgmt-reviews?)\//i, glob: (m) => `**/${m}/**`, type: 'management-review' },
  { test: /(^|\/)(exceptions|break-glass|deviations)\//i, glob: (m) => `**/${m}/**`, type: 'exception' },
  // Registers and logs by file name, before the records folder that usually holds them.
  { test: /(supplier|vendor|third[-_]?party)[-_]?(register|list|inventory)[^/]*\.md$/i, glob: () => '**/*{supplier,vendor}*{register,list,inventory}*.md', type: 'supplier-register' },
  { test: /asset[-_]?(inventory|register)[^/]*\.md$/i, glob: () => '**/*asset*{inventory,register}*.md', type: 'asset-inventory' },
  { test: /(action[-_]?(log|tracker|register)|corrective[-_]?actions?)[^/]*\.md$/i, glob: () => '**/*{action-log,action-tracker,corrective-action}*.md', type: 'action-log' },
  { test: /(^|\/)[^/]*(context[-_]of[-_]the[-_]organi[sz]ation|internal[-_]and[-_]external[-_]issues)[^/]*\.md$/i, glob: () => '**/*{context-of-the-organi,internal-and-external-issues}*.md', type: 'context' },
  { test: /(^|\/)(records|evidence)\//i, glob: (m) => `**/${m}/**`, type: 'record' },
  { test: /(statement-of-applicability|(^|[/_-])soa)[^/]*\.md$/i, glob: () => '**/*{statement-of-applicability,soa}*.md', type: 'soa' },
  { test: /risk[-_]?register[^/]*\.md$/i, glob: () => '**/*risk*register*.md', type: 'risk-register' },
  { test: /risk[-_]?treatment[^/]*\.md$/i, glob: () => '**/*risk*treatment*.md', type: 'risk-treatment-plan' },
  { test: /(^|\/)[^/]*scope[^/]*\.md$/i, glob: () => '**/*scope*.md', type: 'scope' },
  { test: /(^|\/)[^/]*objectives[^/]*\.md$/i, glob: () => '**/*objectives*.md', type: 'objectives' },
];

export interface ScannedFile {
  path: string;
  text: string;
}

export interface InitProposal {
  /** The proposed .isms.yaml content (only keys that differ from the defaults). */
  config: Record<string, unknown>;
  yaml: string;
  /** What was detected, one line each, for the user to review. */
  notes: string[];
}

function frontmatterKeys(text: string, style: 'fenced' | 'yaml-first'): Record<string, unknown> | undefined {
  const block = findFrontmatter(text, style);
  if (!block) return undefined;
  try {
    const doc = parseYaml(block.content, { uniqueKeys: false });
    if (doc.errors.length || !isMap(doc.contents)) return undefined;
    return doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function proposeConfig(files: readonly ScannedFile[]): InitProposal {
  const markdown = files.filter((f) => /\.(md|markdown)$/i.test(f.path) && !/(^|\/)readme\.md$/i.test(f.path));
  const notes: string[] = [];
  const config: Record<string, unknown> = {};

  // Frontmatter style: fenced, or YAML from the first line closed by one `---`.
  const fenced = markdown.filter((f) => findFrontmatter(f.text, 'fenced')).length;
  const yamlFirst = markdown.filter((f) => !findFrontmatter(f.text, 'fenced') && findFrontmatter(f.text, 'yaml-first')).length;
  const style = yamlFirst > fenced ? 'yaml-first' : 'fenced';
  if (style === 'yaml-first') {
    config.frontmatterStyle = 'yaml-first';
    notes.push(`${countFiles(yamlFirst)} start with YAML closed by a single --- line: frontmatterStyle yaml-first.`);
  }

  // Field aliases: known other names used where the checker's own name is absent.
  const aliasCounts = new Map<string, number>();
  const keysByFile = markdown.map((f) => frontmatterKeys(f.text, style));
  for (const keys of keysByFile) {
    if (!keys) continue;
    for (const key of Object.keys(keys)) {
      const canonical = KNOWN_ALIASES[key.toLowerCase()];
      if (canonical && !(canonical in keys) && !CANONICAL.has(key)) aliasCounts.set(key, (aliasCounts.get(key) ?? 0) + 1);
    }
  }
  if (aliasCounts.size) {
    config.fieldAliases = Object.fromEntries([...aliasCounts.keys()].sort().map((k) => [k, KNOWN_ALIASES[k.toLowerCase()]]));
    notes.push(`Field aliases in use: ${[...aliasCounts].map(([k, n]) => `${k} → ${KNOWN_ALIASES[k.toLowerCase()]} (${countFiles(n)})`).join(', ')}.`);
  }

  // Metadata outside frontmatter.
  const withoutFrontmatter = markdown.filter((_, i) => !keysByFile[i]);
  const controlTables = withoutFrontmatter.filter((f) => hasDocumentControlTable(f.text)).length;
  const blockquotes = withoutFrontmatter.filter((f) => /^(?:#[^\n]*\n+)?(?:>[ \t]*(?:\*\*)?(?:owner|version|document id|status|approved by)\b[^\n]*\n){2,}/im.test(f.text)).length;
  const sources: string[] = [];
  if (controlTables) {
    sources.push('document-control-table');
    notes.push(`${countFiles(controlTables)} keep their metadata in a Document Control table.`);
  }
  if (blockquotes) {
    sources.push('blockquote');
    notes.push(`${countFiles(blockquotes)} keep their metadata in a "> Owner: …" header.`);
  }
  if (sources.length) config.metadataSources = sources;

  // Types by folder or file name, for files whose metadata names no type.
  const untyped = markdown.filter((_, i) => {
    const keys = keysByFile[i];
    const typeKey = keys && Object.keys(keys).find((k) => k === 'type' || KNOWN_ALIASES[k.toLowerCase()] === 'type');
    return !typeKey;
  });
  const globs: Record<string, string> = {};
  for (const f of untyped) {
    for (const hint of TYPE_HINTS) {
      const m = hint.test.exec(f.path);
      if (!m) continue;
      globs[hint.glob(m[2] ?? m[0])] = hint.type;
      break;
    }
  }
  if (Object.keys(globs).length) {
    config.typeGlobs = globs;
    notes.push(`${countFiles(untyped.length)} name no type; typed by folder or file name: ${Object.entries(globs).map(([g, t]) => `${g} → ${t}`).join(', ')}.`);
  }

  // Catalogs and risk IDs.
  if (markdown.some((f) => /\b(?:ISO\/IEC\s*)?42001\b/.test(f.text))) {
    config.catalogs = ['iso27001-2022', 'iso42001-2023'];
    notes.push('ISO/IEC 42001 is mentioned: its Annex A catalog is enabled (write its controls as 42001:A.x.y).');
  }
  const riskPattern = detectRiskPattern(markdown);
  if (riskPattern) {
    config.riskIdPattern = riskPattern.pattern;
    notes.push(`Risk IDs look like ${riskPattern.example}: riskIdPattern ${riskPattern.pattern}.`);
  }
  if (notes.length === 0) notes.push('The folder already follows the default conventions; no configuration is needed.');

  const yaml = `# ISMS Markdown configuration, proposed by \`isms init\` from the documents in this folder.\n# Every setting is described in the README; delete what you do not want.\n${Object.keys(config).length ? stringify(config) : '{}\n'}`;
  return { config, yaml, notes };
}

function hasDocumentControlTable(text: string): boolean {
  const scan = scanMarkdown(text);
  return scan.tables.slice(0, 3).some((t) => {
    const firstColumn = [t.header[0], ...t.rows.map((r) => r.cells[0])].filter(Boolean).map((c) => normaliseHeader(c.text));
    const headers = t.header.map((c) => normaliseHeader(c.text));
    const labels = /^(document id|doc id|owner|document owner|version|status|approved by|approval date|effective date|next review|review date|classification|title)$/;
    return firstColumn.filter((c) => labels.test(c)).length >= 2 || headers.filter((h) => labels.test(h)).length >= 2;
  });
}

/** The shape of IDs in the first column of risk tables, when it is not the default `R-<digits>`. */
function detectRiskPattern(files: readonly ScannedFile[]): { pattern: string; example: string } | undefined {
  const shapes = new Map<string, { count: number; example: string }>();
  for (const f of files) {
    if (!/risk/i.test(f.path) && !/^\s*type:\s*risk/im.test(f.text)) continue;
    for (const t of scanMarkdown(f.text).tables) {
      if (!/^(id|risk id|ref|risk ref|no)$/.test(normaliseHeader(t.header[0]?.text ?? ''))) continue;
      for (const row of t.rows) {
        const m = /^([A-Z][A-Z]*)([-_.]?)(\d+)$/.exec(row.cells[0]?.text ?? '');
        if (!m) continue;
        const pattern = `${m[1]}${m[2] ? `\\${m[2]}`.replace('\\-', '-').replace('\\_', '_') : ''}\\d+`;
        const entry = shapes.get(pattern) ?? { count: 0, example: m[0] };
        entry.count++;
        shapes.set(pattern, entry);
      }
    }
  }
  const best = [...shapes].sort((a, b) => b[1].count - a[1].count)[0];
  if (!best || best[0] === 'R-\\d+') return undefined;
  return { pattern: best[0], example: best[1].example };
}
