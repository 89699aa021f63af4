import type { ConcernReason, OpenStage } from './case';
import { cmeOpenRule, exclusionProvisionRule, groundIAbsenceRule, lostPupilsRule, reasonForAbsenceRule, s19ProvisionRule } from './rules/catalogue';
import type { LaPolicy } from './rules/policy';
import type { Rule } from './rules/rule';

/** Parties a case tells; resolved to addresses by the notification layer, per LA. */
export type Party = 'laCmeOfficer' | 'sendTeam' | 'laEheTeam' | 'laHealthOfficer' | 'manager' | 'school' | 'socialCare' | 'police' | 'socialWorker' | 'yotWorker';

export interface OpeningClock {
  rule: Rule;
  /** A statutory count of school days, or the LA setting that holds it. */
  schoolDays: number | 'S19-SLA';
  /** When the clock's duty is the school's, the notification template that tells the school what is due when it runs out. */
  schoolDuty?: 'reason_for_absence_overdue' | 'lost_pupils_ctf_due';
}

/** What a concern of each kind opens: the stage, who is told at once, and the first clock. */
export interface TriggerRule extends Rule {
  kind: 'trigger';
  reason: ConcernReason;
  stage: OpenStage | 'cme_tracing';
  notify: Party[];
  /** Tell only when this LA setting is on. */
  notifyOnlyIf?: 'PART-TIME-NOTIFY';
  clock?: OpeningClock;
}

const trigger = (rule: Omit<TriggerRule, 'kind'>): TriggerRule => ({ kind: 'trigger', ...rule });

