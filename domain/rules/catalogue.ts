import { z } from 'zod';
import { deletionGrounds, type DeletionGround } from '../deletion/grounds-list';
import { absenceRateMinimumRule, sicknessEarlyAlertRule } from '../attendance/thresholds';
import { configurableCollectionRules } from '../collection/rules';
import { supportBarriersRule } from '../support/barriers';
import { partTimeReviewRule } from '../support/part-time';
import { earlyReviewResponseRule } from '../support/send-link';
import type { ConfigurableRule, Rule } from './rule';

const schoolDays = z.number().int().min(1).max(190);

/** T1: code N must be replaced with a proper code within 5 school days. */
export const reasonForAbsenceRule = {
  id: 'T1',
  kind: 'clock',
  title: 'Reason for an unexplained absence established',
  source: 'SAR24 reg 10(7)-(9); WTISA (code N) [S]',
  confidence: 'S',
  schoolDays: 5,
} as const satisfies Rule & { schoolDays: number };

/** Ground I: at least 20 continuous school days, every session G, N or O. */
export const groundIAbsenceRule = {
  id: 'GROUND-I',
  kind: 'guard',
  title: 'Continuous absence of 20 school days, all sessions coded G, N or O, joint enquiries failed',
  source: 'SAR24 reg 9(1)(i) [S] (Browne Jacobson; Shropshire quoting DfE)',
  confidence: 'S',
  schoolDays: 20,
  codes: ['G', 'N', 'O'],
} as const satisfies Rule & { schoolDays: number; codes: readonly string[] };

/** Ground H: 10 school days after a leave of absence ended. 2006 number, presumed unchanged in 2024. */
export const groundHLeaveRule: ConfigurableRule<number> = {
  id: 'GROUND-H',
  kind: 'guard',
  title: 'Not returned within N school days after a leave of absence ended, joint enquiries failed',
  source: 'PRR06 reg 8(1)(f) [P]; SAR24 reg 9(1)(h) presumed the same [unverified]',
  confidence: 'unverified',
  setting: { schema: schoolDays, defaultValue: 10, describe: 'school days after the end of leave' },
};

/**
 * Ground O waits for the exclusion process of EXCL12 (read in its 2020 version; how SAR24 reg 9(1)(o) times the
 * deletion is unverified for 2024, so each period is an LA setting). First the governing board considers
 * reinstatement within 15 school days of the notice of exclusion.
 */
export const exclusionBoardRule: ConfigurableRule<number> = {
  id: 'EXCL-BOARD-REINSTATEMENT',
  kind: 'guard',
  title: 'Governing board considers reinstatement after a permanent exclusion; ground O waits for its decision',
  source: 'EXCL12 reg 24 [P] (2020 version); East Sussex, Stockport [S]; ground O timing in 2024 [unverified]',
  confidence: 'unverified',
  setting: { schema: schoolDays, defaultValue: 15, describe: 'school days after the parents are notified of the exclusion' },
};

/** Then the parents may apply for an independent review within 15 school days of the board's decision being notified. */
export const exclusionReviewApplicationRule: ConfigurableRule<number> = {
  id: 'EXCL-REVIEW-APPLICATION',
  kind: 'guard',
  title: "Parents may apply for an independent review of the board's decision; ground O waits for the window or the review",
  source: 'EXCL12 (independent review, recalled; regulation number not read); PRR06 reg 8(4) [P]; ground O timing in 2024 [unverified]',
  confidence: 'unverified',
  setting: { schema: schoolDays, defaultValue: 15, describe: "school days after the board's decision is notified to the parents" },
};

/** A panel that recommends or directs reconsideration sends the case back to the board, which reconsiders within 10 school days. */
export const exclusionReconsiderationRule: ConfigurableRule<number> = {
  id: 'EXCL-BOARD-RECONSIDERATION',
  kind: 'guard',
  title: "Governing board reconsiders after the review panel's recommendation or direction; ground O waits for it",
  source: 'EXCL12 (reconsideration, recalled; regulation number not read); ground O timing in 2024 [unverified]',
  confidence: 'unverified',
  setting: { schema: schoolDays, defaultValue: 10, describe: "school days after the board is told of the panel's decision" },
};

