// Quick fixes for the engine's findings, keyed on diagnostic codes; the diagnostic's `data` (sent back by the
// client, else looked up in the latest check) says what to insert or replace.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Feature } from './context';
import { ChangedOnDiskError, documentAt, editableTextSource, toWorkspaceEdit } from './shared';
import { reviewerName } from './userName';
import { FIXABLE_CODES, addSoaRows, insertAllScopeSections, quickFixes } from '../engine/query/quickFixes';
import { sameRange } from '../engine/query/text';

const fixable = new Set<string>(FIXABLE_CODES);

export const codeActions: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.connection.onCodeAction(async (params) => {
      try {
        return await actionsFor(params);
      } catch (e) {
        // Shown by the editor as the reason the fix is unavailable, instead of an edit built on stale positions.
        if (e instanceof ChangedOnDiskError) {
          return ctx.clientCapabilities().textDocument?.codeAction?.disabledSupport ? [{ title: 'Quick fix unavailable', kind: CodeActionKind.QuickFix, disabled: { reason: e.message } }] : [];
        }
        throw e;
      }
    });

    async function actionsFor(params: CodeActionParams): Promise<CodeAction[] | null> {
      const only = params.context.only;
      if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return null;
      const at = await documentAt(ctx, params.textDocument.uri);
      if (!at) return null;
      const latest = ctx.diagnostics.latest.get(params.textDocument.uri) ?? [];
      const env = { today: ctx.today(), userName: () => reviewerName(ctx, at.root), textOf: editableTextSource(ctx, at.root) };
      const actions: CodeAction[] = [];
      const scopeMissing: Diagnostic[] = [];
      const soaMissing: Diagnostic[] = [];
      for (const diagnostic of params.context.diagnostics) {
        const code = String(diagnostic.code ?? '');
        if (!fixable.has(code) || (diagnostic.source !== undefined && diagnostic.source !== 'isms')) continue;
        // Some clients drop `data`; the latest check has it.
        const data = diagnostic.data ?? latest.find((d) => d.code === code && sameRange(d.range, diagnostic.range))?.data;
        for (const fix of await quickFixes(at.root.workspace, at.doc, { code, range: diagnostic.range, data }, env)) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: toWorkspaceEdit(ctx, at.root, fix.edits) });
        }
        if (code === 'scope-missing-section') scopeMissing.push(diagnostic);
        if (code === 'soa-control-missing') soaMissing.push(diagnostic);
      }
      // One action for all findings of a kind in this document, when there are several.
      const allOf = (code: string, key: string) => latest.filter((d) => d.code === code && typeof d.data?.[key] === 'string').map((d) => String(d.data![key]));
      const sections = allOf('scope-missing-section', 'section');
      if (scopeMissing.length > 0 && sections.length > 1) {
        const edit = await insertAllScopeSections(at.doc, sections, env.textOf);
        if (edit) actions.push({ title: `Insert all ${sections.length} missing scope sections`, kind: CodeActionKind.QuickFix, diagnostics: scopeMissing, edit: toWorkspaceEdit(ctx, at.root, [edit]) });
      }
      const controls = allOf('soa-control-missing', 'controlId');
      if (soaMissing.length > 0 && controls.length > 1) {
        const edit = await addSoaRows(at.root.workspace, at.doc, controls, env.textOf);
        if (edit) actions.push({ title: `Add rows for all ${controls.length} missing controls to the SoA`, kind: CodeActionKind.QuickFix, diagnostics: soaMissing, edit: toWorkspaceEdit(ctx, at.root, [edit]) });
      }
      return actions;
    }
  },
};
