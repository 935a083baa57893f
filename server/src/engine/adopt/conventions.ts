// Reading ISMSs written to other conventions (issue: adoption): field aliases, framework-keyed control maps,
// document types inferred from paths, and metadata kept in a "Document Control" table or a blockquote header
// instead of frontmatter. Configured in .isms.yaml; `isms init` proposes the configuration.
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, type DocumentType, type Frontmatter, type IsmsDocument, type Range } from '../model';
import type { IsmsConfig, MetadataSource } from '../config/schema';
import { GlobSet } from '../util/glob';
import { parseIsoDate } from '../util/dates';
import { readCycle, readDate, type DateFormat } from './dates';
import { DATE_FIELDS, DEFAULT_STATUS_ALIASES, DEFAULT_TYPE_ALIASES, LANGUAGE_CODES, LANGUAGE_FIELDS, STATIC_SITE_TYPES } from './vocabulary';

export interface Conventions {
  fieldAliases: Record<string, string>;
  /** The type a path's glob gives it, when its metadata has none. */
  inferType: (path: string) => DocumentType | undefined;
  metadataSources: readonly MetadataSource[];
  frontmatterStyle: 'fenced' | 'yaml-first';
  /** Lower-case written status → draft/approved/retired. */
  statusAliases: Record<string, string>;
  /** Lower-case written type → document type. */
  typeAliases: Record<string, string>;
  dateFormat: DateFormat;
  defaultReviewCycle: string;
  languageField: string;
}

const lowerKeys = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k.trim().toLowerCase(), v]));

export const NO_CONVENTIONS: Conventions = {
  fieldAliases: {},
  inferType: () => undefined,
  metadataSources: [],
  frontmatterStyle: 'fenced',
  statusAliases: DEFAULT_STATUS_ALIASES,
  typeAliases: DEFAULT_TYPE_ALIASES,
  dateFormat: 'auto',
  defaultReviewCycle: 'annual',
  languageField: 'lang',
};

/** The settings conventions are made of (and so, with the ID patterns and columns, what a parse depends on). */
export const CONVENTION_SETTINGS = ['fieldAliases', 'typeGlobs', 'metadataSources', 'frontmatterStyle', 'statusAliases', 'typeAliases', 'dateFormat', 'defaultReviewCycle', 'languageField'] as const;
type ConventionSettings = (typeof CONVENTION_SETTINGS)[number];