/** T13: the LA provides education from the 6th school day of a permanent exclusion. */
export const exclusionProvisionRule = {
  id: 'EXCL-PROVISION-DAY-6',
  kind: 'clock',
  title: 'LA education provision from the 6th school day of a permanent exclusion',
  source: 'Excluded-pupil provision (2007 regs, recalled) confirmed by Medway [S]',
  confidence: 'S',
  schoolDays: 5,
} as const satisfies Rule & { schoolDays: number };

/** T11: if no new school has pulled the CTF after 15 school days, it goes to the Lost Pupils Database. */
export const lostPupilsRule = {
  id: 'LOST-PUPILS-15',
  kind: 'clock',
  title: 'CTF to the Lost Pupils Database when no destination is known after 15 school days',
  source: 'S2S guidance 2019 p.15 via FOI; Bucks (PIR05) [S]',
  confidence: 'S',
  schoolDays: 15,
} as const satisfies Rule & { schoolDays: number };

/** T3: no statutory deadline for s19 provision (G9): "as soon as it is clear"; LAs set an SLA. */
export const s19ProvisionRule: ConfigurableRule<number> = {
  id: 'S19-SLA',
  kind: 'clock',
  title: 'LA decision on s19 education for a pupil expected to miss 15 school days through sickness',
  source: 'EA96 s19; HEALTH23 ("as soon as it is clear") via Herts thegrid [S]; no statutory deadline (G9)',
  confidence: 'local',
  setting: { schema: schoolDays, defaultValue: 5, describe: 'school days after the sickness return' },
};

/** T7: LA notification of a part-time timetable is local practice everywhere found (G10): on by default. */
export const partTimeNotificationRule: ConfigurableRule<boolean> = {
  id: 'PART-TIME-NOTIFY',
  kind: 'notification',
  title: 'LA told when a part-time timetable (code C2) is agreed',
  source: 'Norfolk, LBHF, Warwickshire (local); no national duty found (G10)',
  confidence: 'local',
  setting: { schema: z.boolean(), defaultValue: true, describe: 'tell the LA CME officer at agreement' },
};

/** T14 and safeguarding: referral at any moment, in parallel to the attendance process. */
export const safeguardingReferralRule = {
  id: 'SAFEGUARDING-REFERRAL',
  kind: 'notification',
  title: "Immediate referral to children's social care (and police where a child is at risk) about an absent or missing child",
  source: 'KCSIE-based procedures: Herefordshire, Gloucestershire, Surrey, Warwickshire [S]',
  confidence: 'S',
} as const satisfies Rule;

export const socialWorkerToldRule = {
  id: 'T14',
  kind: 'notification',
  title: "The child's social worker or YOT worker told of unexplained absence",
  source: 'WTISA (social worker / YOT worker) via Enfield, Oxfordshire [S]',
  confidence: 'S',
} as const satisfies Rule;

/** WTISA support-first stages: no timeline between stages (G5); LAs set when a stage is reviewed. */
export const supportReviewRule: ConfigurableRule<number> = {
  id: 'SUPPORT-REVIEW',
  kind: 'clock',
  title: 'Review of a support-first stage (expect, monitor, listen and understand, facilitate, formalise, enforce)',
  source: 'WTISA via Central Bedfordshire ("no timeline at which to proceed") [S]; G5',
  confidence: 'local',
  setting: { schema: schoolDays, defaultValue: 20, describe: 'school days in a stage before it is reviewed' },
};

/** s436A: the LA identifies children missing education; a deletion with the child not found opens CME. */
export const cmeOpenRule = {
  id: 'CME-OPEN',
  kind: 'notification',
  title: 'Child missing education: LA CME officer traces the child (other LAs, Lost Pupils Database, agencies)',
  source: 'EA96 s436A [P]; CME24 [S]',
  confidence: 'P',
} as const satisfies Rule;

