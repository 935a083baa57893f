import type { WorkspaceRule } from './rule';
import { checkCadence } from './recordCadence';

export const auditOverdue: WorkspaceRule = {
  code: 'audit-overdue',
  family: 'locker',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'The latest internal `audit` is older than the audit cadence (`auditCadence`, default annual); clause 9.2 asks for audits at planned intervals.',
  fix: 'Carry out the internal audit and add its report as an `audit` document with its `date`, or adjust `auditCadence` to the audit programme.',
  check(ctx) {
    checkCadence(ctx, 'audit', 'auditCadence', 'internal audit', 'Carry out the audit and add its report as an `audit` document.');
  },
};
