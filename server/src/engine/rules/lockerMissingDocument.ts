import { START_RANGE, type IsmsDocument } from '../model';
import { emptyShells, LOCKER_ITEMS, providesIfLive } from '../isms/locker';
import { isRetired } from '../isms/status';
import type { WorkspaceRule } from './rule';

export const lockerMissingDocument: WorkspaceRule = {
  code: 'locker-missing-document',
  family: 'locker',
  scope: 'workspace',
  defaultSeverity: 'error',
  description:
    'The ISMS lacks documented information an ISO/IEC 27001:2022 auditor asks for (clauses 4 to 10, list in `mandatoryDocuments`): scope, information security policy, risk methodology, SoA, risk register, treatment plan, objectives, competence, audit and review records, and so on. An empty shell (a treatment plan without rows, objectives without an objective, an SoA without its control table) does not count; the message names it. Reported on the workspace.',
  fix: 'Add the document named in the message (with the `type` it names, or listing the clause under `clauses:` in its frontmatter), or drop the item from `mandatoryDocuments`.',
  check(ctx) {
    const docs = ctx.workspace.ismsDocuments();
    if (docs.length === 0) return; // a folder of plain notes is not an empty ISMS
    const wanted = new Set(ctx.workspace.config.mandatoryDocuments);
    // Status and type once per document, not once per document and item (see providesIfLive); read only when an
    // item is wanted, as before.
    let live: { doc: IsmsDocument; type: IsmsDocument['type'] }[] | undefined;
    for (const item of LOCKER_ITEMS) {
      if (!wanted.has(item.key)) continue;
      live ??= docs.filter((d) => !isRetired(d)).map((doc) => ({ doc, type: doc.type }));
      if (live.some(({ doc, type }) => providesIfLive(item, doc, type))) continue;
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
