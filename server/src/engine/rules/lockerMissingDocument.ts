import { START_RANGE } from '../model';
import { emptyShells, LOCKER_ITEMS, provides } from '../isms/locker';
import type { WorkspaceRule } from './rule';
import { STEP_DOCUMENTS } from '../util/steps';

export const lockerMissingDocument: WorkspaceRule = {
  code: 'locker-missing-document',
  family: 'locker',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    'The ISMS lacks documented information an ISO/IEC 27001:2022 auditor asks for (clauses 4 to 10, list in `mandatoryDocuments`): scope, information security policy, risk methodology, SoA, risk register, treatment plan, objectives, competence, audit and review records, and so on. An empty shell (a treatment plan without rows, objectives without an objective, an SoA without its control table) does not count; the message names it. Reported on the workspace.',
  fix: 'Add the document named in the message (with the `type` it names, or listing the clause under `clauses:` in its frontmatter), or drop the item from `mandatoryDocuments`.',
  *check(ctx) {
    const docs = ctx.workspace.ismsDocuments();
    if (docs.length === 0) return; // a folder of plain notes is not an empty ISMS
    const wanted = new Set(ctx.workspace.config.mandatoryDocuments);
    // Pauses every so many documents asked: an item nothing provides is asked of every document (cheap once cached
    // per document, 150-250 ms in all on 5,000 documents the first time).
    let asked = 0;
    for (const item of LOCKER_ITEMS) {
      if (!wanted.has(item.key)) continue;
      let found = false;
      for (let i = 0; i < docs.length && !found; i++) {
        found = provides(item, docs[i]);
        if (++asked % STEP_DOCUMENTS === 0) yield;
      }
      if (found) continue;
      const shells = emptyShells(item, docs);
      const shell = shells.length
        ? ` ${shells.map((d) => `${d.id ?? d.path} (${d.path})`).join(', ')} ${shells.length === 1 ? 'has' : 'have'} the type but ${item.content!.what}: an empty shell is not evidence.`
        : '';
      ctx.report({
        path: '.',
        range: START_RANGE,
        message: `The ISMS has no ${item.title} (ISO/IEC 27001:2022 clause ${item.clause}), which an auditor will ask for.${shell} ${shells.length ? 'Fill it in, or add' : 'Add'} ${item.add}.`,
        data: { item: item.key, clause: item.clause, ...(shells.length ? { shells: shells.map((d) => d.path) } : {}) },
      });
    }
  },
};
