// The one configuration schema. `.isms.yaml` uses these keys as written; VS Code settings use them under
// `isms.`; package.json's `contributes.configuration` is generated from this list (see test/packageJson.test.ts),
// so the three can never drift apart.
import type { Severity } from '../model';

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
  catalogs: string[];
  customControls: CustomControlSetting[];
  exclude: string[];
  maxFileSizeKb: number;
}

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
];

export function defaultConfig(): IsmsConfig {
  return Object.fromEntries(SETTINGS.map((s) => [s.key, structuredClone(s.default)])) as unknown as IsmsConfig;
}
