import type { CalendarStore } from '../db/calendar-store';
import type { MarkStore } from '../db/attendance-marks';
import { englandDateOf } from '../domain/calendar/england-time';
import type { SchoolCalendar } from '../domain/calendar/school-calendar';
import { assessGround, type GroundAssessment } from '../domain/deletion/assess-ground';
import type { DeletionRequestDetails, JointEnquiries } from '../domain/deletion/evidence';
import type { ExclusionPeriods } from '../domain/deletion/exclusion-process';
import { checkAgainstRegister, claimedAbsence, type AttestedRun, type ClaimedAbsence, type RegisterCheck } from '../domain/deletion/register-check';

export interface AssessDeletionInput {
  request: DeletionRequestDetails;
  pupilId: string;
  schoolUrn: string;
  jointEnquiries?: JointEnquiries;
  groundHSchoolDays: number;
  exclusionPeriods: ExclusionPeriods;
}

export interface DeletionAssessment extends GroundAssessment {
  /** Grounds H and I: the days of the claimed absence the register holds no marks for (absent in results recorded before the register check). */
  attestedOnly?: AttestedRun[];
}

export interface CheckDeletionRegisterInput {
  pupilId: string;
  schoolUrn: string;
  claim: ClaimedAbsence;
}

/**
 * Checks a deletion ground against the school's own calendar, today's date in England and, for grounds H and
 * I, the register marks the system holds for the pupil (GROUND-H, GROUND-I).
 */
export function createDeletionChecks(calendars: Pick<CalendarStore, 'calendarOf'>, marks: Pick<MarkStore, 'marksOf'>, now: () => Date = () => new Date()) {
  async function againstRegister(pupilId: string, schoolUrn: string, claim: ClaimedAbsence, calendar: SchoolCalendar, today: string): Promise<RegisterCheck> {
    const stored = await marks.marksOf(pupilId, schoolUrn, claim.from, claim.to ?? today);
    return checkAgainstRegister(claim, stored, calendar, today);
  }

  return {
    async assessDeletion(input: AssessDeletionInput): Promise<DeletionAssessment> {
      const calendar = await calendars.calendarOf(input.schoolUrn);
      const today = englandDateOf(now());
      const assessment = assessGround(input.request, {
        today,
        schoolDaysBetween: (from, to) => calendar.schoolDaysBetween(from, to),
        calendar,
        jointEnquiries: input.jointEnquiries,
        groundHSchoolDays: input.groundHSchoolDays,
        exclusionPeriods: input.exclusionPeriods,
      });
      const claim = claimedAbsence(input.request);
      if (!claim) return { ...assessment, attestedOnly: [] };
      const register = await againstRegister(input.pupilId, input.schoolUrn, claim, calendar, today);
      const reasons = [...assessment.reasons, ...register.contradictions];
      return { ...assessment, qualifies: reasons.length === 0, reasons, attestedOnly: register.attestedOnly };
    },

    /** At confirmation: marks may have been corrected since the request. */
    async checkDeletionRegister(input: CheckDeletionRegisterInput): Promise<RegisterCheck> {
      const calendar = await calendars.calendarOf(input.schoolUrn);
      return againstRegister(input.pupilId, input.schoolUrn, input.claim, calendar, englandDateOf(now()));
    },
  };
}
