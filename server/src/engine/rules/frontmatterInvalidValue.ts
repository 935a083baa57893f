import { DOCUMENT_STATUSES } from '../model';
import { CYCLE_NAMES, parseCycle, parseIsoDate, parseIsoDateTime } from '../util/dates';
import type { DocumentRule } from './rule';
import { code, fieldRange } from './helpers';
import { whereField } from '../adopt/metadata';

import { DATE_FIELDS } from '../adopt/vocabulary';
export const SCALAR_FIELDS = ['id', 'title', 'owner', 'version', 'approved_by', 'reviewed_by'];
export const LIST_FIELDS = ['controls', 'risks', 'related', 'evidence'];

export const frontmatterInvalidValue: DocumentRule = {
  code: 'frontmatter-invalid-value',
  family: 'frontmatter',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A frontmatter value has the wrong form: a date that is not a real YYYY-MM-DD day, an unknown `review_cycle` or `status`, or a list where text is expected.',
  fix: 'Write dates as YYYY-MM-DD, `review_cycle` as monthly/quarterly/semiannual/annual or P90D, `status` as draft/approved/retired.',
  check(doc, ctx) {
    const data = doc.frontmatter?.data;
    if (!data) return;
    // Every message says where the value lives: the frontmatter, a Document Control table, a blockquote header...
    const bad = (key: string, message: string) => ctx.report({ range: fieldRange(doc, key), message: message.replace(/^(`[^`]+`)/, `$1 ${whereField(doc, key)}`), data: { field: key } });
    for (const key of DATE_FIELDS) {
      const v = data[key];
      if (v === undefined || v === null || v === '') continue;
      if (parseIsoDate(v) === undefined) bad(key, `${code(key)} is ${JSON.stringify(v)}, which is not a calendar date. Write it as YYYY-MM-DD, e.g. 2026-03-31.`);
    }
    const opened = data.opened;
    if (opened !== undefined && opened !== null && opened !== '' && parseIsoDateTime(opened) === undefined) {
      bad('opened', `${code('opened')} is ${JSON.stringify(opened)}, which is not an ISO 8601 date-time. Write it as 2026-03-14T02:10:00Z.`);
    }
    const cycle = data.review_cycle;
    if (cycle !== undefined && cycle !== null && cycle !== '' && parseCycle(cycle) === undefined) {
      bad('review_cycle', `${code('review_cycle')} ${JSON.stringify(cycle)} is not a known cycle. Use ${CYCLE_NAMES.join(', ')} or an ISO 8601 duration such as P90D.`);
    }
    const status = data.status;
    if (status !== undefined && status !== null && !(DOCUMENT_STATUSES as readonly string[]).includes(String(status).trim().toLowerCase())) {
      bad('status', `${code('status')} ${JSON.stringify(status)} is not a known status. Use ${DOCUMENT_STATUSES.join(', ')}.`);
    }
    for (const key of SCALAR_FIELDS) {
      const v = data[key];
      if (v !== null && typeof v === 'object') bad(key, `${code(key)} must be a single value, not a ${Array.isArray(v) ? 'list' : 'mapping'}.`);
    }
    for (const key of LIST_FIELDS) {
      const v = data[key];
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) bad(key, `${code(key)} must be a list (\`- item\` lines) or a comma-separated string, not a mapping.`);
    }
  },
};
