import type { WorkspaceRule } from './rule';
import { fieldRange, templateAmong } from './helpers';
import { sameRisk, type Risk } from '../isms/risks';

const short = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text);

export const duplicateId: WorkspaceRule = {
  code: 'duplicate-id',
  family: 'frontmatter',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'Two documents declare the same `id` (translations, differing in `lang` or a language suffix or folder, may share one), or one risk ID names two different risks (a risk shown again with the same description, in a filtered view or a treatment table, is the same risk), so references to it are ambiguous.',
  fix: 'Give one of them a new, unused ID (rename updates its references).',
  check(ctx) {
    for (const [id, docs] of ctx.workspace.documentIds()) {
      if (docs.length < 2) continue;
      for (const doc of docs) {
        // Translations share an ID: documents in different languages are one document, not duplicates.
        const others = docs.filter((d) => d !== doc && !(d.lang && doc.lang && d.lang !== doc.lang)).map((d) => d.path);
        if (!others.length) continue;
        const template = templateAmong(ctx, [doc.path, ...others]);
        ctx.report({ path: doc.path, range: fieldRange(doc, 'id'), message: `Document ID ${id} is also used by ${others.join(', ')}. IDs must be unique across the ISMS.${template.note}`, atMost: template.atMost });
      }
    }
    // A risk shown again with the same description (a filtered view, a treatment table, the assessment and
    // the register) is one risk; the same ID for a different risk is reported once per pair, at the later one.
    // A template's copy of a risk comes last, so that it is the one reported.
    const inTemplate = (path: string) => (ctx.workspace.getDocument(path)?.template ? 1 : 0);
    for (const [id, risks] of ctx.workspace.risks()) {
      if (risks.length < 2) continue;
      const distinct: Risk[] = [];
      for (const risk of [...risks].sort((a, b) => inTemplate(a.path) - inTemplate(b.path))) {
        const first = distinct[0];
        if (distinct.some((d) => sameRisk(d, risk))) continue;
        distinct.push(risk);
        if (!first) continue;
        const what = (r: Risk) => (r.description ? ` ("${short(r.description)}")` : '');
        const template = templateAmong(ctx, [risk.path, first.path]);
        ctx.report({
          path: risk.path,
          range: risk.idRange,
          atMost: template.atMost,
          message: `Risk ${id}${what(risk)} is also defined at ${first.path}:${first.idRange.start.line + 1}${what(first)}, as a different risk. Risk IDs must be unique: give one of them a new ID.${template.note}`,
          data: { riskId: id, other: { path: first.path, line: first.idRange.start.line + 1 } },
        });
      }
    }
  },
};
