import { readObjectives } from '../isms/objectives';
import { isRetired } from '../isms/status';
import type { DocumentRule } from './rule';

export const objectiveNotMeasurable: DocumentRule = {
  code: 'objective-not-measurable',
  family: 'objectives',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'An information security objective (a row of the objectives table, or a section of a `type: objectives` document) has no measure and target, no owner, or no due date (clause 6.2).',
  fix: 'Give the objective a measure with a target ("95% of … within 30 days"), an owner and a date (or a cadence for ongoing objectives).',
  check(doc, ctx) {
    if (doc.type !== 'objectives' || isRetired(doc)) return;
    for (const o of readObjectives(doc)) {
      const missing: string[] = [];
      if (!o.measure && !o.target) missing.push('measure and target');
      if (!o.owner) missing.push('owner');
      if (!o.due) missing.push('due date');
      if (missing.length === 0) continue;
      ctx.report({
        range: o.range,
        message: `Objective ${o.id ? `${o.id} ` : ''}"${o.title.length > 60 ? o.title.slice(0, 57) + '…' : o.title}" has no ${missing.join(', no ')}. Clause 6.2 asks for objectives that are measurable, with who is responsible and when they will be completed.`,
        data: { missing, objective: o.id ?? o.title },
      });
    }
  },
};
