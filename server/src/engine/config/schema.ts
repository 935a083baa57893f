// The one configuration schema. `.isms.yaml` uses these keys as written; VS Code settings use them under
// `isms.`; package.json's `contributes.configuration` is generated from this list (see test/packageJson.test.ts),
// so the three can never drift apart.
import { DOCUMENT_TYPES, type Severity } from '../model';
import { LOCKER_ITEMS } from '../isms/locker';

export type RuleLevel = Severity | 'off';
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface CustomControlSetting {
  id: string;
  title: string;
  theme?: string;
}

export interface IsmsConfig {
  rules: Record<string, RuleLevel>;
  reviewDueSoonDays: number;
  riskIdPattern: string;
  actionIdPattern: string;
  catalogs: string[];
  customControls: CustomControlSetting[];
  exclude: string[];
  maxFileSizeKb: number;
  mandatoryDocuments: string[];
  riskAcceptanceThreshold: number;
  managementReviewCadence: string;
  auditCadence: string;
  exceptionReviewHours: number;
  deviationMaxDays: number;
  fieldAliases: Record<string, string>;
  typeGlobs: Record<string, string>;
  metadataSources: MetadataSource[];
  frontmatterStyle: 'fenced' | 'yaml-first';
  statusAliases: Record<string, string>;
  typeAliases: Record<string, string>;
  dateFormat: 'auto' | 'DD/MM/YYYY' | 'MM/DD/YYYY';
  defaultReviewCycle: string;
  languageField: string;
  markdownExtensions: string[];
  reviewerName: string;
  siteRoot: string;
  soaColumns: Record<string, string[]>;
  riskColumns: Record<string, string[]>;
  scopeSections: Record<string, string[]>;
}

/** Where document metadata may come from besides YAML frontmatter. */
export type MetadataSource = 'document-control-table' | 'blockquote' | 'bold-fields' | 'document-information-list';
export const METADATA_SOURCES: readonly MetadataSource[] = ['document-control-table', 'blockquote', 'bold-fields', 'document-information-list'];

/** Review cadences as `parseCycle` reads them, for editors validating the setting. */
const CADENCE_PATTERN = '^(?:[Mm]onthly|[Qq]uarterly|[Ss]emi-?annual|[Bb]iannual|[Aa]nnual(?:ly)?|[Yy]early|[Pp](?:\\d+[Yy])?(?:\\d+[Mm])?(?:\\d+[Ww])?(?:\\d+[Dd])?)$';

interface SettingSpec<K extends keyof IsmsConfig> {
  key: K;
  default: IsmsConfig[K];
  description: string;
  /** JSON Schema for the value (type, items, enum...), as VS Code and the config loader read it. */
  schema: Record<string, unknown>;
}

type AnySetting = { [K in keyof IsmsConfig]: SettingSpec<K> }[keyof IsmsConfig];