/** s437(1): notice to the parent, at least 15 days beginning with the day of service, then a school attendance order. */
export const s437NoticeRule = {
  id: 'S437-NOTICE',
  kind: 'clock',
  title: 'Parent to satisfy the LA of suitable education within 15 days of a s437 notice, else a school attendance order is considered',
  source: 'EA96 s437(1)-(3) [S]',
  confidence: 'S',
  // 15 days beginning with the day of service end 14 days after it.
  daysAfterService: 14,
} as const satisfies Rule & { daysAfterService: number };

/** T16: a new-pupil return shows the child on another roll: the case closes, the old school may delete on ground A. */
export const newPupilReturnRule = {
  id: 'NEW-PUPIL-RETURN',
  kind: 'trigger',
  title: "New-pupil return from another school: the child is found on a roll",
  source: 'SAR24 reg 13(1) [P]',
  confidence: 'P',
} as const satisfies Rule;

/** No deletion may be backdated. */
export const noBackdatingRule = {
  id: 'NO-BACKDATING',
  kind: 'guard',
  title: 'A name is never deleted retrospectively',
  source: 'DfE via Shropshire bulletin; Central Bedfordshire, Bradford, Bristol [S]',
  confidence: 'S',
} as const satisfies Rule;

/** The deletion return goes to the LA as soon as the ground is met and no later than the deletion. */
export const deletionReturnRule = {
  id: 'DELETION-RETURN',
  kind: 'notification',
  title: 'Deletion return to the LA before the deletion is confirmed',
  source: 'SAR24 reg 13(4) [P]; timing per 2016 amendment, Torbay and Bradford forms [S] (G3)',
  confidence: 'S',
} as const satisfies Rule;

/** LA-placed special-school pupils are not deleted without LA consent (or a Secretary of State direction). */
export const specialSchoolConsentRule: ConfigurableRule<string[]> = {
  id: 'GATE-SPECIAL-SCHOOL',
  kind: 'gate',
  title: 'LA consent before a pupil placed by the LA at a special school is deleted',
  source: 'PRR06 reg 8(2) [P]; SAR24 reg 9 (paragraph unverified, G1) [S]',
  confidence: 'S',
  setting: {
    // PRR06 exempted its grounds (a), (j), (m); the 2024 equivalents are inferred (G1).
    schema: z.array(z.enum(deletionGrounds)),
    defaultValue: ['D', 'E', 'K', 'O'],
    describe: 'grounds exempt from the consent gate',
  },
};

/** No statutory time for the LA's consent decision (G11): a local SLA with reminder, then manager. */
export const consentReminderRule: ConfigurableRule<number> = {
  id: 'CONSENT-REMINDER',
  kind: 'clock',
  title: 'Reminder to the SEND team when a consent request is undecided',
  source: 'No statutory limit (G11); local practice',
  confidence: 'local',
  setting: { schema: schoolDays, defaultValue: 5, describe: 'school days after the request' },
};

export const consentManagerEscalationRule: ConfigurableRule<number> = {
  id: 'CONSENT-ESCALATION',
  kind: 'clock',
  title: 'Escalation to a manager when a consent request is still undecided',
  source: 'No statutory limit (G11); local practice',
  confidence: 'local',
  setting: { schema: schoolDays, defaultValue: 10, describe: 'school days after the request' },
};

/** Mainstream EHC plan pupil leaving for EHE: no gate, but the SEND team reviews the plan. */
export const ehcpReviewOnEheRule = {
  id: 'EHCP-EHE-REVIEW',
  kind: 'notification',
  title: 'SEND team told to review the EHC plan when a mainstream pupil with a plan is deleted for EHE',
  source: 'SENDCoP 10.33; CME24 p.7; DfE consultation response Aug 2023 (no consent gate) [S]',
  confidence: 'S',
} as const satisfies Rule;

/** CWSA26 consent for home education of special-school and child-protection pupils: not yet commenced. */
export const cwsa26ConsentRule: ConfigurableRule<boolean> = {
  id: 'CWSA26-CONSENT',
  kind: 'gate',
  title: "LA consent before EHE for special-school or child-protection pupils (Children's Wellbeing and Schools Act 2026)",
  source: 'CWSA26 new EA96 s434A [S]; not commenced (G12)',
  confidence: 'unverified',
  setting: { schema: z.boolean(), defaultValue: false, describe: 'enforce once commenced' },
};

