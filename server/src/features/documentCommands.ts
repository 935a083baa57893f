// Requests behind the client's document commands: isms/markReviewed (the same edit as the review quick fixes:
// `last_reviewed` today and `next_review` moved on, or `reviewed_on` / `reviewed_by` for an exception) and
// isms/nextDocumentId (a free ID for "ISMS: New Document…").
import type { Feature } from './context';
import { ChangedOnDiskError, documentAt, editableTextSource, toWorkspaceEdit } from './shared';
import { onIsmsRequest, rootsFor } from './ismsRequests';
import { reviewerName } from './userName';
import { quickFixes } from '../engine/query/quickFixes';
import { nextDocumentId } from '../engine/query/ismsViews';
import { START_RANGE } from '../engine/model';

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
  },
};