export const SETTINGS: readonly AnySetting[] = [
  {
    key: 'rules',
    default: {},
    description:
      'Severity per rule code (`error`, `warning`, `info`, `hint`) or `off` to disable it, e.g. `{ "review-due-soon": "off" }`. Unlisted rules keep their default severity.',
    schema: { type: 'object' },
  },
  {
    key: 'reviewDueSoonDays',
    default: 30,
    description: 'How many days before a document\'s review date `review-due-soon` starts reporting it.',
    schema: { type: 'integer', minimum: 0, maximum: 3650 },
  },
  {
    key: 'riskIdPattern',
    default: 'R-\\d+',
    description: 'Regular expression (JavaScript syntax) that risk IDs match, e.g. `RISK-\\d{3}`.',
    schema: { type: 'string' },
  },
  {
    key: 'actionIdPattern',
    default: 'ACT-\\d+',
    description: 'Regular expression (JavaScript syntax) that action IDs match in management reviews, audit reports, treatment plans and action logs, e.g. `CA-\\d+`.',
    schema: { type: 'string' },
  },
  {
    key: 'catalogs',
    default: ['iso27001-2022'],
    description:
      'Control catalogs references are checked against: `iso27001-2022` (Annex A) and `iso42001-2023` (AI management systems, referenced as `42001:A.x.y`).',
    schema: { type: 'array', items: { type: 'string', enum: ['iso27001-2022', 'iso42001-2023'] }, uniqueItems: true },
  },
  {
    key: 'customControls',
    default: [],
    description: 'Controls of your own (e.g. from a customer contract) that references may name: a list of `{ id, title, theme }`.',
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title'],
        properties: { id: { type: 'string' }, title: { type: 'string' }, theme: { type: 'string' } },
      },
    },
  },
  {
    key: 'exclude',
    default: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/build/**', '**/.vscode-test/**'],
    description: 'Glob patterns (relative to the workspace root) of files and folders the checker never reads.',
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    key: 'maxFileSizeKb',
    default: 2048,
    description: 'Markdown files larger than this many kilobytes are skipped with a note instead of being checked.',
    schema: { type: 'integer', minimum: 1 },
  },
  {
    key: 'mandatoryDocuments',
    default: LOCKER_ITEMS.map((i) => i.key),
    description: `Documented information \`locker-missing-document\` requires (ISO/IEC 27001:2022 clauses 4 to 10): ${LOCKER_ITEMS.map((i) => `\`${i.key}\` (${i.clause})`).join(', ')}. Items are provided by a document of the matching \`type\`, or by one listing the clause under \`clauses:\` in its frontmatter.`,
    schema: { type: 'array', items: { type: 'string', enum: LOCKER_ITEMS.map((i) => i.key) }, uniqueItems: true },
  },
  {
    key: 'riskAcceptanceThreshold',
    default: 9,
    description:
      'The highest risk score (likelihood × impact) that may be retained without a named approver; `risk-acceptance-missing` reports retained risks above it. A `risk_acceptance_threshold` in any ISMS document\'s frontmatter (normally the risk methodology) takes precedence.',
    schema: { type: 'integer', minimum: 0 },
  },
  {
    key: 'managementReviewCadence',
    default: 'quarterly',
    description: 'How often management reviews are held (`monthly`, `quarterly`, `semiannual`, `annual` or an ISO 8601 duration such as `P6M`); `management-review-overdue` reports when the latest is older.',
    schema: { type: 'string', pattern: CADENCE_PATTERN },
  },
  {
    key: 'auditCadence',
    default: 'annual',
    description: 'How often internal audits are held (same values as `managementReviewCadence`); `audit-overdue` reports when the latest is older.',
    schema: { type: 'string', pattern: CADENCE_PATTERN },
  },
  {
    key: 'exceptionReviewHours',
    default: 24,
    description: 'Hours after an exception (break-glass use) is `opened` within which it must be reviewed (`reviewed_on`, `reviewed_by`); see `exception-review-overdue`.',
    schema: { type: 'integer', minimum: 1 },
  },
  {
    key: 'deviationMaxDays',
    default: 30,
    description: 'Days a temporary deviation without an `expires` date stays valid after `approved_on` (or `opened`); see `exception-expired`.',
    schema: { type: 'integer', minimum: 1 },
  },
  {
    key: 'fieldAliases',
    default: {},
    description:
      'Other names your documents use for frontmatter fields, mapped to the ones the checker reads, e.g. `{ document_id: id, annex_a_controls: controls, review_date: next_review }`. `isms init` proposes them.',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  },
  {
    key: 'typeGlobs',
    default: {},
    description:
      'Document type for files whose metadata has no `type`, by path glob or exact path, e.g. `{ "02-Policies/soa.md": soa, "02-Policies/*": policy }`. Matched case-insensitively; an exact path wins over a glob, then the first matching glob. README.md, index.md and _index.md are never typed this way. `isms init` proposes them file by file.',
    schema: { type: 'object', additionalProperties: { type: 'string', enum: [...DOCUMENT_TYPES] } },
  },
  {
    key: 'metadataSources',
    default: [],
    description:
      'Where else to read document metadata when frontmatter lacks it, before the first section or in a "Document information" / "Document control" section: `document-control-table` (a key/value table of fields and values), `blockquote` (`> Owner: …` lines), `bold-fields` (`**Owner:** …` lines) and `document-information-list` (`- Owner: …` items under such a heading). `isms init` proposes them.',
    schema: { type: 'array', items: { type: 'string', enum: [...METADATA_SOURCES] }, uniqueItems: true },
  },
  {
    key: 'frontmatterStyle',
    default: 'fenced',
    description: '`fenced`: frontmatter between two `---` lines. `yaml-first`: the file starts with YAML fields, closed by one `---` line, as some policies-as-code tools write it.',
    schema: { type: 'string', enum: ['fenced', 'yaml-first'] },
  },
  {
    key: 'statusAliases',
    default: {},
    description:
      'Status words your documents use, mapped to `draft`, `approved` or `retired`, e.g. `{ Freigegeben: approved }`. Built in: active, published, in force → approved; in review, under review, WIP → draft; superseded, archived → retired.',
    schema: { type: 'object', additionalProperties: { type: 'string', enum: ['draft', 'approved', 'retired'] } },
  },
  {
    key: 'typeAliases',
    default: {},
    description:
      'Document types as your metadata writes them, mapped to the checker\'s types, e.g. `{ "IT Security Standard": procedure }`. Built in: "Information Security Policy" → policy, "Work Instruction" → procedure, "Statement of Applicability" → soa, and more.',
    schema: { type: 'object', additionalProperties: { type: 'string', enum: [...DOCUMENT_TYPES] } },
  },
  {
    key: 'dateFormat',
    default: 'auto',
    description:
      'How to read dates written with slashes or dashes other than YYYY-MM-DD: `DD/MM/YYYY`, `MM/DD/YYYY`, or `auto` (read where day and month cannot be confused, else day first with a `date-format` warning).',
    schema: { type: 'string', enum: ['auto', 'DD/MM/YYYY', 'MM/DD/YYYY'] },
  },
  {
    key: 'defaultReviewCycle',
    default: 'annual',
    description:
      'The review cycle assumed for a document that says when it was last reviewed (or revised) but states neither `review_cycle` nor `next_review`; empty to assume none.',
    schema: { type: 'string', pattern: CADENCE_PATTERN.replace('^(?:', '^(?:|') },
  },
  {
    key: 'languageField',
    default: 'lang',
    description:
      'The frontmatter field naming a document\'s language. Documents sharing an `id` in different languages (this field, a `.de.md` suffix or a language folder) are translations, not duplicates.',
    schema: { type: 'string' },
  },
  {
    key: 'siteRoot',
    default: '',
    description:
      'Where site-absolute links (`/policies/access/`) of a documentation site start: the workspace folder the site serves at `/` (Hugo `content`, Docusaurus or MkDocs `docs`), or, when the ISMS is a folder inside a larger site, the URL path it is served at (`/handbook/security/`; links to other parts of the site are then not checked). Empty: at the workspace root, as on GitHub. `isms init` detects it.',
    schema: { type: 'string' },
  },
  {
    key: 'markdownExtensions',
    default: ['.md', '.markdown'],
    description:
      'File name endings read as Markdown documents. A template repository adds its own, e.g. `[".md", ".md.tmpl"]`; `isms init` proposes it when such files are most of the Markdown.',
    schema: { type: 'array', items: { type: 'string', pattern: '^\\.[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)*$' }, uniqueItems: true, minItems: 1 },
  },
  {
    key: 'reviewerName',
    default: '',
    description: 'Your name as "Mark reviewed" records it (`reviewed_by`); empty: `git config user.name`, else your operating-system user.',
    schema: { type: 'string' },
  },
  {
    key: 'soaColumns',
    default: {},
    description:
      'Headers of your SoA columns the checker does not know, per column: `control`, `applicable`, `justification`, `status`, `evidence`, `document`, e.g. `{ applicable: [Anwendbar (J/N)] }`. Headers in English, German, French, Spanish, Portuguese, Dutch, Italian and Japanese are known already.',
    schema: { type: 'object', propertyNames: { enum: ['control', 'applicable', 'justification', 'status', 'evidence', 'document'] }, additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
  {
    key: 'riskColumns',
    default: {},
    description:
      'Headers (or bullet labels) of your risk register fields the checker does not know, per field: `id`, `description`, `owner`, `likelihood`, `impact`, `score`, `treatment`, `controls`, `acceptedBy`, `status`, e.g. `{ likelihood: [Chance] }`.',
    schema: {
      type: 'object',
      propertyNames: { enum: ['id', 'description', 'owner', 'likelihood', 'impact', 'score', 'treatment', 'controls', 'acceptedBy', 'status'] },
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
  },
  {
    key: 'scopeSections',
    default: {},
    description:
      'Headings your scope document uses for the sections `scope-missing-section` looks for, per section: `statement`, `boundaries`, `interfaces`, `issues`, `parties`, `exclusions`, `approval`, e.g. `{ interfaces: [Connections to suppliers] }`.',
    schema: {
      type: 'object',
      propertyNames: { enum: ['statement', 'boundaries', 'interfaces', 'issues', 'parties', 'exclusions', 'approval'] },
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
  },
];

export function defaultConfig(): IsmsConfig {
  return Object.fromEntries(SETTINGS.map((s) => [s.key, structuredClone(s.default)])) as unknown as IsmsConfig;
}
