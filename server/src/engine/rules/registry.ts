// Every rule, registered in one place. Order is the order findings are produced in (they are sorted after).
import type { Rule } from './rule';
import { suppressionMissingReason } from './suppressionMissingReason';
import { suppressionUnknownCode } from './suppressionUnknownCode';
import { fileUnreadable } from './fileUnreadable';
import { configInvalid } from './configInvalid';
import { frontmatterSyntax } from './frontmatterSyntax';
import { frontmatterMissingField } from './frontmatterMissingField';
import { frontmatterInvalidValue } from './frontmatterInvalidValue';
import { dateFormat } from './dateFormat';
import { unknownType } from './unknownType';
import { duplicateId } from './duplicateId';
import { scopeMissingSection } from './scopeMissingSection';
import { controlUnknown } from './controlUnknown';
import { controlLegacyId } from './controlLegacyId';
import { riskUnknown } from './riskUnknown';
import { docUnknown } from './docUnknown';
import { linkBroken } from './linkBroken';
import { evidenceMissing } from './evidenceMissing';
import { reviewOverdue } from './reviewOverdue';
import { reviewDueSoon } from './reviewDueSoon';
import { reviewDateInvalid } from './reviewDateInvalid';
import { soaControlMissing } from './soaControlMissing';
import { soaControlDuplicate } from './soaControlDuplicate';
import { soaJustificationMissing } from './soaJustificationMissing';
import { soaInconsistent } from './soaInconsistent';
import { soaControlUntraced } from './soaControlUntraced';
import { soaLegacy2013 } from './soaLegacy2013';
import { riskFieldMissing } from './riskFieldMissing';
import { riskScoreMismatch } from './riskScoreMismatch';
import { riskAcceptanceMissing } from './riskAcceptanceMissing';
import { lockerMissingDocument } from './lockerMissingDocument';
import { managementReviewOverdue } from './managementReviewOverdue';
import { auditOverdue } from './auditOverdue';
import { exceptionReviewOverdue } from './exceptionReviewOverdue';
import { exceptionExpired } from './exceptionExpired';
import { scopeSoaVersionMismatch } from './scopeSoaVersionMismatch';
import { scopeDependencyMissing } from './scopeDependencyMissing';
import { scopeEvidenceMissing } from './scopeEvidenceMissing';
import { scopeApprovalMissing } from './scopeApprovalMissing';
import { contextIssueUnaddressed } from './contextIssueUnaddressed';
import { exceptionRecordIncomplete } from './exceptionRecordIncomplete';
import { exceptionSelfReviewed } from './exceptionSelfReviewed';
import { managementReviewInputMissing } from './managementReviewInputMissing';
import { managementReviewOutputMissing } from './managementReviewOutputMissing';
import { actionFieldMissing } from './actionFieldMissing';
import { actionOverdue } from './actionOverdue';
import { actionNotFollowedUp } from './actionNotFollowedUp';
import { auditFindingUntracked } from './auditFindingUntracked';
import { auditIndependence } from './auditIndependence';
import { objectiveNotMeasurable } from './objectiveNotMeasurable';
import { objectiveMeasurementStale } from './objectiveMeasurementStale';
import { evidenceStale } from './evidenceStale';
import { templatePlaceholder } from './templatePlaceholder';

export const RULES: readonly Rule[] = [
  fileUnreadable,
  configInvalid,
  frontmatterSyntax,
  frontmatterMissingField,
  frontmatterInvalidValue,
  dateFormat,
  unknownType,
  duplicateId,
  scopeMissingSection,
  controlUnknown,
  controlLegacyId,
  riskUnknown,
  docUnknown,
  linkBroken,
  evidenceMissing,
  reviewOverdue,
  reviewDueSoon,
  reviewDateInvalid,
  soaControlMissing,
  soaControlDuplicate,
  soaJustificationMissing,
  soaInconsistent,
  soaControlUntraced,
  soaLegacy2013,
  riskFieldMissing,
  riskScoreMismatch,
  riskAcceptanceMissing,
  lockerMissingDocument,
  managementReviewOverdue,
  auditOverdue,
  exceptionReviewOverdue,
  exceptionExpired,
  scopeSoaVersionMismatch,
  scopeDependencyMissing,
  scopeEvidenceMissing,
  scopeApprovalMissing,
  contextIssueUnaddressed,
  exceptionRecordIncomplete,
  exceptionSelfReviewed,
  managementReviewInputMissing,
  managementReviewOutputMissing,
  actionFieldMissing,
  actionOverdue,
  actionNotFollowedUp,
  auditFindingUntracked,
  auditIndependence,
  objectiveNotMeasurable,
  objectiveMeasurementStale,
  evidenceStale,
  suppressionMissingReason,
  suppressionUnknownCode,
  templatePlaceholder,
];

/** Codes the engine itself emits outside any rule. */
export const ENGINE_CODES = [
  { code: 'rule-failed', defaultSeverity: 'error', description: 'A rule crashed on this workspace; its findings are missing until it is fixed.', fix: 'Report the message to the maintainers; other rules still ran.' },
] as const;

export function findRule(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
