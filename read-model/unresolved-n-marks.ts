import type { Prisma } from '@prisma/client';
import { codeNOverdueBefore, schoolDaysOverdue, unresolvedCodeNKind } from '../domain/attendance/code-n';
import { englandDateOf } from '../domain/calendar/england-time';
import { addCalendarDays, type IsoDate } from '../domain/calendar/iso-date';
import type { SchoolCalendar } from '../domain/calendar/school-calendar';
import { reasonForAbsenceRule } from '../domain/rules/catalogue';
import { createCalendarStore } from '../db/calendar-store';
import type { Db } from '../db/prisma';
import type { Principal } from '../domain/principal';

const isoDate = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/** Marks a school's users see: their own schools'; LA staff: their LA's schools (every LA for a manager without one). */
function markScope(principal: Principal): Prisma.AttendanceMarkWhereInput {
  if (principal.role === 'school') return { schoolUrn: { in: principal.schoolUrns } };
  return principal.laCode ? { school: { laCode: principal.laCode } } : {};
}

/**
 * T1 (`reasonForAbsenceRule`): pupils in scope whose register still has code N more than 5 school days after the
 * session, on their school's calendar, read from the marks as they stand: a later upload replacing the codes
 * takes the pupil off the list. Each item names the case the prompt went to and when, once the feed has prompted.
 */
export async function unresolvedNMarksOf(db: Db, principal: Principal, now = new Date()) {
  const today = englandDateOf(now);
  // 5 school days lie after the session and before today, so no session of the last 6 days can be overdue.
  const marks = await db.attendanceMark.findMany({
    where: { AND: [markScope(principal), { code: 'N', date: { lte: new Date(`${addCalendarDays(today, -6)}T00:00:00Z`) } }] },
    select: { date: true, session: true, schoolUrn: true, pupil: { select: { id: true, upn: true, openCaseId: true } } },
    orderBy: [{ date: 'asc' }, { session: 'asc' }],
    take: 2000,
  });
  const calendars = createCalendarStore(db);
  const schools = new Map<string, { calendar: SchoolCalendar; overdueBefore: IsoDate | undefined }>();
  const byPupil = new Map<string, { pupilId: string; upn: string | null; schoolUrn: string; openCaseId: string | null; sessions: { date: IsoDate; session: string }[] }>();
  for (const mark of marks) {
    let school = schools.get(mark.schoolUrn);
    if (!school) {
      const calendar = await calendars.calendarOf(mark.schoolUrn);
      school = { calendar, overdueBefore: codeNOverdueBefore(calendar, today) };
      schools.set(mark.schoolUrn, school);
    }
    const date = isoDate(mark.date);
    if (!school.overdueBefore || date >= school.overdueBefore) continue;
    const { id: pupilId, upn, openCaseId } = mark.pupil;
    const item = byPupil.get(pupilId) ?? { pupilId, upn, schoolUrn: mark.schoolUrn, openCaseId, sessions: [] };
    item.sessions.push({ date, session: mark.session });
    byPupil.set(pupilId, item);
  }
  const prompts = await db.detectionAlert.findMany({
    where: { kind: unresolvedCodeNKind, pupilId: { in: [...byPupil.keys()] } },
    orderBy: { detectedAt: 'desc' },
    select: { pupilId: true, caseId: true, deliveredAt: true },
  });
  return [...byPupil.values()].slice(0, 50).map(({ pupilId, openCaseId, sessions, ...item }) => {
    const prompt = prompts.find((p) => p.pupilId === pupilId);
    return {
      ...item,
      caseId: prompt?.caseId ?? openCaseId,
      promptedAt: prompt?.deliveredAt?.toISOString() ?? null,
      ruleId: reasonForAbsenceRule.id,
      sessions,
      // Counted from the oldest session still coded N.
      schoolDaysOverdue: schoolDaysOverdue(schools.get(item.schoolUrn)!.calendar, sessions[0]!.date, today),
    };
  });
}
