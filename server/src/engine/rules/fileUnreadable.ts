import type { WorkspaceRule } from './rule';

export const fileUnreadable: WorkspaceRule = {
  code: 'file-unreadable',
  family: 'files',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'A Markdown file could not be checked: binary content, not UTF-8, too large, or unreadable.',
  fix: 'Save the file as UTF-8 text, move binary evidence to a non-.md file, or raise `maxFileSizeKb`.',
  check(ctx) {
    for (const problem of ctx.workspace.fileProblems()) ctx.report(problem);
  },
};
