import { personKeys } from '../isms/sections';
import type { DocumentRule } from './rule';
import { fieldRange } from './helpers';

export const auditIndependence: DocumentRule = {
  code: 'audit-independence',
  family: 'reviews',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'The `auditor:` of an internal audit is also the `owner:` of a document the audit lists under `audited:`: auditors must not audit their own work (clause 9.2.2). Names and roles in parentheses are compared ignoring case.',
  fix: 'Have that document audited by someone independent of it, or take it out of this audit\'s `audited:` list.',
  check(doc, ctx) {
    if (doc.type !== 'audit') return;
    const data = doc.frontmatter?.data ?? {};
    const auditors = (Array.isArray(data.auditor) ? data.auditor : [data.auditor]).flatMap(personKeys);
    if (auditors.length === 0) return;
    const audited = doc.frontmatter?.items.get('audited') ?? [];
    for (const item of audited) {
      const id = String(item.value ?? '').trim();
      for (const target of ctx.workspace.documentsWithId(id)) {
        const owner = target.frontmatter?.data.owner;
        const shared = personKeys(owner).find((k) => auditors.includes(k));
        if (!shared) continue;
        ctx.report({
          range: item.range ?? fieldRange(doc, 'audited'),
          message: `The auditor (${String(data.auditor)}) audits ${id} (${target.path}), which they own (owner: ${String(owner)}). Auditors must not audit their own work (clause 9.2.2).`,
          data: { document: id, auditor: String(data.auditor) },
        });
      }
    }
  },
};
