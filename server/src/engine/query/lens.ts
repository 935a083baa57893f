// Code lenses: "referenced by N documents / M risks" above each SoA row and risk row.
import type { IsmsDocument, Range } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import { readSoaRows } from '../isms/soa';
import { readRisks } from '../isms/risks';
import { usageOf, referencesOf } from './navigation';
import type { Location } from './types';
import { plural } from './text';

export interface Lens {
  range: Range;
  title: string;
  kind: 'control' | 'risk';
  id: string;
  /** The references the title counts, for a client that can show them. */
  locations: Location[];
}

export function codeLenses(workspace: IsmsWorkspace, doc: IsmsDocument, isCancelled: () => boolean = () => false): Lens[] {
  const lenses: Lens[] = [];
  for (const row of readSoaRows(doc)) {
    if (isCancelled()) return [];
    const usage = usageOf(workspace, 'control', row.controlId);
    lenses.push({
      range: row.range,
      title: `referenced by ${plural(usage.documents.length, 'document')} / ${plural(usage.risks.length, 'risk')}`,
      kind: 'control',
      id: row.controlId,
      locations: referencesOf(workspace, 'control', row.controlId, false),
    });
  }
  if (doc.type === 'risk-register') {
    for (const risk of readRisks(doc, workspace.riskMatcher)) {
      if (isCancelled()) return [];
      const usage = usageOf(workspace, 'risk', risk.id);
      lenses.push({ range: risk.range, title: `referenced by ${plural(usage.documents.length, 'document')}`, kind: 'risk', id: risk.id, locations: referencesOf(workspace, 'risk', risk.id, false) });
    }
  }
  return lenses;
}
