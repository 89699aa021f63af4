import type { CalendarStore } from '../db/calendar-store';
import { englandDateOf } from '../domain/calendar/england-time';
import { assessGround, type GroundAssessment } from '../domain/deletion/assess-ground';
import type { DeletionRequestDetails, JointEnquiries } from '../domain/deletion/evidence';

export interface AssessDeletionInput {
  request: DeletionRequestDetails;
  schoolUrn: string;
  jointEnquiries?: JointEnquiries;
  groundHSchoolDays: number;
}

/** Checks a deletion ground against the school's own calendar and today's date in England. */
export function createAssessDeletion(calendars: Pick<CalendarStore, 'calendarOf'>, now: () => Date = () => new Date()) {
  return async function assessDeletion(input: AssessDeletionInput): Promise<GroundAssessment> {
    const calendar = await calendars.calendarOf(input.schoolUrn);
    return assessGround(input.request, {
      today: englandDateOf(now()),
      schoolDaysBetween: (from, to) => calendar.schoolDaysBetween(from, to),
      jointEnquiries: input.jointEnquiries,
      groundHSchoolDays: input.groundHSchoolDays,
    });
  };
}
