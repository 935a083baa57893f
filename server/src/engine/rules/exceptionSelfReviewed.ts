import { personKeys, personName } from '../isms/sections';
import { isRetired } from '../isms/status';
import { isBreakGlass } from './exceptionRecordIncomplete';
import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';

export const exceptionSelfReviewed: DocumentRule = {
  code: 'exception-self-reviewed',
  family: 'exceptions',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A break-glass record\'s `reviewed_by` is the person in `used_by`: nobody independent reviewed the emergency use (segregation of duties, Annex A 5.3). Names compare ignoring case and a role in parentheses.',
  fix: 'Have someone other than the user review the use (the head of engineering, say) and record them in `reviewed_by`.',
  check(doc, ctx) {
    if (!isBreakGlass(doc) || isRetired(doc)) return;
    const data = doc.frontmatter?.data ?? {};
    const usedBy = (Array.isArray(data.used_by) ? data.used_by : [data.used_by]).map(personName).filter(Boolean);
    const reviewer = personName(data.reviewed_by);
    if (!reviewer || !usedBy.includes(reviewer)) return;
    ctx.report({
      range: fieldRange(doc, 'reviewed_by'),
      message: `Break-glass record ${doc.id ?? doc.path} was reviewed by ${String(data.reviewed_by).trim()}, who is also the person who used the access (\`used_by\`). The review must be done by someone else (segregation of duties, Annex A 5.3).`,
      data: { person: reviewer, keys: personKeys(data.reviewed_by) },
    });
  },
};
