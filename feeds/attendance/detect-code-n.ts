import type { Pool } from 'pg';
import { codesIn } from '../../domain/attendance/codes';
import { codeNOverdueBefore, unresolvedCodeNKind } from '../../domain/attendance/code-n';
import { englandDateOf } from '../../domain/calendar/england-time';
import type { IsoDate } from '../../domain/calendar/iso-date';
import { reasonForAbsenceRule } from '../../domain/rules/catalogue';
import { createCalendarStore } from '../../db/calendar-store';
import type { Db } from '../../db/prisma';

/**
 * Finds, at each of these schools, pupils whose register still has code N more than 5 school days (the
 * school's own calendar) after the session, and records each N-episode once per pupil: a run of school days
 * (days with counted marks, as detect-crossings.ts counts them) with a session coded N, named by its first day.
 * Every upload of a school looks again, since a mark becomes overdue by time passing, not by being sent again.
 * Each new episode names the upload that found it. Returns how many episodes are new.
 */
export async function detectUnresolvedCodeN(db: Db, pool: Pool, schoolUrns: string[], uploadId: string | null, today: IsoDate = englandDateOf(new Date())): Promise<number> {
  const calendars = createCalendarStore(db);
  const cutoffs: { urn: string; before: IsoDate }[] = [];
  for (const urn of schoolUrns) {
    const before = codeNOverdueBefore(await calendars.calendarOf(urn), today);
    if (before) cutoffs.push({ urn, before });
  }
  if (cutoffs.length === 0) return 0;
  const { rowCount } = await pool.query(unresolvedSql, [cutoffs.map((c) => c.urn), cutoffs.map((c) => c.before), codesIn('not_counted'), uploadId]);
  return rowCount ?? 0;
}

const unresolvedSql = `
WITH cutoff AS (
  SELECT * FROM unnest($1::text[], $2::date[]) AS c(school_urn, overdue_before)
), pupils AS (
  SELECT DISTINCT m.pupil_id FROM attendance_mark m JOIN cutoff c ON c.school_urn = m.school_urn
  WHERE m.code = 'N' AND m.date < c.overdue_before
), days AS (
  SELECT m.pupil_id, m.date, min(c.overdue_before) AS overdue_before,
    count(*) FILTER (WHERE m.code = 'N')::int AS n_sessions,
    row_number() OVER (PARTITION BY m.pupil_id ORDER BY m.date) AS n
  FROM pupils p JOIN attendance_mark m ON m.pupil_id = p.pupil_id JOIN cutoff c ON c.school_urn = m.school_urn
  WHERE m.code <> ALL($3::text[])
  GROUP BY m.pupil_id, m.date
), runs AS (
  -- Gaps and islands: consecutive school days with an N session share n minus their rank among such days.
  SELECT pupil_id, min(date) AS first_day, max(date) FILTER (WHERE date < overdue_before) AS last_overdue,
    sum(n_sessions) FILTER (WHERE date < overdue_before)::int AS overdue_sessions
  FROM (SELECT d.*, d.n - row_number() OVER (PARTITION BY d.pupil_id ORDER BY d.date) AS island FROM days d WHERE d.n_sessions > 0) islands
  GROUP BY pupil_id, island
)
INSERT INTO detection_alert (id, pupil_id, kind, episode, detail, upload_id)
SELECT gen_random_uuid(), pupil_id, '${unresolvedCodeNKind}', 'run:' || first_day,
  jsonb_build_object('ruleId', '${reasonForAbsenceRule.id}', 'from', first_day, 'to', last_overdue, 'sessions', overdue_sessions), $4::uuid
FROM runs WHERE overdue_sessions > 0
ON CONFLICT (pupil_id, kind, episode) DO NOTHING`;
