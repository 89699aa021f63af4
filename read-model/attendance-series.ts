import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { schoolYearOf, schoolYearStart } from '../domain/attendance/school-year';
import { attendanceWeeks, mondayOf, percentOf, type CodeCount } from '../domain/attendance/weekly-attendance';
import { englandDateOf } from '../domain/calendar/england-time';

/** The audit actions that change the support a pupil gets: each is a marker on the attendance chart. */
export const supportChanges = ['support_stage_changed', 'support_barrier_recorded', 'support_action_added', 'support_action_status_changed', 'support_review_recorded'] as const;
type SupportChange = (typeof supportChanges)[number];

/** What a marker says changed: the audited detail's coded fields, never its free text beyond the action agreed. */
const markerKeys = ['to', 'code', 'owner', 'what', 'status', 'nextStep'] as const;

/**
 * A case's pupil's attendance this school year (at any school), week by week from the feed's marks, with the codes
 * behind each week, and the points where the case's support changed (its audit entries), so a reader sees whether
 * the support is working.
 */
export async function attendanceSeries(db: Db, caseId: string, now = new Date()) {
  const kase = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { pupilId: true } });
  const year = schoolYearOf(englandDateOf(now));
  const from = schoolYearStart(year);
  const [counts, changes] = await Promise.all([
    db.$queryRaw<CodeCount[]>(Prisma.sql`
      SELECT date_trunc('week', date)::date::text AS "weekOf", code, count(*)::int AS sessions
      FROM attendance_mark WHERE pupil_id = ${kase.pupilId}::uuid AND date >= ${from}::date
      GROUP BY 1, 2`),
    db.auditEntry.findMany({
      where: { caseId, action: { in: [...supportChanges] }, occurredAt: { gte: new Date(`${from}T00:00:00Z`) } },
      select: { occurredAt: true, action: true, actor: true, detail: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  const weeks = attendanceWeeks(counts);
  const sum = (key: 'possibleSessions' | 'present' | 'authorisedAbsence' | 'unauthorisedAbsence') => weeks.reduce((total, week) => total + week[key], 0);
  const possibleSessions = sum('possibleSessions');
  return {
    caseId,
    schoolYear: `${year}/${String(year + 1).slice(2)}`,
    from,
    weeks,
    total: { possibleSessions, present: sum('present'), authorisedAbsence: sum('authorisedAbsence'), unauthorisedAbsence: sum('unauthorisedAbsence'), attendancePercent: percentOf(sum('present'), possibleSessions) },
    supportChanges: changes.map(({ occurredAt, action, actor, detail }) => {
      const date = englandDateOf(occurredAt);
      const said = detail as Record<string, unknown>;
      const changed = Object.fromEntries(markerKeys.filter((key) => typeof said[key] === 'string').map((key) => [key, said[key] as string]));
      // The query above reads only these actions.
      return { at: occurredAt.toISOString(), weekOf: mondayOf(date), action: action as SupportChange, actor, changed };
    }),
  };
}