/** Triggers of docs/law.md (b), each with its source. */
export const triggerRules: Record<ConcernReason, TriggerRule> = {
  unexplained_absence: trigger({
    id: 'TRIGGER-T1', reason: 'unexplained_absence', title: 'Unexplained absence (code N)', source: 'SAR24 reg 10 Table 3 [S]; first-day calling WTISA [S]', confidence: 'S',
    stage: 'awaiting_reason', notify: ['laCmeOfficer'], clock: { rule: reasonForAbsenceRule, schoolDays: reasonForAbsenceRule.schoolDays, schoolDuty: 'reason_for_absence_overdue' },
  }),
  continuous_unauthorised_absence: trigger({
    id: 'TRIGGER-T2', reason: 'continuous_unauthorised_absence', title: 'Attendance return: 10 continuous school days of unauthorised absence (G, N, O, U)', source: 'WTISA via Derbyshire, Stockport [S]; PRR06 reg 12(1) [P] historic', confidence: 'S',
    stage: 'whereabouts_check', notify: ['laCmeOfficer'],
  }),
  continuous_absence_20_days: trigger({
    id: 'TRIGGER-T2-20', reason: 'continuous_absence_20_days', title: 'Register: 20 continuous school days, every session G, N or O: joint enquiries before ground I', source: `SAR24 reg 9(1)(i) [S]; then ${groundIAbsenceRule.id}`, confidence: 'S',
    stage: 'whereabouts_check', notify: ['laCmeOfficer'],
  }),
  sickness_expected_15_days: trigger({
    id: 'TRIGGER-T3', reason: 'sickness_expected_15_days', title: 'Sickness return: expected to miss 15 school days through sickness', source: 'Derbyshire, Herts, Lincolnshire; CME24 p.11 [S]', confidence: 'S',
    stage: 'health_needs_s19', notify: ['laHealthOfficer'], clock: { rule: s19ProvisionRule, schoolDays: 'S19-SLA' },
  }),
  persistent_absence_send: trigger({
    id: 'TRIGGER-T4', reason: 'persistent_absence_send', title: 'Persistent absence (10% or more) of a pupil with SEN support or an EHC plan', source: 'EES definitions; WTISA SEND section [S]', confidence: 'S',
    stage: 'support_first', notify: ['sendTeam'],
  }),
  severe_absence_send: trigger({
    id: 'TRIGGER-T5', reason: 'severe_absence_send', title: 'Severe absence (50% or more) of a pupil with SEN support or an EHC plan: attendance plan', source: 'EES; Devon TSM page [S]', confidence: 'S',
    stage: 'support_first', notify: ['sendTeam', 'laCmeOfficer'],
  }),
  part_time_timetable: trigger({
    id: 'TRIGGER-T7', reason: 'part_time_timetable', title: 'Part-time timetable agreed (code C2): exceptional, time-limited, reviewed', source: 'WTISA via Norfolk [S]; LA notification local (PART-TIME-NOTIFY)', confidence: 'S',
    stage: 'support_first', notify: ['laCmeOfficer'], notifyOnlyIf: 'PART-TIME-NOTIFY',
  }),
  ehe_written_notice: trigger({
    id: 'TRIGGER-T8', reason: 'ehe_written_notice', title: "Parent's written notice of elective home education", source: 'CME24 p.7 via edyourself [S]', confidence: 'S',
    stage: 'deletion_intended', notify: ['laEheTeam'],
  }),
  ehe_oral_intention: trigger({
    id: 'TRIGGER-T9', reason: 'ehe_oral_intention', title: 'Parent says they intend to home educate (no deletion on an oral intention)', source: 'CME24: tell the LA at the earliest opportunity [S]', confidence: 'S',
    stage: 'whereabouts_check', notify: ['laEheTeam'],
  }),
  intended_deletion: trigger({
    id: 'TRIGGER-T10', reason: 'intended_deletion', title: "School's intention to delete on a ground A-O", source: 'SAR24 reg 9, reg 13(4) [P]', confidence: 'P',
    stage: 'deletion_intended', notify: ['laCmeOfficer'],
  }),
  leaver_unknown_destination: trigger({
    id: 'TRIGGER-T11', reason: 'leaver_unknown_destination', title: 'Leaver with unknown destination, moved away or abroad', source: 'S2S guide copy, EGfL, Bradford [S]', confidence: 'S',
    stage: 'whereabouts_check', notify: ['laCmeOfficer'], clock: { rule: lostPupilsRule, schoolDays: lostPupilsRule.schoolDays, schoolDuty: 'lost_pupils_ctf_due' },
  }),
  no_show: trigger({
    id: 'TRIGGER-T12', reason: 'no_show', title: 'Allocated or admitted but never arrived', source: 'Derbyshire, Gloucestershire CME procedures [S]', confidence: 'S',
    stage: 'whereabouts_check', notify: ['laCmeOfficer'],
  }),
  permanent_exclusion: trigger({
    id: 'TRIGGER-T13', reason: 'permanent_exclusion', title: 'Permanent exclusion: head tells the LA without delay', source: 'Haringey, LG Inform, Medway [S]; EXCL12 reg 24 [P]', confidence: 'S',
    stage: 'exclusion_process', notify: ['laCmeOfficer'], clock: { rule: exclusionProvisionRule, schoolDays: exclusionProvisionRule.schoolDays },
  }),
  referral_no_roll: trigger({
    id: 'TRIGGER-T15', reason: 'referral_no_roll', title: 'Referral of a child on no school roll (public, agency, other LA, health, police)', source: `EA96 s436A [P]; Blackburn, Bradford [S]; then ${cmeOpenRule.id}`, confidence: 'P',
    stage: 'cme_tracing', notify: ['laCmeOfficer'],
  }),
};

/** Who a concern of this kind tells, under this LA's settings. */
export function partiesToTell(rule: TriggerRule, policy: LaPolicy): Party[] {
  return rule.notifyOnlyIf && !policy[rule.notifyOnlyIf] ? [] : rule.notify;
}

/** The school days of a trigger's first clock under this LA's settings. */
export function clockSchoolDays(clock: OpeningClock, policy: LaPolicy): number {
  return typeof clock.schoolDays === 'number' ? clock.schoolDays : policy[clock.schoolDays];
}
