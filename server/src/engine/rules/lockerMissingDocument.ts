import { START_RANGE } from '../model';
import { LOCKER_ITEMS, provides } from '../isms/locker';
import type { WorkspaceRule } from './rule';

export const lockerMissingDocument: WorkspaceRule = {
  code: 'locker-missing-document',
  family: 'locker',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    'The ISMS lacks documented information an ISO/IEC 27001:2022 auditor asks for (clauses 4 to 10, list in `mandatoryDocuments`): scope, information security policy, risk methodology, SoA, risk register, treatment plan, objectives, competence, audit and review records, and so on. Reported on the workspace.',
  fix: 'Add the document named in the message (with the `type` it names, or listing the clause under `clauses:` in its frontmatter), or drop the item from `mandatoryDocuments`.',
  check(ctx) {
    const docs = ctx.workspace.ismsDocuments();
    if (docs.length === 0) return; // a folder of plain notes is not an empty ISMS
    const wanted = new Set(ctx.workspace.config.mandatoryDocuments);
    for (const item of LOCKER_ITEMS) {
      if (!wanted.has(item.key) || docs.some((d) => provides(item, d))) continue;
      ctx.report({
        path: '.',
        range: START_RANGE,
        message: `The ISMS has no ${item.title} (ISO/IEC 27001:2022 clause ${item.clause}), which an auditor will ask for. Add ${item.add}.`,
        data: { item: item.key, clause: item.clause },
      });
    }
  },
};
