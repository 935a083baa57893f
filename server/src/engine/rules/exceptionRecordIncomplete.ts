import type { IsmsDocument } from '../model';
import { exceptionKind, openedAt } from '../isms/exceptions';
import { MS_PER_DAY } from '../util/dates';
import { hasValue, isDraft, isRetired } from '../isms/status';
import type { DocumentRule } from './rule';
import { documentAnchor, fieldRange } from './helpers';

/** A ticket is a URL or a tracker ID such as `ENG-1234` or `#4471`. */
export const TICKET = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|[A-Za-z][A-Za-z0-9_]*-\d+|#\d+)$/;

export function isBreakGlass(doc: IsmsDocument): boolean {
  const kind = exceptionKind(doc);
  return doc.type === 'exception' && (kind === 'break-glass' || kind === 'breakglass' || kind === 'emergency-access');
}

const FIELDS = [
  { key: 'ticket', what: 'the ticket that records the use (`ticket: ENG-1234` or its URL)' },
  { key: 'used_by', what: 'who used the emergency access (`used_by:`)' },
  { key: 'reason', what: 'why it was needed (`reason:`)' },
] as const;

export const exceptionRecordIncomplete: DocumentRule = {
  code: 'exception-record-incomplete',
  family: 'exceptions',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A break-glass record (`type: exception`, `kind: break-glass`) has no `ticket:` (a URL or a ticket ID such as `ENG-1234`), no `used_by:` or no `reason:`. A draft record is checked once its review is due (`exceptionReviewHours` after `opened`).',
  fix: 'Add the missing field to the record\'s frontmatter: the ticket raised for the use, who used the access, and why.',
  check(doc, ctx) {
    if (!isBreakGlass(doc) || isRetired(doc)) return;
    // A draft being written during the emergency gets until its review is due (exceptionReviewHours).
    const opened = openedAt(doc);
    if (isDraft(doc) && opened !== undefined && ctx.today * MS_PER_DAY <= opened + ctx.workspace.config.exceptionReviewHours * 3_600_000) return;
    const data = doc.frontmatter?.data ?? {};
    for (const field of FIELDS) {
      const present = hasValue(doc, field.key);
      const tickets = field.key === 'ticket' && present ? (Array.isArray(data.ticket) ? data.ticket : [data.ticket]).map((t) => String(t).trim()) : [];
      if (present && (field.key !== 'ticket' || tickets.some((t) => TICKET.test(t)))) continue;
      ctx.report({
        range: present ? fieldRange(doc, field.key) : documentAnchor(doc),
        message: present
          ? `Break-glass record ${doc.id ?? doc.path} has \`ticket: ${tickets.join(', ')}\`, which is neither a URL nor a ticket ID such as ENG-1234. Name the ticket so the use can be traced.`
          : `Break-glass record ${doc.id ?? doc.path} does not say ${field.what}. Without it the emergency use cannot be traced.`,
        data: { field: field.key },
      });
    }
  },
};