/**
 * How long our record of a closed case is kept. No statute sets it for the LA's CME record (each LA keeps a
 * retention schedule); schools keep registers at least 6 years, which is the default here.
 */
export const recordRetentionRule: ConfigurableRule<number> = {
  id: 'RECORD-RETENTION',
  kind: 'clock',
  title: "Our record of a closed case (read model, audit log, notifications, the child's details) purged after N years",
  source: "No statutory period for the LA's CME record found; local retention schedule. Registers: at least 6 years (SAR24 regs 5, 7 [P])",
  confidence: 'local',
  setting: { schema: z.number().int().min(1).max(100), defaultValue: 6, describe: 'years after a case closes' },
};

const groundRule = (ground: DeletionGround, title: string, source: string, confidence: Rule['confidence']): Rule => ({
  id: `GROUND-${ground}`,
  kind: 'guard',
  title,
  source,
  confidence,
});

/** SAR24 reg 9(1) grounds A-O (docs/law.md (d), A2). Conditions of F-O partly unverified (G2). */
export const groundRules: Record<DeletionGround, Rule> = {
  A: groundRule('A', 'Registered at another school', 'SAR24 reg 9(1)(a) [P]', 'P'),
  B: groundRule('B', 'Nursery pupil not moving into reception here', 'SAR24 reg 9(1)(b) [P]', 'P'),
  C: groundRule('C', 'Dual-registered; every other school consents', 'SAR24 reg 9(1)(c) [P]', 'P'),
  D: groundRule('D', 'School attendance order amended to name another school', 'SAR24 reg 9(1)(d) [P]', 'P'),
  E: groundRule('E', 'School attendance order revoked: education arranged otherwise', 'SAR24 reg 9(1)(e) [P]', 'P'),
  F: groundRule('F', "Parent's written notice of elective home education, date passed", 'SAR24 reg 9(1)(f) [S] Torbay; CME24 p.7 [S]', 'S'),
  G: groundRule('G', 'No longer lives within a reasonable distance (not a boarder)', 'SAR24 reg 9(1)(g) [S]; PRR06 8(1)(e) [P]', 'S'),
  H: groundHLeaveRule,
  I: groundIAbsenceRule,
  J: groundRule('J', 'Detained under a sentence, not expected back', 'SAR24 reg 9(1)(j) [S] Torbay', 'S'),
  K: groundRule('K', 'Died', 'SAR24 reg 9(1)(k) [S] Torbay', 'S'),
  L: groundRule('L', 'Leaving at the end of compulsory school age, not into the sixth form', 'SAR24 reg 9(1)(l) [S] Torbay', 'S'),
  M: groundRule('M', 'Boarder with boarding fees unpaid', 'SAR24 reg 9(1)(m) [S] Torbay', 'S'),
  N: groundRule('N', 'Ceased to be a pupil of an independent or non-maintained special school', 'SAR24 reg 9(1)(n) [S] Torbay', 'S'),
  O: groundRule('O', 'Permanently excluded, the exclusion process concluded', 'SAR24 reg 9(1)(o) [S] Torbay; EXCL12 reg 24 [P]; PRR06 reg 8(4) [P]', 'S'),
};

export const configurableRules: ConfigurableRule<unknown>[] = [
  groundHLeaveRule,
  exclusionBoardRule,
  exclusionReviewApplicationRule,
  exclusionReconsiderationRule,
  s19ProvisionRule,
  partTimeNotificationRule,
  partTimeReviewRule as ConfigurableRule<unknown>,
  supportReviewRule,
  specialSchoolConsentRule,
  consentReminderRule,
  consentManagerEscalationRule,
  cwsa26ConsentRule,
  sicknessEarlyAlertRule,
  absenceRateMinimumRule,
  recordRetentionRule,
  ...configurableCollectionRules,
  supportBarriersRule as ConfigurableRule<unknown>,
  earlyReviewResponseRule as ConfigurableRule<unknown>,
];
