// JSON Schemas for editors other than this extension (Red Hat's YAML extension, JetBrains, any JSON Schema-aware
// tool): one for `.isms.yaml`, generated from the configuration schema and the rule registry, and one for the
// frontmatter of each document type, generated from the document model (types, statuses, the fields each type
// needs, the forms frontmatter-invalid-value accepts). Written to schemas/ by test/packaging/schemas.test.ts
// (UPDATE_SCHEMAS=1), which also checks they agree with the checker on the example ISMS.
import { SETTINGS, RULE_LEVELS } from './config/schema';
import { RULES } from './rules/registry';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, type DocumentType } from './model';
import { requiredFields } from './rules/frontmatterMissingField';
import { LIST_FIELDS, SCALAR_FIELDS } from './rules/frontmatterInvalidValue';
import { DATE_FIELDS } from './adopt/vocabulary';
import { CYCLE_WORDS } from './util/dates';
import { THRESHOLD_FIELD } from './isms/methodology';

type Schema = Record<string, unknown>;

const DRAFT = 'http://json-schema.org/draft-07/schema#';
/** Where the schemas are published (the repository's schemas/ folder). */
export const SCHEMA_BASE = 'https://raw.githubusercontent.com/isms-markdown/isms-markdown/main/schemas/';

/** The schema of `.isms.yaml`: every setting as written there, and every rule code under `rules`. */
export function ismsConfigSchema(): Schema {
  const properties: Record<string, Schema> = {};
  for (const setting of SETTINGS) {
    const entry: Schema = { ...setting.schema, default: setting.default, description: setting.description.replace(/`/g, ''), markdownDescription: setting.description };
    if (setting.key === 'rules') {
      entry.properties = Object.fromEntries(
        RULES.map((r) => [r.code, { enum: RULE_LEVELS, default: r.defaultSeverity, description: r.description.replace(/`/g, ''), markdownDescription: `${r.description} Fix: ${r.fix}` }]),
      );
      entry.additionalProperties = false;
    }
    properties[setting.key] = entry;
  }
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE}isms.schema.json`,
    title: 'ISMS Markdown configuration (.isms.yaml)',
    description: 'Settings of the ISMS Markdown checker for this ISMS. Unknown keys are reported by config-invalid.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

const caseless = (word: string) => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');
/** `review_cycle` as parseCycle reads it: a cycle name in any case, or an ISO 8601 duration (P1Y, P6M, P90D, P2W). */
const CYCLE_PATTERN = `^\\s*(?:${CYCLE_WORDS.map(caseless).join('|')}|[pP](?:\\d+[yY])?(?:\\d+[mM])?(?:\\d+[wW])?(?:\\d+[dD])?)\\s*$`;
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const FIELD_DESCRIPTIONS: Record<string, string> = {
  type: 'The document type; a file takes part in the ISMS when its frontmatter has one.',
  id: 'The document ID, unique across the ISMS (e.g. POL-001).',
  title: 'The document title.',
  owner: 'Who owns the document (a role or a name).',
  version: 'The document version (document control, clause 7.5).',
  status: 'draft, approved or retired.',
  approved_by: 'Who approved this version.',
  approved_on: 'When this version was approved (YYYY-MM-DD).',
  last_reviewed: 'When the document was last reviewed (YYYY-MM-DD).',
  review_cycle: 'How often it is reviewed: monthly, quarterly, semiannual, annual or an ISO 8601 duration such as P90D.',
  next_review: 'When the next review is due (YYYY-MM-DD).',
  date: 'Date of the internal audit or management review (YYYY-MM-DD).',
  controls: 'Annex A control IDs this document implements (A.8.28, or 42001:A.6.2.4 with ISO/IEC 42001).',
  risks: 'Risk IDs this document addresses.',
  related: 'IDs of related ISMS documents.',
  evidence: 'Paths of evidence files that must exist, relative to this document.',
  clauses: 'ISO/IEC 27001 clauses whose documented information this document provides (e.g. 9.1).',
  opened: 'Exceptions: when the emergency action happened (ISO 8601 date-time, e.g. 2026-03-14T02:10:00Z).',
  kind: 'Exceptions: break-glass, or temporary-deviation for a deviation with an expiry.',
  reviewed_on: 'Exceptions: when the retrospective review was done (YYYY-MM-DD).',
  reviewed_by: 'Exceptions: who reviewed it (name and role).',
  expires: 'Temporary deviations: when the deviation ends (YYYY-MM-DD).',
  closed_on: 'Exceptions: when the exception was closed (YYYY-MM-DD).',
  [THRESHOLD_FIELD]: 'Risk methodology: the highest risk score that may be retained without a named approver.',
  'isms-disable': 'Rule codes not reported for this file, each with its reason after --, e.g. "review-due-soon -- retired in Q3".',
};

function fieldSchema(key: string, type: DocumentType): Schema {
  const description = FIELD_DESCRIPTIONS[key];
  const idList = { anyOf: [{ type: 'array', items: { type: ['string', 'number'] } }, { type: 'string' }, { type: 'null' }] };
  let schema: Schema;
  if (key === 'type') schema = { const: type };
  else if (key === 'status') schema = { type: 'string', enum: [...DOCUMENT_STATUSES] };
  else if (key === 'review_cycle') schema = { type: 'string', pattern: CYCLE_PATTERN };
  else if (key === 'opened') schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?(?:[Zz]|[+-]\\d{2}:?\\d{2})?$' };
  else if (key === THRESHOLD_FIELD) schema = { type: 'integer', minimum: 0 };
  else if (key === 'isms-disable') schema = { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] };
  else if (key === 'kind') schema = { type: 'string' };
  else if (DATE_FIELDS.includes(key)) schema = { anyOf: [{ type: 'string', pattern: DATE_PATTERN }, { type: 'null' }] };
  else if (LIST_FIELDS.includes(key) || key === 'clauses') schema = idList;
  else if (SCALAR_FIELDS.includes(key)) schema = { type: ['string', 'number', 'boolean', 'null'] };
  else schema = {};
  return description ? { ...schema, description } : schema;
}

/** The frontmatter of one document type: the fields the checker reads, with the ones the type needs required. */
export function frontmatterSchema(type: DocumentType): Schema {
  const keys = ['type', ...SCALAR_FIELDS, 'status', 'approved_on', 'last_reviewed', 'review_cycle', 'next_review', 'date', ...LIST_FIELDS, 'clauses', 'isms-disable'];
  if (type === 'exception') keys.push('opened', 'kind', 'reviewed_on', 'expires', 'closed_on');
  keys.push(THRESHOLD_FIELD);
  const groups = requiredFields(type);
  const single = groups.filter((g) => g.length === 1).map((g) => g[0]);
  const alternatives = groups.filter((g) => g.length > 1);
  for (const key of alternatives.flat()) if (!keys.includes(key)) keys.push(key);
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE}frontmatter/${type}.schema.json`,
    title: `ISMS Markdown: frontmatter of a ${type} document`,
    type: 'object',
    required: ['type', ...single],
    ...(alternatives.length ? { allOf: alternatives.map((g) => ({ anyOf: g.map((k) => ({ required: [k] })) })) } : {}),
    properties: Object.fromEntries(
      [...new Set(keys)].map((k) => {
        const schema = fieldSchema(k, type);
        // A required field left empty (`owner:`) is as missing to the checker as an absent one.
        if (!single.includes(k) || k === 'type') return [k, schema];
        if (Array.isArray(schema.anyOf)) return [k, { ...schema, anyOf: (schema.anyOf as Schema[]).filter((s) => s.type !== 'null') }];
        return [k, { ...schema, type: schema.type === 'string' ? 'string' : ['string', 'number', 'boolean'], minLength: 1 }];
      }),
    ),
    // Documents carry fields of their own; field aliases (fieldAliases) rename fields before the checker reads them.
    additionalProperties: true,
  };
}

/** Any ISMS document's frontmatter: the schema of the type it declares. */
export function anyFrontmatterSchema(): Schema {
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE}frontmatter.schema.json`,
    title: 'ISMS Markdown: frontmatter of an ISMS document',
    type: 'object',
    required: ['type'],
    properties: { type: { enum: [...DOCUMENT_TYPES], description: FIELD_DESCRIPTIONS.type } },
    allOf: DOCUMENT_TYPES.map((t) => ({ if: { properties: { type: { const: t } }, required: ['type'] }, then: { $ref: `frontmatter/${t}.schema.json` } })),
  };
}

/** Every schema file, by its path under schemas/. */
export function allSchemas(): Record<string, Schema> {
  return {
    'isms.schema.json': ismsConfigSchema(),
    'frontmatter.schema.json': anyFrontmatterSchema(),
    ...Object.fromEntries(DOCUMENT_TYPES.map((t) => [`frontmatter/${t}.schema.json`, frontmatterSchema(t)])),
  };
}