export function conventionsFrom(config: Pick<IsmsConfig, ConventionSettings>): Conventions {
  // Case-insensitive (`Policies/` is `policies/`); an exact path wins over a wildcard glob, then the file's order.
  const globs = Object.entries(config.typeGlobs)
    .filter(([, type]) => (DOCUMENT_TYPES as readonly string[]).includes(type))
    .sort((a, b) => Number(/[*?{]/.test(a[0])) - Number(/[*?{]/.test(b[0])))
    .map(([glob, type]) => ({ set: new GlobSet([glob], { ignoreCase: true }), type: type as DocumentType }));
  return {
    fieldAliases: config.fieldAliases,
    // README and navigation pages (`index.md`, Hugo's `_index.md`) are never typed by path.
    inferType: (path) => (/(^|\/)(readme|_?index)\.[^/]*$/i.test(path) ? undefined : globs.find((g) => g.set.matches(path))?.type),
    metadataSources: config.metadataSources,
    frontmatterStyle: config.frontmatterStyle,
    statusAliases: { ...DEFAULT_STATUS_ALIASES, ...lowerKeys(config.statusAliases ?? {}) },
    typeAliases: { ...DEFAULT_TYPE_ALIASES, ...lowerKeys(config.typeAliases ?? {}) },
    dateFormat: config.dateFormat ?? 'auto',
    defaultReviewCycle: config.defaultReviewCycle ?? 'annual',
    languageField: config.languageField || 'lang',
  };
}

/** Renames aliased keys to the names the checker reads (an explicit canonical key wins over its alias). */
export function applyAliases(frontmatter: Frontmatter, aliases: Record<string, string>): void {
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (!(alias in frontmatter.data) || canonical in frontmatter.data) continue;
    // A map keyed by framework (`satisfies: {SOC2: [...]}`) is controls only through its ISO keys.
    if (canonical === 'controls' && isPlainMap(frontmatter.data[alias]) && !Object.keys(frontmatter.data[alias] as object).some((k) => ISO_FRAMEWORK.test(k))) continue;
    frontmatter.data[canonical] = frontmatter.data[alias];
    delete frontmatter.data[alias];
    const field = frontmatter.fields.get(alias);
    if (field) {
      frontmatter.fields.set(canonical, field);
      frontmatter.fields.delete(alias);
    }
    const items = frontmatter.items.get(alias);
    if (items) {
      frontmatter.items.set(canonical, items);
      frontmatter.items.delete(alias);
    }
  }
}

const ISO_FRAMEWORK = /27001|42001|annex\s*a/i;
const isPlainMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/**
 * Controls written as a map keyed by framework (`satisfies: {ISO27001: [A.5.1], ISO42001: [A.6.2.4], SOC2: [CC6.1]}`):
 * the ISO 27001 entries become control references, ISO 42001 ones get the `42001:` prefix, others are ignored.
 */
export function flattenFrameworkControls(frontmatter: Frontmatter): void {
  const value = frontmatter.data.controls;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  // A map naming no ISO framework is a mistake, left for frontmatter-invalid-value to report.
  if (!Object.keys(value).some((k) => /27001|42001|annex\s*a/i.test(k))) return;
  const range = frontmatter.fields.get('controls')?.valueRange ?? frontmatter.range;
  const items: { value: unknown; range: Range }[] = [];
  for (const [framework, ids] of Object.entries(value as Record<string, unknown>)) {
    const prefix = /42001/.test(framework) ? '42001:' : /27001|annex\s*a/i.test(framework) ? '' : undefined;
    if (prefix === undefined) continue;
    const list = Array.isArray(ids) ? ids : typeof ids === 'string' ? ids.split(',') : [];
    for (const id of list) {
      const text = String(id).trim();
      if (text) items.push({ value: prefix && !text.startsWith(prefix) ? `${prefix}${text.replace(/^A\.?/, 'A.')}` : text, range });
    }
  }
  frontmatter.data.controls = items.map((i) => i.value);
  frontmatter.items.set('controls', items);
}

/** The type from `typeGlobs`, when the metadata names none. */
export function inferType(doc: IsmsDocument, conventions: Conventions): void {
  const fm = doc.frontmatter;
  if (fm && fm.data.type !== undefined && fm.data.type !== null) return;
  const type = conventions.inferType(doc.path);
  if (!type) return;
  doc.frontmatter ??= { data: {}, fields: new Map(), items: new Map(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, contentRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  doc.frontmatter.data.type = type;
}

const written = (fm: Frontmatter, key: string, value: unknown, ambiguous?: boolean) => (fm.written ??= new Map()).set(key, ambiguous ? { value, ambiguous } : { value });

/**
 * Reads values as people write them into the checker's forms, remembering what was written: a "Document Type" of
 * "Information Security Policy" is a policy, "Active" is approved, 15/01/2026 is 2026-01-15, "annual or on major
 * change" is annual. A static-site generator's `type: docs` is no ISMS type at all.
 */
export function normaliseValues(doc: IsmsDocument, conventions: Conventions): void {
  const fm = doc.frontmatter;
  if (!fm) return;
  const data = fm.data;
  if (typeof data.type === 'string') {
    const type = data.type.trim().toLowerCase();
    const alias = conventions.typeAliases[type];
    if (!(DOCUMENT_TYPES as readonly string[]).includes(type) && alias) {
      written(fm, 'type', data.type);
      data.type = alias;
    } else if (STATIC_SITE_TYPES.has(type)) {
      written(fm, 'type', data.type);
      delete data.type;
    }
  }
  if (typeof data.status === 'string') {
    const status = data.status.trim().toLowerCase();
    const alias = conventions.statusAliases[status];
    if (!(DOCUMENT_STATUSES as readonly string[]).includes(status) && alias) {
      written(fm, 'status', data.status);
      data.status = alias;
    }
  }
  for (const key of DATE_FIELDS) {
    const value = data[key];
    if (value === undefined || value === null || value instanceof Date || (typeof value === 'string' && parseIsoDate(value) !== undefined)) continue;
    const read = readDate(value, conventions.dateFormat);
    if (!read) continue;
    written(fm, key, value, read.ambiguous);
    data[key] = read.iso;
  }
  const cycle = readCycle(data.review_cycle);
  if (cycle) {
    written(fm, 'review_cycle', data.review_cycle);
    data.review_cycle = cycle;
  }
}

/** The assumed review cycle for a document that says when it was last reviewed but not how often. */
export function applyDefaultCycle(doc: IsmsDocument, conventions: Conventions): void {
  const fm = doc.frontmatter;
  if (!fm || !conventions.defaultReviewCycle) return;
  const has = (k: string) => fm.data[k] !== undefined && fm.data[k] !== null && fm.data[k] !== '';
  if (!has('last_reviewed') || has('review_cycle') || has('next_review')) return;
  fm.data.review_cycle = conventions.defaultReviewCycle;
  (fm.sources ??= new Map()).set('review_cycle', 'default');
}

/** The document's language: its language field, else a `.de.md` / `de.md` file name, else a language folder. */
export function documentLanguage(doc: IsmsDocument, conventions: Conventions): string | undefined {
  const data = doc.frontmatter?.data ?? {};
  for (const key of [conventions.languageField, ...LANGUAGE_FIELDS]) {
    const v = data[key];
    if (typeof v === 'string' && v.trim()) return v.trim().toLowerCase();
  }
  const name = /(?:^|\/|\.)([a-z]{2}(?:[-_][a-z]{2})?)\.(?:md|markdown)$/i.exec(doc.path)?.[1]?.toLowerCase().replace('_', '-');
  if (name && LANGUAGE_CODES.has(name)) return name;
  const folder = doc.path.split('/').slice(0, -1).reverse().find((segment) => LANGUAGE_CODES.has(segment.toLowerCase()));
  return folder?.toLowerCase();
}
