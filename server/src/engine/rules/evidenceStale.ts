import type { IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { findColumn } from '../parse/tables';
import { readSoaTables } from '../isms/soa';
import { frequencyCycle } from '../isms/objectives';
import { addCycle, formatIsoDate, parseIsoDate, type Cycle } from '../util/dates';
import { isMarkdownPath } from '../workspace/workspace';
import type { DocumentRule } from './rule';
import { resolveLink } from './helpers';

const CADENCE_COLUMNS = ['frequency', 'cadence', 'evidence frequency', 'review frequency', 'periodicity', 'häufigkeit', 'turnus', 'fréquence', 'périodicité', 'frecuencia', 'periodicidad', 'frequentie', 'frequenza', '頻度'];

export interface RecurringEvidence {
  /** Workspace-relative path of the evidence. */
  target: string;
  range: Range;
  cadence: string;
  cycle: Cycle;
  /** What needs it, for the message: `A.5.18 in the SoA`, `PRO-002`. */
  owner: string;
}

/** Evidence that must recur: SoA rows with a Frequency/Cadence cell, and `evidence:` entries of a document with `cadence:`. */
export function recurringEvidence(doc: IsmsDocument, siteRoot = ''): RecurringEvidence[] {
  const found: RecurringEvidence[] = [];
  for (const table of readSoaTables(doc)) {
    const source = doc.tables.find((t) => t.range.start.line === table.range.start.line);
    const column = source ? findColumn(source, CADENCE_COLUMNS) : -1;
    if (!source || column < 0) continue;
    for (const row of table.rows) {
      const cells = source.rows.find((r) => r.range.start.line === row.range.start.line)?.cells;
      const cadence = cells?.[column]?.text.trim();
      const cycle = frequencyCycle(cadence);
      if (!cadence || !cycle || row.applicable === false) continue;
      for (const link of row.evidenceLinks) {
        const resolved = resolveLink(doc.path, link.target, siteRoot);
        if (resolved?.path) found.push({ target: resolved.path, range: link.range, cadence, cycle, owner: `${row.controlId} in the SoA` });
      }
    }
  }
  const cadence = doc.frontmatter?.data.cadence;
  const cycle = typeof cadence === 'string' ? frequencyCycle(cadence) : undefined;
  if (cycle) {
    for (const item of doc.frontmatter?.items.get('evidence') ?? []) {
      if (typeof item.value !== 'string') continue;
      const resolved = resolveLink(doc.path, item.value, siteRoot);
      if (resolved?.path) found.push({ target: resolved.path, range: item.range, cadence: String(cadence), cycle, owner: doc.id ?? doc.path });
    }
  }
  return found;
}

/** When a piece of evidence was produced: a Markdown record's `date`, else the file's last commit. */
export function evidenceDate(workspace: IsmsWorkspace, path: string): { day: number; basis: string } | undefined {
  if (isMarkdownPath(path)) {
    const record = workspace.getDocument(path);
    const date = parseIsoDate(record?.frontmatter?.data.date);
    if (date !== undefined) return { day: date, basis: 'its `date`' };
  }
  const committed = workspace.fileDate(path);
  return committed !== undefined ? { day: committed, basis: 'its last commit' } : undefined;
}

/** Recurring evidence whose age is unknown (no git history, no `date`): skipped by evidence-stale, noted by the CLI. */
export function undatedEvidence(workspace: IsmsWorkspace): string[] {
  const paths = new Set<string>();
  for (const doc of workspace.ismsDocuments()) for (const e of recurringEvidence(doc, workspace.config.siteRoot)) if (workspace.hasFile(e.target) && !evidenceDate(workspace, e.target)) paths.add(e.target);
  return [...paths].sort();
}

export const evidenceStale: DocumentRule = {
  code: 'evidence-stale',
  family: 'staleness',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'Evidence that must recur is older than its cadence: an SoA row with a Frequency/Cadence cell, or an `evidence:` entry of a document with `cadence: quarterly`, whose evidence was last committed (git) or dated (a record\'s `date`) more than one interval ago. Evidence with neither is skipped (the CLI notes it).',
  fix: 'Produce the evidence for the current period (run the review, export the report) and link it, or correct the cadence.',
  check(doc, ctx) {
    for (const e of recurringEvidence(doc, ctx.workspace.config.siteRoot)) {
      if (!ctx.workspace.hasFile(e.target)) continue; // evidence-missing / link-broken report it
      const date = evidenceDate(ctx.workspace, e.target);
      if (!date) continue;
      const due = addCycle(date.day, e.cycle);
      if (due >= ctx.today) continue;
      const months = Math.round((ctx.today - date.day) / 30.4);
      ctx.report({
        range: e.range,
        message: `Evidence ${e.target} for ${e.owner} must recur ${e.cadence}, but ${date.basis} is ${formatIsoDate(date.day)} (about ${months} month${months === 1 ? '' : 's'} ago); newer evidence was due by ${formatIsoDate(due)}.`,
        data: { target: e.target, date: formatIsoDate(date.day), due: formatIsoDate(due) },
      });
    }
  },
};
