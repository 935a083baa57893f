// Generators for property-based fuzzing: raw strings, Markdown-shaped documents with ISMS frontmatter, and
// small workspaces of them.
import fc from 'fast-check';
import { DOCUMENT_TYPES } from '../../server/src/engine/model';

const TOKENS = [
  '#', '##', '###', '>', '-', '*', '1.', '|', '---', '```', '~~~', '`', '[', ']', '(', ')', '!', '<', '>', '<!--', '-->', '\\', '&amp;', '&#0;',
  'A.8.28', 'A.12.6.1', 'A.9.2', 'Annex A 5.1', '42001:A.6.2.4', '8.28', 'R-001', 'R-', 'POL-001', 'SOA-1', 'http://x/A.8.1', 'v8.28.1', '10.8.28.1',
  '[l](a.md#x)', '![i](p.png)', '[ref][1]', '[1]: x.md', '<https://e.x>', '<div>', '</div>', '<!-- isms-disable-next-line link-broken -- why -->',
  '<!-- isms-disable -->', '<!-- isms-enable -->', '| ID | Risk | Owner | Likelihood | Impact | Score | Treatment | Controls |', '|---|---|---|---|---|---|---|---|',
  '| R-001 | x | CTO | 4 | 5 | 16 | retain | A.8.8 |', '| Control | Applicable | Justification | Status | Evidence |', '| A.5.1 | yes | R-001 | implemented | [e](e.pdf) |',
  '| 8.28 | no | | | |', '\t', ' ', '    ', '\n', '\r\n', '\r', '\u00a0', 'é', '😀', '\ud800', '\u0000', 'x', 'word',
];

const KEYS = ['type', 'id', 'title', 'owner', 'version', 'status', 'approved_by', 'approved_on', 'last_reviewed', 'review_cycle', 'next_review', 'date', 'controls', 'risks', 'related', 'evidence', 'opened', 'reviewed_on', 'reviewed_by', 'expires', 'closed_on', 'kind', 'likelihood_scale', 'impact_scale', 'risk_acceptance_threshold', 'clauses', 'isms-disable', 'scale', 'x'];
const VALUES = [
  ...DOCUMENT_TYPES, 'polcy', 'POL-001', 'POL-002', 'R-001', '2026-11-21', '2026-02-30', '2027-01-01', 'quarterly', 'P90D', 'P0D', 'annual', 'draft', 'approved', 'final',
  '[A.8.28, A.12.6.1]', '[R-001, R-9]', '[POL-001, X-9]', '"A.5.1, 8.28"', '2026-11-19T02:40:00Z', 'temporary-deviation', 'break-glass', '5', '0', '-3', '{a: 1}', '[]', '~', "''", '&a [x]', '*a', '!!str x', '"unterminated',
];

export const rawText = fc.string({ unit: fc.constantFrom(...TOKENS.join('').split('')), maxLength: 400 });
export const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join(''));
export const anyText = fc.oneof(rawText, tokenText, fc.string({ unit: 'binary', maxLength: 300 }));

export const frontmatter = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { maxLength: 10 })
  .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);

export const ismsDocument = fc
  .tuple(fc.constantFrom(...DOCUMENT_TYPES, 'bogus'), frontmatter, tokenText, fc.constantFrom('\n', '\r\n'))
  .map(([type, front, body, eol]) => (front.replace('---\n', `---\ntype: ${type}\n`) + body).replace(/\n/g, eol));

export const documentText = fc.oneof({ weight: 3, arbitrary: ismsDocument }, { weight: 1, arbitrary: anyText }, { weight: 1, arbitrary: fc.tuple(frontmatter, anyText).map(([f, b]) => f + b) });

export const workspaceFiles = fc
  .array(fc.tuple(fc.constantFrom('a.md', 'b.md', 'dir/c.md', 'risk.md', 'soa.md', 'e.pdf', 'a.md'), documentText), { minLength: 1, maxLength: 5 })
  .map((files) => Object.fromEntries(files));

/** FUZZ_RUNS sets the budget: small in `npm test`, 100,000 with `npm run fuzz`. */
export const runs = (defaultRuns: number) => ({ numRuns: Number(process.env.FUZZ_RUNS ?? defaultRuns), ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) });
