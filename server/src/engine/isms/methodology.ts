// What the risk methodology (clause 6.1.2) declares for checks: the scales of likelihood and impact and the
// risk acceptance threshold. Values come from frontmatter, falling back to settings and defaults.
import type { IsmsDocument } from '../model';
import type { IsmsWorkspace } from '../workspace/workspace';

export const DEFAULT_SCALE = 5;

/** A scale written as `5`, `"5"`, `"1-5"` or `"1..5"`: its largest number; undefined when unreadable. */
export function parseScale(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 1 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const numbers = value.match(/\d+/g);
  if (!numbers) return undefined;
  const n = Number(numbers[numbers.length - 1]);
  return n >= 1 ? n : undefined;
}

/** The likelihood and impact scales a register (or risk document) declares: `likelihood_scale`, `impact_scale`. */
export function riskScales(doc: IsmsDocument | undefined): { likelihood: number; impact: number } {
  const data = doc?.frontmatter?.data ?? {};
  return {
    likelihood: parseScale(data.likelihood_scale) ?? DEFAULT_SCALE,
    impact: parseScale(data.impact_scale) ?? DEFAULT_SCALE,
  };
}

export const THRESHOLD_FIELD = 'risk_acceptance_threshold';

export interface AcceptanceThreshold {
  value: number;
  /** The document declaring it, when it comes from frontmatter rather than the `riskAcceptanceThreshold` setting. */
  declaredIn?: IsmsDocument;
}

/**
 * The risk acceptance threshold: the first (in path order) ISMS document declaring `risk_acceptance_threshold`
 * (normally the risk methodology), else the `riskAcceptanceThreshold` setting. A risk scoring above it may only
 * be retained with a named approver.
 */
export function acceptanceThreshold(workspace: IsmsWorkspace): AcceptanceThreshold {
  const declaring = workspace
    .ismsDocuments()
    .filter((d) => readThreshold(d) !== undefined)
    .sort((a, b) => a.path.localeCompare(b.path))[0];
  if (declaring) return { value: readThreshold(declaring)!, declaredIn: declaring };
  return { value: workspace.config.riskAcceptanceThreshold };
}

function readThreshold(doc: IsmsDocument): number | undefined {
  const v = doc.frontmatter?.data[THRESHOLD_FIELD];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
}
