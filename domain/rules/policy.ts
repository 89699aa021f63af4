import { cmeReasonsRule, eheReasonsRule, riskCircumstancesRule } from '../collection/rules';
import { absenceRateMinimumRule, sicknessEarlyAlertRule } from '../attendance/thresholds';
import type { DeletionGround } from '../deletion/grounds-list';
import { supportBarriersRule } from '../support/barriers';
import { partTimeReviewRule } from '../support/part-time';
import { earlyReviewResponseRule } from '../support/send-link';
import {
  configurableRules,
  consentManagerEscalationRule,
  consentReminderRule,
  cwsa26ConsentRule,
  exclusionBoardRule,
  exclusionReconsiderationRule,
  exclusionReviewApplicationRule,
  groundHLeaveRule,
  partTimeNotificationRule,
  recordRetentionRule,
  s19ProvisionRule,
  specialSchoolConsentRule,
  supportReviewRule,
} from './catalogue';

/** The values of the configurable rules in force for one LA, keyed by rule id. */
export interface LaPolicy {
  'GROUND-H': number;
  'EXCL-BOARD-REINSTATEMENT': number;
  'EXCL-REVIEW-APPLICATION': number;
  'EXCL-BOARD-RECONSIDERATION': number;
  'S19-SLA': number;
  'PART-TIME-NOTIFY': boolean;
  'SUPPORT-REVIEW': number;
  'GATE-SPECIAL-SCHOOL': DeletionGround[];
  'CONSENT-REMINDER': number;
  'CONSENT-ESCALATION': number;
  'CWSA26-CONSENT': boolean;
  'SICKNESS-ALERT-RUN': number;
  'ABSENCE-RATE-MIN-SESSIONS': number;
  /** Read by the retention purge at the time it runs, not from a case's copy. */
  'RECORD-RETENTION': number;
  /** The collection's lists in force (domain/collection): read by the registers and the return, not by a case. */
  'CME-REASONS': string[];
  'EHE-REASONS': string[];
  'CME-RISK-CIRCUMSTANCES': string[];
  /** Absent from the policy a case opened with before barriers were recorded: the default applies. */
  'SUPPORT-BARRIERS': string[];
  /** Absent from the policy a case opened with before part-time timetables were recorded: the default applies. */
  'PART-TIME-REVIEW'?: number;
  /** Absent from the policy a case opened with before the SEND link: the default applies. */
  'SEND-EARLY-REVIEW-RESPONSE': number;
}

export const defaultPolicy: LaPolicy = {
  'GROUND-H': groundHLeaveRule.setting.defaultValue,
  'EXCL-BOARD-REINSTATEMENT': exclusionBoardRule.setting.defaultValue,
  'EXCL-REVIEW-APPLICATION': exclusionReviewApplicationRule.setting.defaultValue,
  'EXCL-BOARD-RECONSIDERATION': exclusionReconsiderationRule.setting.defaultValue,
  'S19-SLA': s19ProvisionRule.setting.defaultValue,
  'PART-TIME-NOTIFY': partTimeNotificationRule.setting.defaultValue,
  'SUPPORT-REVIEW': supportReviewRule.setting.defaultValue,
  'GATE-SPECIAL-SCHOOL': specialSchoolConsentRule.setting.defaultValue as DeletionGround[],
  'CONSENT-REMINDER': consentReminderRule.setting.defaultValue,
  'CONSENT-ESCALATION': consentManagerEscalationRule.setting.defaultValue,
  'CWSA26-CONSENT': cwsa26ConsentRule.setting.defaultValue,
  'SICKNESS-ALERT-RUN': sicknessEarlyAlertRule.setting.defaultValue,
  'ABSENCE-RATE-MIN-SESSIONS': absenceRateMinimumRule.setting.defaultValue,
  'RECORD-RETENTION': recordRetentionRule.setting.defaultValue,
  'CME-REASONS': cmeReasonsRule.setting.defaultValue,
  'EHE-REASONS': eheReasonsRule.setting.defaultValue,
  'CME-RISK-CIRCUMSTANCES': riskCircumstancesRule.setting.defaultValue,
  'SUPPORT-BARRIERS': supportBarriersRule.setting.defaultValue,
  'PART-TIME-REVIEW': partTimeReviewRule.setting.defaultValue,
  'SEND-EARLY-REVIEW-RESPONSE': earlyReviewResponseRule.setting.defaultValue,
};

export class RuleSettingError extends Error {
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(`${ruleId}: ${message}`);
  }
}

/** Checks one LA setting against its rule; unknown or non-configurable rules are refused. */
export function parseRuleSetting(ruleId: string, value: unknown): unknown {
  const rule = configurableRules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new RuleSettingError(ruleId, 'not a configurable rule');
  const parsed = rule.setting.schema.safeParse(value);
  if (!parsed.success) throw new RuleSettingError(ruleId, parsed.error.issues[0]?.message ?? 'invalid value');
  return parsed.data;
}

/** The LA's policy: its stored settings over the defaults. */
export function resolvePolicy(settings: { ruleId: string; value: unknown }[]): LaPolicy {
  const policy: Record<string, unknown> = { ...defaultPolicy };
  for (const setting of settings) policy[setting.ruleId] = parseRuleSetting(setting.ruleId, setting.value);
  return policy as unknown as LaPolicy;
}
