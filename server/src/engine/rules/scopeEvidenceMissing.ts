import { hasValue, isDraft } from '../isms/status';
import type { DocumentRule } from './rule';
import { documentAnchor } from './helpers';
import { findLinkTarget } from '../workspace/linkTarget';
import { approvalEvidence, recordsApprovals } from './scopeApprovalMissing';

/** Registers an ISMS keeps as documents; an ISMS with none of them keeps its registers in other tools. */
const REGISTER_TYPES: ReadonlySet<string> = new Set(['risk-register', 'soa', 'supplier-register', 'asset-inventory', 'action-log']);

const DIAGRAM_FILE = /\.(?:png|jpe?g|gif|svg|webp|drawio|dio|vsdx?|puml|plantuml|mmd|mermaid|excalidraw|pdf)$/i;
const ASSET_EXPORT = /asset|inventory|inventar|inventaire|inventario|cmdb|資産/i;

export const scopeEvidenceMissing: DocumentRule = {
  code: 'scope-evidence-missing',
  family: 'scope',
  scope: 'document',
  defaultSeverity: 'info',
  description:
    'The scope links no architecture or network diagram (an image or diagram file), there is no asset inventory (an `asset-inventory` document or a linked export), or nothing records its approval by top management (management review minutes or a record that refer to the scope\'s `id`, or `approval_record:`). Not reported on a draft scope; the asset inventory is not asked for where no register is kept as a document, nor the approval record where no document records an approval.',
  fix: 'Link the diagram and the asset inventory from the scope, and record the approval: minutes that mention the scope ID, or `approval_record:` naming them.',
  check(doc, ctx) {
    if (doc.type !== 'scope' || isDraft(doc)) return; // a draft is not approved yet
    const missing: { key: string; what: string }[] = [];
    const targets = doc.links.map((l) => {
      const found = findLinkTarget(ctx.workspace, doc.path, l.target);
      return { link: l, resolved: found.kind === 'file' || found.kind === 'excluded' ? { path: found.path } : undefined };
    });
    const diagram = targets.some(({ link, resolved }) => link.image || DIAGRAM_FILE.test(resolved?.path ?? link.target));
    if (!diagram) missing.push({ key: 'diagram', what: 'an architecture or network diagram (link an image or diagram file)' });
    const docs = ctx.workspace.ismsDocuments();
    const inventory =
      docs.some((d) => d.type === 'asset-inventory') ||
      targets.some(({ resolved, link }) => {
        const path = resolved?.path ?? link.target;
        const target = resolved?.path ? ctx.workspace.getDocument(resolved.path) : undefined;
        return target?.type === 'asset-inventory' || (!/\.(md|markdown)$/i.test(path) && ASSET_EXPORT.test(path));
      });
    // No register kept as a document at all: the asset inventory is in another tool, like the other registers.
    if (!inventory && docs.some((d) => REGISTER_TYPES.has(d.type ?? ''))) missing.push({ key: 'asset-inventory', what: 'an asset inventory (an `asset-inventory` document, or a link to an inventory export)' });
    const approval =
      hasValue(doc, 'approval_record') ||
      (doc.id !== undefined &&
        ctx.workspace.referencesTo('document', doc.id).some(({ doc: d }) => {
          const type = d.path !== doc.path ? ctx.workspace.getDocument(d.path)?.type : undefined; // records its facet
          return type === 'management-review' || type === 'record';
        }));
    // No document records an approval at all and the scope has no approval section: approvals are kept elsewhere.
    if (!approval && (recordsApprovals(ctx.workspace) || approvalEvidence(doc).section)) missing.push({ key: 'approval-record', what: `a record of its approval by top management (management review minutes or a record mentioning ${doc.id ?? 'its ID'}, or \`approval_record:\`)` });
    for (const m of missing) {
      ctx.report({ range: documentAnchor(doc), message: `The scope has no evidence an auditor samples: ${m.what}.`, data: { missing: m.key } });
    }
  },
};
