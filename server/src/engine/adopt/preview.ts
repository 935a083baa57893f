// What `isms init` and "ISMS: Initialise Workspace" show before anything is written: the proposed .isms.yaml
// (detect.ts) and what the checker would find with it as the folder's configuration file, in counts and words.
// The caller supplies the folder's files (the CLI walks the disk, the server reads its index).
import { proposeConfig, type InitProposal, type ScannedFile } from './detect';
import { resolveConfig } from '../config/load';
import { IsmsWorkspace } from '../workspace/workspace';
import { checkWorkspace } from '../check';
import { todayUtc } from '../util/dates';
import { GlobSet } from '../util/glob';

export interface AdoptionInput {
  /** The folder's Markdown files and their text. */
  markdown: readonly ScannedFile[];
  /** Its other files (evidence that links may point at), workspace-relative. */
  otherFiles: Iterable<string>;
  /** Editor settings, applied before the proposed file as they are before `.isms.yaml`. */
  settings?: unknown;
  /** Days since epoch; defaults to the current UTC date. */
  today?: number;
}

export interface AdoptionPreview {
  proposal: InitProposal;
  markdownFiles: number;
  ismsDocuments: number;
  /** ISMS documents per type, most first. */
  documentsByType: [type: string, count: number][];
  /** The paths of each type's documents, in the order of documentsByType. */
  typedPaths: [type: string, paths: string[]][];
  findings: number;
  /** Findings per rule code, most first. */
  findingsByCode: [code: string, count: number][];
  /** The counts in words, one sentence each. */
  summary: string[];
}

const mostFirst = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);

/** Proposes a configuration for the files and checks them with it, as if it were written as `.isms.yaml`. */
export function previewAdoption(input: AdoptionInput): AdoptionPreview {
  const otherFiles = [...input.otherFiles];
  const proposal = proposeConfig(input.markdown, otherFiles);
  // The proposal replaces any existing configuration file when written, so it is the file layer here.
  const { config, diagnostics } = resolveConfig([{ data: input.settings }, { data: proposal.config, path: '.isms.yaml' }]);
  const workspace = new IsmsWorkspace(config, diagnostics, '.isms.yaml');
  // What the proposal excludes (reference material) is not read, as the loader would not read it.
  const exclude = new GlobSet(config.exclude);
  for (const file of input.markdown) {
    if (exclude.matches(file.path)) continue;
    // Templates (`*.md.tmpl`) are Markdown only when the proposal reads them.
    if (workspace.isMarkdown(file.path)) workspace.setText(file.path, file.text);
    else workspace.addFile(file.path);
  }
  for (const path of otherFiles) workspace.addFile(path);

  const byType = new Map<string, number>();
  const pathsByType = new Map<string, string[]>();
  for (const d of workspace.ismsDocuments()) {
    const type = d.type ?? d.declaredType ?? '?';
    byType.set(type, (byType.get(type) ?? 0) + 1);
    pathsByType.set(type, [...(pathsByType.get(type) ?? []), d.path]);
  }
  const findings = checkWorkspace(workspace, { today: input.today ?? todayUtc() });
  const byCode = new Map<string, number>();
  for (const d of findings) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  const documentsByType = mostFirst(byType);
  const findingsByCode = mostFirst(byCode);
  const ismsDocuments = workspace.ismsDocuments().length;
  const markdownFiles = workspace.markdownDocuments().length;
  const summary = [
    `With it, ${ismsDocuments} of ${markdownFiles} Markdown files are ISMS documents${documentsByType.length ? ` (${documentsByType.map(([t, n]) => `${t} ${n}`).join(', ')})` : ''}.`,
    `The checker would report ${findings.length} findings${findingsByCode.length ? `: ${findingsByCode.map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}.`,
  ];
  const typedPaths = documentsByType.map(([type]): [string, string[]] => [type, (pathsByType.get(type) ?? []).sort()]);
  return { proposal, markdownFiles, ismsDocuments, documentsByType, typedPaths, findings: findings.length, findingsByCode, summary };
}
