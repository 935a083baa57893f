// The evidence locker: the documented information an ISO/IEC 27001:2022 certification auditor asks for
// (clauses 4 to 10), and how a workspace's documents provide each item. An item is provided by a document of
// its own type where one exists, else by a document that lists the clause under `clauses:` in its frontmatter.
import type { DocumentType, IsmsDocument } from '../model';
import { isRetired } from './status';
import { readSoaTables } from './soa';
import { readObjectives } from './objectives';
import { PROCESS_SECTIONS } from '../adopt/vocabulary';

export interface LockerItem {
  key: string;
  title: string;
  /** The clause the message cites. */
  clause: string;
  /** Document types that provide the item. */
  types?: readonly DocumentType[];
  /** Clause numbers that, listed in a document's `clauses:`, provide the item. */
  clauses?: readonly string[];
  /** A document of these types (e.g. the policy) must also pass this test. */
  match?: (doc: IsmsDocument) => boolean;
  /** Section headings that, in a document of no dedicated type, provide the item (adopt/vocabulary.ts). */
  sections?: RegExp;
  /** What to add, for the message. */
  add: string;
  /** A document of the item's own type provides it only with content (an empty shell does not). */
  content?: { test: (doc: IsmsDocument) => boolean; what: string };
}

const declares = (doc: IsmsDocument, clause: string) => cachedClauses(doc).includes(clause);

export const LOCKER_ITEMS: readonly LockerItem[] = [
  { key: 'scope', title: 'ISMS scope', clause: '4.3', types: ['scope'], clauses: ['4.3'], sections: PROCESS_SECTIONS.scope, add: 'a document with `type: scope`' },
  {
    key: 'information-security-policy',
    title: 'Information security policy',
    clause: '5.2',
    types: ['policy'],
    match: (doc) => /information security policy/i.test(doc.title ?? '') || declares(doc, '5.2'),
    add: "a `policy` document titled \"Information Security Policy\" or declaring `clauses: ['5.2']`",
  },
  {
    key: 'risk-assessment-process',
    title: 'Information security risk assessment process',
    clause: '6.1.2',
    clauses: ['6.1.2'],
    sections: PROCESS_SECTIONS['risk-assessment-process'],
    add: "the risk assessment methodology, declaring `clauses: ['6.1.2']`",
  },
  {
    key: 'risk-treatment-process',
    title: 'Information security risk treatment process',
    clause: '6.1.3',
    clauses: ['6.1.3'],
    sections: PROCESS_SECTIONS['risk-treatment-process'],
    add: "the risk treatment process (often part of the risk methodology), declaring `clauses: ['6.1.3']`",
  },
  {
    key: 'soa',
    title: 'Statement of Applicability',
    clause: '6.1.3 d',
    types: ['soa'],
    add: 'a document with `type: soa`',
    content: { test: (doc) => readSoaTables(doc).some((t) => t.rows.length > 0), what: 'no control table (Control and Applicable columns with rows)' },
  },
  {
    key: 'risk-treatment-plan',
    title: 'Risk treatment plan',
    clause: '6.1.3 e',
    types: ['risk-treatment-plan'],
    add: 'a document with `type: risk-treatment-plan`',
    content: { test: (doc) => doc.tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.text.trim() !== ''))) || doc.listItems.length > 0, what: 'no treatment rows' },
  },
  {
    key: 'objectives',
    title: 'Information security objectives',
    clause: '6.2',
    types: ['objectives'],
    clauses: ['6.2'],
    add: 'a document with `type: objectives`',
    content: { test: (doc) => readObjectives(doc).length > 0, what: 'no objective (an objectives table with rows, or a section per objective)' },
  },
  { key: 'competence', title: 'Evidence of competence', clause: '7.2', clauses: ['7.2'], add: "a competence or training record declaring `clauses: ['7.2']`" },
  {
    key: 'operational-planning',
    title: 'Operational planning and control records',
    clause: '8.1',
    clauses: ['8.1'],
    add: "operational records (e.g. a change log) declaring `clauses: ['8.1']`",
  },
  {
    key: 'risk-register',
    title: 'Results of the risk assessment',
    clause: '8.2',
    types: ['risk-register', 'risk'],
    clauses: ['8.2'],
    add: 'a `risk-register` document or `risk` documents',
  },
  {
    key: 'monitoring-results',
    title: 'Results of monitoring and measurement',
    clause: '9.1',
    clauses: ['9.1'],
    add: "a monitoring and measurement record declaring `clauses: ['9.1']`",
  },
  { key: 'internal-audit', title: 'Internal audit results', clause: '9.2', types: ['audit'], add: 'an internal audit report with `type: audit`' },
  {
    key: 'audit-programme',
    title: 'Internal audit programme',
    clause: '9.2.2',
    clauses: ['9.2', '9.2.2'],
    sections: PROCESS_SECTIONS['audit-programme'],
    add: "an audit programme declaring `clauses: ['9.2']`",
  },
  {
    key: 'management-review',
    title: 'Results of management reviews',
    clause: '9.3',
    types: ['management-review'],
    add: 'management review minutes with `type: management-review`',
  },
  {
    key: 'nonconformities',
    title: 'Nonconformities and corrective actions',
    clause: '10.2',
    clauses: ['10.2'],
    add: "a nonconformity and corrective action log declaring `clauses: ['10.2']`",
  },
];

