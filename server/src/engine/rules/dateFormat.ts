import type { DocumentRule } from './rule';
import { code, fieldRange } from './helpers';
import { whereField } from '../adopt/metadata';

export const dateFormat: DocumentRule = {
  code: 'date-format',
  family: 'frontmatter',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A date written other than YYYY-MM-DD (15/01/2026, 15.01.2026, 15 January 2026) was read as a calendar day: the finding shows the date as read, and says when day and month could be the other way round.',
  fix: 'Check the date as read; write it as YYYY-MM-DD, or set `dateFormat` (DD/MM/YYYY or MM/DD/YYYY) to say how your dates are written.',
  check(doc, ctx) {
    const fm = doc.frontmatter;
    const declared = ctx.workspace.config.dateFormat !== 'auto';
    for (const [key, w] of fm?.written ?? []) {
      const read = fm!.data[key];
      // Only dates written another way; an ISO date followed by a remark ("2027-08-05, or earlier") was read as written.
      if (typeof read !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(read) || String(w.value).trim().startsWith(read)) continue;
      // Numeric dates in the configured format are the workspace's own convention.
      if (declared && /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/.test(String(w.value))) continue;
      const doubt = w.ambiguous ? ' Day and month could be the other way round: set `dateFormat` (DD/MM/YYYY or MM/DD/YYYY) if this is wrong.' : '';
      ctx.report({
        range: fieldRange(doc, key),
        message: `${code(key)} ${whereField(doc, key)} is written ${JSON.stringify(String(w.value))}, read as ${read}.${doubt} Write it as ${read} to remove any doubt.`,
        data: { field: key, read },
      });
    }
  },
};
