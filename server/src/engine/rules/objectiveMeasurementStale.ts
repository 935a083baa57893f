import { readObjectives } from '../isms/objectives';
import { isRetired } from '../isms/status';
import { addCycle, formatIsoDate } from '../util/dates';
import type { DocumentRule } from './rule';

export const objectiveMeasurementStale: DocumentRule = {
  code: 'objective-measurement-stale',
  family: 'objectives',
  scope: 'document',
  defaultSeverity: 'warning',
  description: "An objective's last measurement (`measured_on`, or a Last measured column or line) is older than its measurement frequency (a Frequency column, or `measurement_frequency:`).",
  fix: 'Measure the objective and record the result and date, or correct the frequency.',
  check(doc, ctx) {
    if (doc.type !== 'objectives' || isRetired(doc)) return;
    for (const o of readObjectives(doc)) {
      if (!o.cycle || o.measuredOn === undefined) continue;
      const due = addCycle(o.measuredOn, o.cycle);
      if (due >= ctx.today) continue;
      const days = ctx.today - due;
      ctx.report({
        range: o.measuredRange ?? o.range,
        message: `Objective ${o.id ? `${o.id} ` : ''}was last measured on ${formatIsoDate(o.measuredOn)}; measured ${o.frequency}, the next measurement was due by ${formatIsoDate(due)}, ${days} day${days === 1 ? '' : 's'} ago.`,
        data: { objective: o.id ?? o.title, due: formatIsoDate(due) },
      });
    }
  },
};