export const LOCKER_KEYS: readonly string[] = LOCKER_ITEMS.map((i) => i.key);

/**
 * Types that are items of their own. A document of such a type provides only its own item, never another by
 * its `clauses:` (the SoA lists 6.1.3 but is not the risk treatment process; an audit report lists 9.2 but is
 * not the audit programme).
 */
const DEDICATED_TYPES = new Set<string>(LOCKER_ITEMS.flatMap((i) => i.types ?? []).filter((t) => t !== 'policy'));

/**
 * The clause numbers a document lists in `clauses:` (a list or a comma-separated string), normalised:
 * `Clause 7.2 d)` → `7.2`. YAML numbers (`[9.1]`) are read as written.
 */
export function declaredClauses(doc: IsmsDocument): string[] {
  return [...cachedClauses(doc)];
}

/** declaredClauses, cached per parsed document: the locker asks every document once per item. */
function cachedClauses(doc: IsmsDocument): readonly string[] {
  let clauses = clauseCache.get(doc);
  if (!clauses) {
    const raw = doc.frontmatter?.data.clauses;
    const values = Array.isArray(raw) ? raw : typeof raw === 'string' || typeof raw === 'number' ? String(raw).split(',') : [];
    clauses = values
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map((v) => /\d+(?:\.\d+)*/.exec(String(v))?.[0])
      .filter((v): v is string => v !== undefined);
    clauseCache.set(doc, clauses);
  }
  return clauses;
}

const clauseCache = new WeakMap<IsmsDocument, string[]>();

/** Whether a (not retired) document provides the item. */
export function provides(item: LockerItem, doc: IsmsDocument): boolean {
  return !isRetired(doc) && providesIfLive(item, doc, doc.type);
}

/**
 * provides() for a document known not to be retired, whose type is given: the locker asks each of 5,000 documents
 * per missing item, through the proxies that record what a rule reads, and the same status and type each time
 * made the rule a single step of 50-150 ms after a large paste.
 */
export function providesIfLive(item: LockerItem, doc: IsmsDocument, type: IsmsDocument['type']): boolean {
  if (item.types && type && item.types.includes(type)) return (item.match ? item.match(doc) : true) && (!item.content || item.content.test(doc));
  if (!item.clauses || (type && DEDICATED_TYPES.has(type))) return false;
  const clauses = cachedClauses(doc);
  // Loops, not some/includes with a closure: this runs for every document and item after many edits.
  for (let i = 0; i < clauses.length; i++) if (item.clauses.includes(clauses[i])) return true;
  // A Risk Management Policy whose "3. Risk Assessment Methodology" section is the process.
  if (!item.sections) return false;
  const titles = sectionTitles(doc);
  for (let i = 0; i < titles.length; i++) if (item.sections.test(titles[i])) return true;
  return false;
}

const sectionTitleCache = new WeakMap<IsmsDocument, readonly string[]>();

/**
 * A document's headings without their numbering and closing colon, cached per parsed document: the locker runs
 * again after many edits and asks every document per item, and normalising every heading each time made most of
 * the garbage of a keystroke in a 5,000-document workspace.
 */
function sectionTitles(doc: IsmsDocument): readonly string[] {
  let titles = sectionTitleCache.get(doc);
  if (!titles) {
    // "Internal Audit & Management Review" is a section on each.
    titles = doc.headings
      .map((h) => h.text.replace(/^[\d.]+\s*/, '').replace(/[:.]$/, '').trim())
      .flatMap((t) => (/\s(?:and|&|und|et|y)\s/i.test(t) ? [t, ...t.split(/\s+(?:and|&|und|et|y)\s+/i)] : [t]));
    sectionTitleCache.set(doc, titles);
  }
  return titles;
}

/** Documents that would provide the item but are empty shells (see LockerItem.content). */
export function emptyShells(item: LockerItem, docs: readonly IsmsDocument[]): IsmsDocument[] {
  if (!item.content || !item.types) return [];
  return docs.filter((d) => !isRetired(d) && d.type && item.types!.includes(d.type) && (!item.match || item.match(d)) && !item.content!.test(d));
}
