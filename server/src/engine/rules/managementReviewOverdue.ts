import type { WorkspaceRule } from './rule';
import { checkCadence } from './recordCadence';

export const managementReviewOverdue: WorkspaceRule = {
  code: 'management-review-overdue',
  family: 'locker',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'The latest `management-review` is older than the review cadence (`managementReviewCadence`, default quarterly); clause 9.3 asks for reviews at planned intervals.',
  fix: 'Hold the management review and add its minutes as a `management-review` document with its `date`, or adjust `managementReviewCadence` to the planned interval.',
  check(ctx) {
    checkCadence(ctx, 'management-review', 'managementReviewCadence', 'management review', 'Hold the review and add its minutes as a `management-review` document.');
  },
};
