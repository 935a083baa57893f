// Requests behind the client's document commands: isms/markReviewed (the same edit as the review quick fixes:
// `last_reviewed` today and `next_review` moved on, or `reviewed_on` / `reviewed_by` for an exception) and
// isms/nextDocumentId (a free ID for "ISMS: New Document…"), and for "ISMS: New Risk…" isms/newRiskOptions (the
// registers, owners and scales to offer) and isms/appendRisk (the row appended to a register, as an edit).
import type { Feature } from './context';
import { ChangedOnDiskError, documentAt, editableTextSource, toWorkspaceEdit } from './shared';
import { onIsmsRequest, rootsFor } from './ismsRequests';
import { reviewerName } from './userName';
import { quickFixes } from '../engine/query/quickFixes';
import { nextDocumentId } from '../engine/query/ismsViews';
import { START_RANGE } from '../engine/model';
import { appendRiskRow, knownOwners, riskRegisterTargets } from '../engine/query/newRisk';

export const documentCommands: Feature = {
  capabilities: {},
  register(ctx) {
    onIsmsRequest(ctx, 'isms/markReviewed', async (params) => {
      const at = await documentAt(ctx, params.uri);
      if (!at) return { message: 'This file is not part of an ISMS workspace folder.' };
      if (!at.doc.frontmatter) return { message: 'This document has no frontmatter to record the review in.' };
      const code = at.doc.type === 'exception' ? 'exception-review-overdue' : 'review-overdue';
      const env = { today: ctx.today(), userName: () => reviewerName(ctx, at.root), textOf: editableTextSource(ctx, at.root) };
      let fix;
      try {
        [fix] = await quickFixes(at.root.workspace, at.doc, { code, range: START_RANGE }, env);
      } catch (e) {
        if (e instanceof ChangedOnDiskError) return { message: e.message };
        throw e;
      }
      if (!fix) return { message: 'The review dates of this document cannot be updated automatically (a field holds a list or block).' };
      return { title: fix.title, edit: toWorkspaceEdit(ctx, at.root, fix.edits) };
    });
    onIsmsRequest(ctx, 'isms/nextDocumentId', async (params) => {
      const [root] = await rootsFor(ctx, params.rootUri);
      const prefix = params.prefix.replace(/-+$/, '') || 'DOC';
      return { id: root ? nextDocumentId(root.workspace, prefix) : `${prefix}-001` };
    });
    onIsmsRequest(ctx, 'isms/newRiskOptions', async (params) => {
      const [root] = await rootsFor(ctx, params.rootUri);
      if (!root) return { registers: [], owners: [], nextRiskId: 'R-001' };
      return {
        registers: riskRegisterTargets(root.workspace).map((r) => ({ ...r, uri: ctx.roots.uriOf(root, r.path) })),
        owners: knownOwners(root.workspace),
        nextRiskId: nextDocumentId(root.workspace, 'R'),
      };
    });
    onIsmsRequest(ctx, 'isms/appendRisk', async (params) => {
      const at = await documentAt(ctx, params.uri);
      if (!at) return { message: 'This file is not part of an ISMS workspace folder.' };
      const values = { description: params.description, owner: params.owner, likelihood: params.likelihood, impact: params.impact, treatment: params.treatment };
      let result;
      try {
        result = await appendRiskRow(at.root.workspace, at.path, values, editableTextSource(ctx, at.root));
      } catch (e) {
        if (e instanceof ChangedOnDiskError) return { message: e.message };
        throw e;
      }
      if (!result) return { message: `${at.path} has no risk table to add a row to.` };
      return { id: result.id, line: result.line, edit: toWorkspaceEdit(ctx, at.root, [result.edit]) };
    });
  },
};
