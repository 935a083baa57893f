// Builds in-memory workspaces for engine tests: no disk, no editor, the same engine as the product.
import { stringify } from 'yaml';
import type { Diagnostic } from '../model';
import { defaultConfig, type IsmsConfig } from '../config/schema';
import { IsmsWorkspace, isMarkdownPath } from '../workspace/workspace';
import { checkWorkspace } from '../check';
import { parseIsoDate } from '../util/dates';
import type { Rule } from '../rules/rule';
import type { TextEdit } from '../query/types';

/** The fixed "today" of engine tests, matching the example's demo date. */
export const TEST_TODAY = '2026-11-21';

/** A Markdown file with frontmatter from an object (or raw YAML text) and a body. */
export function md(frontmatter: Record<string, unknown> | string, body = ''): string {
  const yaml = typeof frontmatter === 'string' ? frontmatter : stringify(frontmatter);
  return `---\n${yaml.endsWith('\n') ? yaml : yaml + '\n'}---\n${body}`;
}

/** Files by workspace-relative path; Markdown is parsed, anything else only exists (evidence). */
export function workspaceOf(files: Record<string, string>, config: Partial<IsmsConfig> = {}): IsmsWorkspace {
  const workspace = new IsmsWorkspace({ ...defaultConfig(), ...config });
  for (const [path, text] of Object.entries(files)) {
    if (isMarkdownPath(path)) workspace.setMarkdown(path, text);
    else workspace.addFile(path);
  }
  return workspace;
}

export function check(
  files: Record<string, string> | IsmsWorkspace,
  options: { code?: string; today?: string; config?: Partial<IsmsConfig>; rules?: readonly Rule[] } = {},
): Diagnostic[] {
  const workspace = files instanceof IsmsWorkspace ? files : workspaceOf(files, options.config);
  const all = checkWorkspace(workspace, { today: parseIsoDate(options.today ?? TEST_TODAY), rules: options.rules });
  return options.code ? all.filter((d) => d.code === options.code) : all;
}

/** A complete, correct policy document, to vary one field at a time. */
export function policy(overrides: Record<string, unknown> = {}, body = '# Policy\n'): string {
  const front: Record<string, unknown> = {
    type: 'policy',
    id: 'POL-001',
    title: 'Access Control Policy',
    owner: 'CISO',
    version: '1.0',
    status: 'approved',
    last_reviewed: '2026-06-01',
    review_cycle: 'annual',
    next_review: '2027-06-01',
    ...overrides,
  };
  for (const [k, v] of Object.entries(front)) if (v === undefined) delete front[k];
  return md(front, body);
}

/** A text with edits applied (end to start, so earlier offsets stay valid); positions as LSP counts them. */
export function applied(text: string, edits: readonly TextEdit[]): string {
  const offset = (p: TextEdit['range']['start']) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
