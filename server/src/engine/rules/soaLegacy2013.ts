import { BUILTIN_CATALOGS, ISO27001_2022, LEGACY_MAPPINGS } from '../catalogs/catalog';
import { readSoaTables } from '../isms/soa';
import type { DocumentRule } from './rule';

/** 2022 controls no 2013 control maps to (the new ones, such as A.5.7 Threat intelligence). */
const NEW_IN_2022 = (() => {
  const mapped = new Set(LEGACY_MAPPINGS.flatMap((m) => m.newIds));
  return BUILTIN_CATALOGS.get(ISO27001_2022)!.controls.filter((c) => !mapped.has(c.id));
})();

export const soaLegacy2013: DocumentRule = {
  code: 'soa-legacy-2013',
  family: 'soa',
  scope: 'document',
  defaultSeverity: 'warning',
  description:
    'The Statement of Applicability is an ISO/IEC 27001:2013 one (most rows carry 2013 IDs such as A.9.2.1). Reported once per table, with the 2013 → 2022 mapping, instead of once per row.',
  fix: 'Rewrite the SoA against the 93 controls of ISO/IEC 27001:2022 Annex A (A.5.1–A.8.34), using the mapping in the finding; add the controls that are new in 2022.',
  check(doc, ctx) {
    for (const table of readSoaTables(doc)) {
      if (!table.legacy) continue;
      const mapping = table.legacy.map((m) => ({ id: m.id, title: m.title, newIds: m.newIds }));
      ctx.report({
        range: table.headerRange,
        message:
          `This Statement of Applicability uses ISO/IEC 27001:2013 Annex A (${mapping.length} of ${table.rows.length} rows carry 2013 IDs, ${mapping[0].id} … ${mapping[mapping.length - 1].id}). ` +
          'The 2013 edition was withdrawn and certificates to it expired on 2025-10-31. Rewrite the SoA against the 93 controls of ISO/IEC 27001:2022 (A.5.1–A.8.34): ' +
          `the mapping of each 2013 control to its 2022 control(s) comes with this finding, and ${NEW_IN_2022.length} controls are new in 2022 (${NEW_IN_2022.map((c) => c.id).join(', ')}).`,
        data: { mapping, newControls: NEW_IN_2022.map((c) => ({ id: c.id, title: c.title })) },
      });
    }
  },
};
