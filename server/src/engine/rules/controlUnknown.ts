import { ISO42001_2023, ISO42001_PREFIX, lookupLegacy } from '../catalogs/catalog';
import type { IsmsDocument, Range, Reference } from '../model';
import { contains, controlReferences, controlsColumnCells } from '../isms/risks';
import { readSoaRows } from '../isms/soa';
import type { DocumentRule } from './rule';

export const controlUnknown: DocumentRule = {
  code: 'control-unknown',
  family: 'references',
  scope: 'document',
  defaultSeverity: 'error',
  description:
    'A control reference names no control in any enabled catalog (ISO 27001:2022 Annex A, ISO 42001 if enabled, custom controls): an error in a field declared to hold control IDs (`controls:`, an SoA control cell, a risk register or treatment plan Controls column), at most a warning in prose, where the ID may belong to another standard.',
  fix: 'Correct the ID (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34), enable its catalog, or declare it under `customControls`.',
  check(doc, ctx) {
    const { catalogs } = ctx.workspace;
    const declared = declaredControlCells(doc);
    for (const ref of controlReferences(doc)) {
      if (catalogs.has(ref.id)) continue;
      // Only a field that is declared to hold control IDs makes an unknown ID certain; in prose it is a heuristic.
      const report = (message: string) => ctx.report({ range: ref.range, message, ...(isDeclared(ref, declared) ? {} : { atMost: 'warning' as const }) });
      if (ref.id.startsWith(ISO42001_PREFIX)) {
        const message = catalogs.isEnabled(ISO42001_2023)
          ? `${ref.id} is not an ISO/IEC 42001:2023 Annex A control.`
          : `${ref.raw} refers to ISO/IEC 42001, which is not enabled. Add \`iso42001-2023\` to \`catalogs\` in .isms.yaml.`;
        report(message);
        continue;
      }
      if (lookupLegacy(ref.id)) continue; // control-legacy-id reports it
      report(`${ref.raw} is not a control in ${describeCatalogs(ctx.workspace.catalogs.catalogs.map((c) => c.name))}.${hint(ref.id)}`);
    }
  },
};

/** The cells declared to hold control IDs: the SoA's control column and the Controls column of registers and plans. */
function declaredControlCells(doc: IsmsDocument): Range[] {
  return [...readSoaRows(doc).map((r) => r.controlRange), ...controlsColumnCells(doc).map((c) => c.range)];
}

function isDeclared(ref: Reference, cells: Range[]): boolean {
  return ref.source === 'controls' || cells.some((cell) => contains(cell, ref.range));
}

function describeCatalogs(names: string[]): string {
  return names.length ? names.join(' or ') : 'any enabled catalog';
}

/** Points at the valid range of the theme the ID seems to belong to. */
function hint(id: string): string {
  const m = /^A\.(\d+)\.(\d+)$/.exec(id);
  const last: Record<string, number> = { '5': 37, '6': 8, '7': 14, '8': 34 };
  if (m && last[m[1]]) return ` Annex A ${m[1]} runs from A.${m[1]}.1 to A.${m[1]}.${last[m[1]]}.`;
  return ' ISO/IEC 27001:2022 controls run from A.5.1 to A.8.34.';
}
