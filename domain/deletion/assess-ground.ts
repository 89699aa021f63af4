import { addCalendarDays, readableDate, type IsoDate } from '../calendar/iso-date';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { groundIAbsenceRule, noBackdatingRule } from '../rules/catalogue';
import type { DeletionRequestDetails, JointEnquiries } from './evidence';
import { exclusionDateProblems, groundODate, type ExclusionPeriods } from './exclusion-process';

export interface GroundContext {
  /** Today in England: a deletion may take effect today or later, never earlier. */
  today: IsoDate;
  /** School days of this school after `from` up to and including `to`. */
  schoolDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The school's calendar, for the dates of the exclusion process (ground O). */
  calendar: Pick<SchoolCalendar, 'addSchoolDays'>;
  jointEnquiries?: JointEnquiries;
  /** LA setting of the configurable ground H period (GROUND-H). */
  groundHSchoolDays: number;
  /** LA settings of the exclusion process periods ground O waits for. */
  exclusionPeriods: ExclusionPeriods;
}

export interface GroundAssessment {
  qualifies: boolean;
  /** Why the ground does not apply; empty when it does. */
  reasons: string[];
  ruleIds: string[];
}

/**
 * Whether the ground a school names for deleting a pupil applies, with every reason it does not. A name
 * "can and must be deleted if, and only if" a reg 9 ground applies (SAR24 Explanatory Note [P]).
 */
export function assessGround(request: DeletionRequestDetails, context: GroundContext): GroundAssessment {
  const reasons: string[] = [];
  const ruleIds = [`GROUND-${request.ground}`, noBackdatingRule.id];
  const fail = (reason: string) => reasons.push(reason);

  if (request.deleteOn < context.today) fail(`deleteOn ${request.deleteOn} is before today (${context.today}): deletions are never backdated`);

  switch (request.ground) {
    case 'A': {
      const e = request.evidence;
      if (!e.newSchoolName.trim()) fail('the new school must be named');
      if (e.saoNamesThisSchool) fail('a school attendance order naming this school is in force');
      if (e.mobileChildWithMainSchoolHere) fail('the pupil is a mobile child and this is their main school');
      if (e.dualRegistrationAgreed) fail('dual registration was agreed with the other school');
      break;
    }
    case 'B':
      if (!request.evidence.completedNursery) fail('the pupil has not completed nursery education here');
      if (request.evidence.reasonableGroundsToExpectReturn) fail('there are reasonable grounds to believe the pupil will attend again');
      break;
    case 'C': {
      const e = request.evidence;
      if (e.reasonableGroundsToExpectReturn) fail('there are reasonable grounds to believe the pupil will attend again');
      if (!e.everyOtherSchoolConsented) fail('every other school at which the pupil is registered must consent');
      if (e.saoNamesThisSchool) fail('a school attendance order naming this school is in force');
      if (e.mobileChildWithMainSchoolHere) fail('the pupil is a mobile child and this is their main school');
      break;
    }
    case 'D':
      if (!request.evidence.saoAmendedToNameAnotherSchool) fail('the LA has not amended the school attendance order to name another school');
      break;
    case 'E':
      if (!request.evidence.saoRevokedAsEducationArrangedOtherwise) fail('the LA has not revoked the school attendance order');
      break;
    case 'F': {
      const e = request.evidence;
      if (!e.writtenNoticeReceived) fail('the parent must notify the school in writing; an oral intention is not a ground');
      if (e.saoInForce) fail('a school attendance order is in force');
      if (request.deleteOn < e.educationOtherwiseFrom) fail(`the date in the parent's notice (${e.educationOtherwiseFrom}) has not yet passed`);
      break;
    }
    case 'G':
      if (!request.evidence.noLongerResidesWithinReasonableDistance) fail('the pupil still lives within a reasonable distance');
      if (request.evidence.isBoarder) fail('ground G does not apply to boarders');
      break;
    case 'H': {
      const e = request.evidence;
      if (e.returnedSince) fail('the pupil has attended since the leave ended');
      const days = context.schoolDaysBetween(e.leaveEndedOn, context.today);
      if (days < context.groundHSchoolDays) fail(`only ${days} school days since the leave ended on ${e.leaveEndedOn}; ${context.groundHSchoolDays} are needed`);
      if (e.sicknessOrUnavoidableCauseBelieved) fail('there are reasonable grounds to believe the pupil is ill or unavoidably prevented from attending');
      requireJointEnquiries(context.jointEnquiries, fail);
      break;
    }
    case 'I': {
      const e = request.evidence;
      // Both ends of the period count, so count from the day before it.
      const days = context.schoolDaysBetween(addCalendarDays(e.absentFrom, -1), e.absentTo);
      if (days < groundIAbsenceRule.schoolDays) fail(`only ${days} continuous school days of absence; ${groundIAbsenceRule.schoolDays} are needed`);
      const allowed: readonly string[] = groundIAbsenceRule.codes;
      const breaking = [...new Set(e.sessionCodes)].filter((code) => !allowed.includes(code));
      if (e.sessionCodes.length === 0) fail('the attendance codes of the period must be given');
      if (breaking.length > 0) fail(`sessions coded ${breaking.join(', ')} break the period: every session must be G, N or O`);
      if (e.sicknessOrUnavoidableCauseBelieved) fail('there are reasonable grounds to believe the pupil is ill or unavoidably prevented from attending');
      if (e.absentTo > context.today) fail('the absence period cannot end in the future');
      requireJointEnquiries(context.jointEnquiries, fail);
      break;
    }
    case 'J':
      if (!request.evidence.detainedUnderSentence) fail('the pupil is not detained under a sentence');
      if (request.evidence.reasonableGroundsToExpectReturnAfterwards) fail('there are reasonable grounds to believe the pupil will return afterwards');
      break;
    case 'K':
      if (!request.evidence.died) fail('the death of the pupil must be confirmed');
      break;
    case 'L':
      if (!request.evidence.ceasesCompulsoryAgeBeforeSchoolNextMeets) fail('the pupil does not cease to be of compulsory school age before the school next meets');
      if (!request.evidence.notContinuingIntoSixthForm) fail('the pupil is continuing into the sixth form');
      break;
    case 'M':
      if (!request.evidence.boarderWithFeesUnpaid) fail('boarding fees are not unpaid');
      break;
    case 'N':
      if (!request.evidence.ceasedToBePupilOfIndependentOrNonMaintainedSpecialSchool) fail('the pupil has not ceased to be a pupil of this independent or non-maintained special school');
      break;
    case 'O': {
      const problems = exclusionDateProblems(request.evidence, context.today);
      problems.forEach(fail);
      if (problems.length > 0) break;
      const from = groundODate(request.evidence, context.calendar, context.exclusionPeriods);
      if ('waiting' in from) fail(`ground O waits for the exclusion process: ${from.waiting}`);
      else if (request.deleteOn < from.date) fail(`the pupil may be deleted on ground O from ${readableDate(from.date)}: ${from.why}`);
      break;
    }
  }
  return { qualifies: reasons.length === 0, reasons, ruleIds };
}

/** Grounds H and I: joint school + LA enquiries, signed off by both, and the pupil not expected back. */
function requireJointEnquiries(enquiries: JointEnquiries | undefined, fail: (reason: string) => void): void {
  if (!enquiries) return void fail('joint school and LA reasonable enquiries have not been completed');
  if (!enquiries.schoolSignedOff || !enquiries.laSignedOff) fail('joint enquiries must be signed off by both the school and the LA');
  if (enquiries.outcome === 'found_may_return') fail('the pupil was found and may return: keep on roll and continue attendance casework');
}
