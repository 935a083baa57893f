// `isms init`: which of the metadata conventions the document model reads (adopt/metadata.ts) the folder uses,
// found by running those same readers on every file, and how its numeric dates are written.
import { defaultConfig, METADATA_SOURCES, type MetadataSource } from '../config/schema';
import type { MetadataOrigin } from '../model';
import { parseDocument } from '../parse/document';
import { conventionsFrom } from './conventions';
import { DATE_FIELDS } from './vocabulary';

const countFiles = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

const SOURCE_NOTES: Record<MetadataSource, string> = {
  'document-control-table': 'their metadata in a Document Control table',
  blockquote: 'their metadata in a "> Owner: …" blockquote header',
  'bold-fields': 'their metadata in "**Owner:** …" lines',
  'document-information-list': 'their metadata as a list under a "Document information" heading',
};

export interface MetadataProposal {
  metadataSources?: MetadataSource[];
  dateFormat?: 'DD/MM/YYYY' | 'MM/DD/YYYY';
  notes: string[];
}

/**
 * Reads every file with all body sources enabled and proposes those that supplied at least two fields to some
 * file (one field, say a stray "**Owner:**" line, is not a convention). Frontmatter still wins over them.
 */
export function detectMetadata(files: readonly { path: string; text: string }[], settings: { frontmatterStyle: 'fenced' | 'yaml-first'; fieldAliases: Record<string, string> }): MetadataProposal {
  const conventions = conventionsFrom({ ...defaultConfig(), ...settings, metadataSources: [...METADATA_SOURCES], defaultReviewCycle: '' });
  const used = new Map<MetadataSource, number>();
  let dayFirst = 0;
  let monthFirst = 0;
  for (const f of files) {
    const doc = parseDocument(f.path, f.text, { riskIdPattern: 'R-\\d+', conventions });
    const fm = doc.frontmatter;
    if (!fm) continue;
    const perSource = new Map<MetadataOrigin, number>();
    for (const origin of fm.sources?.values() ?? []) perSource.set(origin, (perSource.get(origin) ?? 0) + 1);
    for (const source of METADATA_SOURCES) if ((perSource.get(source) ?? 0) >= 2) used.set(source, (used.get(source) ?? 0) + 1);
    for (const key of DATE_FIELDS) {
      const m = /^(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}/.exec(String(fm.written?.get(key)?.value ?? ''));
      if (m && +m[1] > 12) dayFirst++;
      if (m && +m[2] > 12) monthFirst++;
    }
  }
  const proposal: MetadataProposal = { notes: [] };
  const sources = METADATA_SOURCES.filter((s) => used.has(s));
  if (sources.length) proposal.metadataSources = sources;
  for (const s of sources) proposal.notes.push(`${countFiles(used.get(s)!)} ${used.get(s) === 1 ? 'keeps' : 'keep'} ${SOURCE_NOTES[s]}: metadataSources ${s}.`);
  // Only a one-sided tally says how the ambiguous dates (03/04/2026) are meant.
  if (dayFirst && !monthFirst) proposal.dateFormat = 'DD/MM/YYYY';
  if (monthFirst && !dayFirst) proposal.dateFormat = 'MM/DD/YYYY';
  if (proposal.dateFormat) proposal.notes.push(`Dates are written ${proposal.dateFormat}: dateFormat ${proposal.dateFormat}.`);
  return proposal;
}
