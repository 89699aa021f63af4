import { endOfEnglandDay, englandDateOf } from '../domain/england-time';
import { addSchoolDays } from '../domain/school-days';

export interface DeadlineRequest {
  /** ISO instant the clock starts from. */
  from: string;
  schoolDays: number;
  schoolUrn: string;
}

/** The instant a school-day clock runs out: the end of the Nth school day after `from`, in England. */
export async function deadlineAfterSchoolDays(request: DeadlineRequest): Promise<string> {
  const lastDay = addSchoolDays(englandDateOf(new Date(request.from)), request.schoolDays);
  return endOfEnglandDay(lastDay).toISOString();
}
