// The pack's three workbooks as data (what the rows say); exportFormats/xlsx.ts lays them out with exceljs.
import type { Diagnostic } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';
import type { SuppressedFinding } from '../check';
import type { Linker } from '../query/ismsViews';
import { controlInfo, riskList } from '../query/ismsViews';
import { findLinkTarget } from '../workspace/linkTarget';
import type { WorkbookCell, WorkbookSpec } from './types';

export const YES_NO = ['yes', 'no'] as const;
export const SOA_STATUSES = ['implemented', 'partially implemented', 'planned', 'not implemented', 'not applicable'] as const;
export const TREATMENTS = ['mitigate', 'accept', 'avoid', 'transfer'] as const;

/** Risk score colours: above the acceptance threshold, above half of it, the rest (as the preview's heat map). */
export const SCORE_FILLS = { high: 'F4B6B6', medium: 'FCE8A6', low: 'C8E6C9' } as const;

const link = (linker: Linker, path: string): string | undefined => {
  const uri = linker.uri(path);
  return uri === '#' ? undefined : uri;
};

/** statement-of-applicability.xlsx: every Annex A control by theme, as the SoA states it. */
export function soaWorkbook(workspace: IsmsWorkspace, linker: Linker): WorkbookSpec {
  const rows: WorkbookCell[][] = [];
  const controls = workspace.catalogs.annexA();
  for (const control of controls) {
    const info = controlInfo(workspace, control, linker);
    const row = workspace.soaRowsFor(control.id).find((r) => !r.legacyTable);
    const evidence = row?.evidence?.text.trim();
    let evidenceLink: string | undefined;
    for (const l of row?.evidenceLinks ?? []) {
      // The checker's and the preview's resolver: index pages, extensionless links, siteRoot.
      const target = findLinkTarget(workspace, row!.path, l.target);
      if (target.kind === 'file' && target.path !== row!.path) {
        evidenceLink = link(linker, target.path);
        if (evidenceLink) break;
      }
    }
    const applicable = info.state === 'applicable' ? 'yes' : info.state === 'excluded' ? 'no' : info.state === 'missing' ? 'not in the SoA' : (info.applicableText ?? 'unclear');
    rows.push([
      { value: control.theme },
      { value: control.id, link: row ? link(linker, row.path) : undefined },
      { value: control.title },
      { value: applicable },
      { value: info.justification },
      { value: info.statusText },
      { value: evidence || undefined, link: evidenceLink },
    ]);
  }
  return {
    title: 'Statement of Applicability',
    sheets: [
      {
        name: 'Statement of Applicability',
        columns: [
          { header: 'Theme', width: 14 },
          { header: 'Control', width: 9 },
          { header: 'Title', width: 44 },
          { header: 'Applicable', width: 11, list: YES_NO },
          { header: 'Justification', width: 48 },
          { header: 'Status', width: 20, list: SOA_STATUSES },
          { header: 'Evidence', width: 40 },
        ],
        rows,
        note: `ISO/IEC 27001:2022 Annex A, ${controls.length} controls. Control IDs link to the SoA document and evidence to the files in this pack.`,
      },
    ],
  };
}

/** risk-register.xlsx: every risk, highest score first, scores coloured by the register's acceptance threshold. */
export function riskWorkbook(workspace: IsmsWorkspace, linker: Linker): WorkbookSpec {
  const { threshold, risks } = riskList(workspace, linker);
  const fill = (score: number | undefined) => (score === undefined ? undefined : score > threshold ? SCORE_FILLS.high : score > threshold / 2 ? SCORE_FILLS.medium : SCORE_FILLS.low);
  const rows: WorkbookCell[][] = risks.map((r) => [
    { value: r.id, link: link(linker, r.source.path) },
    { value: r.description },
    { value: r.owner },
    { value: r.likelihood },
    { value: r.impact },
    { value: r.score, fill: fill(r.score) },
    { value: r.treatment },
    { value: r.controls.map((c) => c.id).join(', ') || undefined },
    { value: r.acceptedBy },
  ]);
  return {
    title: 'Risk register',
    sheets: [
      {
        name: 'Risk register',
        columns: [
          { header: 'ID', width: 10 },
          { header: 'Description', width: 50 },
          { header: 'Owner', width: 18 },
          { header: 'Likelihood', width: 11 },
          { header: 'Impact', width: 9 },
          { header: 'Score', width: 8 },
          { header: 'Treatment', width: 12, list: TREATMENTS },
          { header: 'Controls', width: 24 },
          { header: 'Accepted by', width: 20 },
        ],
        rows,
        note: `Acceptance threshold ${threshold}: scores above it are red, above half of it amber, the rest green.`,
      },
    ],
  };
}

/** findings.xlsx: what the checker reported, and what was suppressed with which reason. */
export function findingsWorkbook(diagnostics: readonly Diagnostic[], suppressed: readonly SuppressedFinding[], linker: Linker): WorkbookSpec {
  const where = (d: Diagnostic): WorkbookCell => (d.path === '.' ? { value: 'the ISMS as a whole' } : { value: `${d.path}:${d.range.start.line + 1}`, link: link(linker, d.path) });
  return {
    title: 'Findings',
    sheets: [
      {
        name: 'Open findings',
        columns: [
          { header: 'Where', width: 40 },
          { header: 'Severity', width: 10 },
          { header: 'Code', width: 28 },
          { header: 'Finding', width: 90 },
        ],
        rows: diagnostics.map((d) => [where(d), d.severity, d.code, d.message]),
      },
      {
        name: 'Suppressed',
        columns: [
          { header: 'Where', width: 40 },
          { header: 'Code', width: 28 },
          { header: 'Finding', width: 70 },
          { header: 'Reason given', width: 50 },
        ],
        rows: suppressed.map((s) => [where(s.diagnostic), s.diagnostic.code, s.diagnostic.message, s.suppression.reason ?? 'no reason given']),
      },
    ],
  };
}
