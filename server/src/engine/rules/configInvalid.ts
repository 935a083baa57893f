import type { WorkspaceRule } from './rule';

export const configInvalid: WorkspaceRule = {
  code: 'config-invalid',
  family: 'files',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'The `.isms.yaml` configuration has a YAML error, an unknown setting or a value of the wrong type.',
  fix: 'Correct the setting named in the message; the README lists every setting and its type.',
  check(ctx) {
    for (const problem of ctx.workspace.configDiagnostics) ctx.report(problem);
  },
};
