import { lookupLegacy } from '../catalogs/catalog';
import { contains, controlReferences } from '../isms/risks';
import { legacySoaTableRanges } from '../isms/soa';
import type { DocumentRule } from './rule';

export const controlLegacyId: DocumentRule = {
  code: 'control-legacy-id',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'A reference uses an ISO 27001:2013 control, category or domain ID (such as A.12.6.1, or A.7.1 written with its 2013 title "Prior to employment"), withdrawn since the 2022 revision. Rows of a 2013 SoA table are reported once, by `soa-legacy-2013`.',
  fix: 'Replace it with the 2022 control(s) named in the message (the quick fix does this).',
  check(doc, ctx) {
    const { catalogs } = ctx.workspace;
    const legacyTables = legacySoaTableRanges(doc);
    for (const ref of controlReferences(doc)) {
      // A.7.1 written with its 2013 title ("Prior to employment") is the 2013 objective, not the 2022 control.
      if (catalogs.has(ref.id) && ref.edition !== '2013') continue;
      const legacy = lookupLegacy(ref.id);
      if (!legacy) continue;
      if (legacyTables.some((t) => contains(t, ref.range))) continue;
      const targets = legacy.newIds.map((id) => `${id} ${catalogs.get(id)?.title ?? ''}`.trim());
      ctx.report({
        range: ref.range,
        message: `${ref.raw} is an ISO/IEC 27001:2013 ID (${legacy.title}). In the 2022 Annex A it is ${targets.join('; ')}.`,
        data: { replacements: legacy.newIds },
      });
    }
  },
};
