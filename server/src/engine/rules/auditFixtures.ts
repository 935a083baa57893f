// Test builders for the audit-grade rules: SoA tables, risk registers, exceptions and the evidence locker.
// Used by the *.test.ts files beside the rules; not part of the product.
import { BUILTIN_CATALOGS, ISO27001_2022, LEGACY_MAPPINGS } from '../catalogs/catalog';
import { md } from '../testing/fixtures';

export interface SoaRowSpec {
  control: string;
  applicable?: string;
  justification?: string;
  status?: string;
  evidence?: string;
}

export const ANNEX_A = BUILTIN_CATALOGS.get(ISO27001_2022)!.controls;

/** One row per 2022 Annex A control, applicable, justified, implemented, with evidence; `change` edits rows. */
export function fullSoaRows(change: (row: SoaRowSpec) => SoaRowSpec | SoaRowSpec[] | undefined = (r) => r): SoaRowSpec[] {
  return ANNEX_A.flatMap((c) => {
    const row = change({ control: c.id, applicable: 'yes', justification: 'R-001', status: 'implemented', evidence: '[POL-001](p.md)' });
    return row === undefined ? [] : Array.isArray(row) ? row : [row];
  });
}

/** The 114 controls of a 2013 SoA. */
export function legacySoaRows(): SoaRowSpec[] {
  return LEGACY_MAPPINGS.map((m) => ({ control: m.id, applicable: 'yes', justification: 'Needed', status: 'implemented', evidence: '[POL-001](p.md)' }));
}

export function soaTable(rows: SoaRowSpec[], columns: (keyof SoaRowSpec)[] = ['control', 'applicable', 'justification', 'status', 'evidence']): string {
  const names: Record<keyof SoaRowSpec, string> = { control: 'Control', applicable: 'Applicable', justification: 'Justification', status: 'Status', evidence: 'Evidence' };
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns.map((c) => names[c])), line(columns.map(() => '---')), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n') + '\n';
}

export function soaDoc(rows: SoaRowSpec[], columns?: (keyof SoaRowSpec)[], front: Record<string, unknown> = {}): string {
  return md({ type: 'soa', id: 'SOA-001', title: 'SoA', owner: 'CISO', last_reviewed: '2026-10-01', ...front }, `# SoA\n\n${soaTable(rows, columns)}`);
}

export interface RiskRowSpec {
  id: string;
  owner?: string;
  likelihood?: string;
  impact?: string;
  score?: string;
  treatment?: string;
  controls?: string;
  acceptedBy?: string;
}

const RISK_HEADERS: Record<keyof RiskRowSpec, string> = {
  id: 'ID',
  owner: 'Owner',
  likelihood: 'Likelihood',
  impact: 'Impact',
  score: 'Score',
  treatment: 'Treatment',
  controls: 'Controls',
  acceptedBy: 'Accepted by',
};

/** A risk register with a complete row per spec (fields left undefined are filled in unless `columns` omits them). */
export function registerDoc(
  rows: RiskRowSpec[],
  front: Record<string, unknown> = {},
  columns: (keyof RiskRowSpec)[] = ['id', 'owner', 'likelihood', 'impact', 'score', 'treatment', 'controls', 'acceptedBy'],
): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const full = (r: RiskRowSpec): RiskRowSpec => ({ owner: 'CISO', likelihood: '2', impact: '3', score: '6', treatment: 'modify', controls: 'A.8.24', acceptedBy: '—', ...r });
  const body = [
    line(columns.map((c) => RISK_HEADERS[c])),
    line(columns.map(() => '---')),
    ...rows.map((r) => line(columns.map((c) => full(r)[c] ?? ''))),
  ].join('\n');
  return md({ type: 'risk-register', id: 'RR-001', title: 'Risk register', owner: 'CISO', ...front }, `# Risks\n\n${body}\n`);
}

export function riskDoc(front: Record<string, unknown>): string {
  return md({ type: 'risk', id: 'R-100', title: 'Laptop theft', owner: 'CISO', likelihood: 2, impact: 3, treatment: 'modify', controls: ['A.8.1'], ...front }, '# Risk\n');
}

export function exceptionDoc(front: Record<string, unknown>): string {
  const data: Record<string, unknown> = { type: 'exception', id: 'EXC-001', title: 'Break-glass', owner: 'SRE', kind: 'break-glass', opened: '2026-11-19T02:40:00Z', ticket: 'SEC-212', used_by: 'Samir Haddad (on-call SRE)', reason: 'KMS key policy outage', ...front };
  for (const [k, v] of Object.entries(data)) if (v === undefined) delete data[k];
  return md(data, '# Exception\n');
}
