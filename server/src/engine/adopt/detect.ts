// `isms init`: inspects an existing folder of Markdown and proposes the .isms.yaml that makes the checker read
// it as it is written: field aliases, where metadata lives, document types by folder, catalogs, risk IDs.
import { stringify } from 'yaml';
import { parseDocument as parseYaml, isMap } from 'yaml';
import { findFrontmatter } from '../parse/document';
import { scanMarkdown } from '../parse/scanner';
import { detectMetadata } from './detectMetadata';
import { normaliseHeader } from '../parse/tables';
import { detectSiteRoot } from './siteRoot';
import { defaultConfig } from '../config/schema';
import { declaresType, toolingFolder, typeFiles, typeGlobsFor, typingNotes } from './typing';

const countFiles = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** Field names other tools and templates use, and the name the checker reads. */
export const KNOWN_ALIASES: Record<string, string> = {
  document_id: 'id', doc_id: 'id', docid: 'id', 'document-id': 'id', reference: 'id', acronym: 'id', doc_ref: 'id', document_ref: 'id', document_number: 'id',
  doc_title: 'title', document_title: 'title', name: 'title',
  author: 'owner', document_owner: 'owner', policy_owner: 'owner', process_owner: 'owner',
  doc_type: 'type', document_type: 'type', category: 'type',
  annex_a_controls: 'controls', iso_controls: 'controls', iso27001_controls: 'controls', satisfies: 'controls', 'annex-a': 'controls', control_ids: 'controls',
  iso_reference: 'controls', iso_references: 'controls', iso_ref: 'controls', annex_a: 'controls', iso27001: 'controls',
  clause: 'clauses', iso_clause: 'clauses', iso_clauses: 'clauses', clause_refs: 'clauses', isms_clauses: 'clauses',
  risk_ids: 'risks', linked_risks: 'risks', related_documents: 'related', references: 'related',
  last_review: 'last_reviewed', reviewed: 'last_reviewed', last_review_date: 'last_reviewed', reviewed_on_date: 'last_reviewed',
  review_date: 'next_review', next_review_date: 'next_review', review_due: 'next_review',
  effective_date: 'approved_on', approval_date: 'approved_on', approved_date: 'approved_on', date_approved: 'approved_on',
  approver: 'approved_by', review_frequency: 'review_cycle', review_period: 'review_cycle', revision: 'version',
};

const CANONICAL = new Set(['type', 'id', 'title', 'owner', 'version', 'status', 'approved_by', 'approved_on', 'last_reviewed', 'review_cycle', 'next_review', 'controls', 'risks', 'related', 'clauses']);

/** Markdown with a template engine's extension after it: `policy.md.tmpl`, `scope.md.j2`, `soa.md.hbs`. */
export const MARKDOWN_TEMPLATE = /\.(md|markdown)\.[a-z0-9]+$/i;

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

function isoControls(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  return Object.keys(value).some((k) => /27001|42001|annex\s*a/i.test(k));
}

export function proposeConfig(files: readonly ScannedFile[], otherFiles: readonly string[] = []): InitProposal {
  // Issue templates and CI folders hold Markdown that says nothing about the ISMS's conventions.
  const candidates = files.filter((f) => /\.(md|markdown)(\.[a-z0-9]+)?$/i.test(f.path) && !/(^|\/)readme\.md/i.test(f.path) && !toolingFolder(f.path));
  const notes: string[] = [];
  const config: Record<string, unknown> = {};

  // A template repository: Markdown with a template extension, read only when it is most of the Markdown.
  const templates = candidates.filter((f) => MARKDOWN_TEMPLATE.test(f.path));
  const readTemplates = templates.length > candidates.length - templates.length;
  if (readTemplates) {
    const extensions = [...new Set(templates.map((f) => MARKDOWN_TEMPLATE.exec(f.path)![0].toLowerCase()))].sort();
    config.markdownExtensions = ['.md', '.markdown', ...extensions];
    notes.push(`${templates.length} of the ${candidates.length} Markdown files are templates (${extensions.join(', ')}): markdownExtensions reads them; {{ … }} placeholders in them are not judged.`);
  }
  const markdown = readTemplates ? candidates : candidates.filter((f) => !MARKDOWN_TEMPLATE.test(f.path));

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
      // A map keyed by framework (`satisfies: {SOC2: [...]}`) holds controls only under an ISO key.
      if (canonical === 'controls' && !isoControls(keys[key])) continue;
      if (canonical && !(canonical in keys) && !CANONICAL.has(key)) aliasCounts.set(key, (aliasCounts.get(key) ?? 0) + 1);
    }
  }
  if (aliasCounts.size) {
    config.fieldAliases = Object.fromEntries([...aliasCounts.keys()].sort().map((k) => [k, KNOWN_ALIASES[k.toLowerCase()]]));
    notes.push(`Field aliases in use: ${[...aliasCounts].map(([k, n]) => `${k} → ${KNOWN_ALIASES[k.toLowerCase()]} (${countFiles(n)})`).join(', ')}.`);
  }

  // Metadata outside frontmatter, found by the document model's own readers.
  const metadata = detectMetadata(markdown, { frontmatterStyle: style, fieldAliases: (config.fieldAliases as Record<string, string> | undefined) ?? {} });
  if (metadata.metadataSources) config.metadataSources = metadata.metadataSources;
  if (metadata.dateFormat) config.dateFormat = metadata.dateFormat;
  notes.push(...metadata.notes);

  // Types, file by file, for files whose metadata names no type (a site generator's `type: docs` names none).
  const typeKeysOf = (keys: Record<string, unknown> | undefined) => Object.keys(keys ?? {}).filter((k) => k === 'type' || KNOWN_ALIASES[k.toLowerCase()] === 'type');
  const untyped = markdown.map((f, i) => ({ path: f.path, text: f.text, keys: keysByFile[i] })).filter((f) => !declaresType(f.keys, typeKeysOf(f.keys)));
  const typing = typeFiles(untyped);
  const { typeGlobs, exclude } = typeGlobsFor(typing);
  if (Object.keys(typeGlobs).length) config.typeGlobs = typeGlobs;
  if (exclude.length) config.exclude = [...defaultConfig().exclude, ...exclude];
  notes.push(...typingNotes(typing));

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
  const site = detectSiteRoot(markdown, otherFiles);
  if (site) {
    config.siteRoot = site.siteRoot;
    notes.push(site.note);
  }
  if (notes.length === 0) notes.push('The folder already follows the default conventions; no configuration is needed.');

  const yaml = `# ISMS Markdown configuration, proposed by \`isms init\` from the documents in this folder.\n# Every setting is described in the README; delete what you do not want.\n${Object.keys(config).length ? stringify(config) : '{}\n'}`;
  return { config, yaml, notes };
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
