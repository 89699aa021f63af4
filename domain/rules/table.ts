import { triggerRules } from '../triggers';
import {
  consentManagerEscalationRule,
  consentReminderRule,
  cwsa26ConsentRule,
  deletionReturnRule,
  ehcpReviewOnEheRule,
  exclusionProvisionRule,
  groundRules,
  lostPupilsRule,
  noBackdatingRule,
  partTimeNotificationRule,
  reasonForAbsenceRule,
  s19ProvisionRule,
  safeguardingReferralRule,
  socialWorkerToldRule,
  specialSchoolConsentRule,
} from './catalogue';
import type { Rule } from './rule';

/** Every rule the engine encodes, with its source: the table each test is named after. */
export const ruleTable: Rule[] = [
  ...Object.values(triggerRules),
  reasonForAbsenceRule,
  exclusionProvisionRule,
  lostPupilsRule,
  s19ProvisionRule,
  partTimeNotificationRule,
  safeguardingReferralRule,
  socialWorkerToldRule,
  ...Object.values(groundRules),
  noBackdatingRule,
  deletionReturnRule,
  specialSchoolConsentRule,
  consentReminderRule,
  consentManagerEscalationRule,
  ehcpReviewOnEheRule,
  cwsa26ConsentRule,
];
