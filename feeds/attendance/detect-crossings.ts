import type { Pool } from 'pg';
import { absenceCodes, codesIn, possibleSessionCodes } from '../../domain/attendance/codes';
import { attendanceReturnRule, persistentAbsenceRule, severeAbsenceRule, sicknessEarlyAlertRule, sicknessReturnRule } from '../../domain/attendance/thresholds';
import { groundIAbsenceRule } from '../../domain/rules/catalogue';
import { resolvePolicy } from '../../domain/rules/policy';
import type { Db } from '../../db/prisma';

/** Pupils whose marks changed, each with the earliest date changed (null: look at all the pupil's marks). */
export interface ChangedPupils {
  pupilIds: string[];
  since: (string | null)[];
}

/**
 * Finds, in set-based SQL over what changed for the given pupils, every threshold they have crossed, and
 * records each crossing once per (pupil, kind, episode), naming the upload that found it. Returns how many
 * crossings are new.
 *
 * A "school day" is a day the pupil has a counted mark: holidays and closures (no marks, or #, X, Z, D) neither
 * break nor extend a run. A day counts towards a run only if every counted session that day has the run's codes.
 *
 * Incremental, so a day's detection costs the same in July as in September: runs are read only from the last
 * school day before `since` with a session that breaks every run (a run through a changed day starts after
 * it), and the yearly thresholds from the per-code session counts the merge's triggers keep (pupil_year_code),
 * never from the marks.
 */
export async function detectCrossings(db: Db, pool: Pool, changed: ChangedPupils, uploadId: string | null): Promise<number> {
  if (changed.pupilIds.length === 0) return 0;
  const { rows: byLa } = await pool.query<{ la_code: string; ids: string[]; since: (string | null)[] }>(
    `SELECT sc.la_code, array_agg(p.id) AS ids, array_agg(changed.since::text) AS since FROM unnest($1::uuid[], $2::date[]) AS changed(id, since)
     JOIN pupil p ON p.id = changed.id JOIN school sc ON sc.urn = p.school_urn GROUP BY sc.la_code`,
    [changed.pupilIds, changed.since],
  );
  let found = 0;
  for (const { la_code: laCode, ids, since } of byLa) {
    const policy = resolvePolicy(await db.laRuleSetting.findMany({ where: { laCode } }));
    const { rowCount } = await pool.query(crossingsSql, [
      ids,
      codesIn('not_counted'),
      attendanceReturnRule.codes,
      groundIAbsenceRule.codes,
      attendanceReturnRule.schoolDays,
      groundIAbsenceRule.schoolDays,
      policy['SICKNESS-ALERT-RUN'],
      sicknessReturnRule.schoolDays * 2,
      possibleSessionCodes,
      absenceCodes,
      policy['ABSENCE-RATE-MIN-SESSIONS'],
      persistentAbsenceRule.rate,
      severeAbsenceRule.rate,
      uploadId,
      since,
    ]);
    found += rowCount ?? 0;
  }
  return found;
}

const crossingsSql = `
WITH marks AS (
  SELECT m.pupil_id, m.date, m.code FROM unnest($1::uuid[], $15::date[]) AS changed(id, since)
  LEFT JOIN LATERAL (
    -- Backwards along the key from the changed date to the last counted session whose code is in no run: its day
    -- breaks every run. One index step for a pupil who was in school, never a read of the year.
    SELECT d.date FROM attendance_mark d
    WHERE d.pupil_id = changed.id AND d.date < changed.since
      AND d.code <> ALL($2::text[]) AND d.code <> ALL($3::text[]) AND d.code <> ALL($4::text[]) AND d.code <> 'I'
    ORDER BY d.date DESC LIMIT 1
  ) AS break ON true
  JOIN attendance_mark m ON m.pupil_id = changed.id AND m.date > coalesce(break.date, '-infinity'::date) WHERE m.code <> ALL($2::text[])
), days AS (
  SELECT pupil_id, date,
    bool_and(code = ANY($3::text[])) AS unauthorised,
    bool_and(code = ANY($4::text[])) AS gno,
    bool_and(code = 'I') AS sick,
    row_number() OVER (PARTITION BY pupil_id ORDER BY date) AS n
  FROM marks GROUP BY pupil_id, date
), flagged AS (
  SELECT d.pupil_id, d.date, d.n, f.flag
  FROM days d CROSS JOIN LATERAL (VALUES ('unauthorised', d.unauthorised), ('gno', d.gno), ('sick', d.sick)) AS f(flag, is_on)
  WHERE f.is_on
), runs AS (
  -- Gaps and islands: consecutive school days with the same flag share n minus their rank within the flag.
  SELECT pupil_id, flag, min(date) AS first_day, max(date) AS last_day, count(*)::int AS days
  FROM (SELECT f.*, f.n - row_number() OVER (PARTITION BY f.pupil_id, f.flag ORDER BY f.date) AS island FROM flagged f) islands
  GROUP BY pupil_id, flag, island
), years AS (
  SELECT c.pupil_id, c.school_year AS year,
    coalesce(sum(c.sessions) FILTER (WHERE c.code = ANY($9::text[])), 0)::int AS possible,
    coalesce(sum(c.sessions) FILTER (WHERE c.code = ANY($10::text[])), 0)::int AS absent,
    coalesce(sum(c.sessions) FILTER (WHERE c.code = 'I'), 0)::int AS sick
  FROM unnest($1::uuid[]) AS changed(id) JOIN pupil_year_code c ON c.pupil_id = changed.id
  WHERE c.code <> ALL($2::text[])
  GROUP BY 1, 2
), crossings AS (
  SELECT pupil_id, 'continuous_unauthorised_absence' AS kind, 'run:' || first_day AS episode,
    jsonb_build_object('ruleId', '${attendanceReturnRule.id}', 'schoolDays', days, 'from', first_day, 'to', last_day) AS detail
  FROM runs WHERE flag = 'unauthorised' AND days >= $5
  UNION ALL
  SELECT pupil_id, 'continuous_absence_20_days', 'run:' || first_day,
    jsonb_build_object('ruleId', '${groundIAbsenceRule.id}', 'schoolDays', days, 'from', first_day, 'to', last_day)
  FROM runs WHERE flag = 'gno' AND days >= $6
  UNION ALL
  SELECT pupil_id, 'sickness_expected_15_days', 'run:' || first_day,
    jsonb_build_object('ruleId', '${sicknessEarlyAlertRule.id}', 'schoolDays', days, 'from', first_day, 'to', last_day)
  FROM runs WHERE flag = 'sick' AND days >= $7
  UNION ALL
  SELECT pupil_id, 'sickness_expected_15_days', 'year:' || year,
    jsonb_build_object('ruleId', '${sicknessReturnRule.id}', 'sessions', sick, 'schoolYear', year)
  FROM years WHERE sick >= $8
  UNION ALL
  SELECT y.pupil_id, r.kind, 'year:' || y.year,
    jsonb_build_object('ruleId', r.rule_id, 'possibleSessions', y.possible, 'absentSessions', y.absent, 'rate', round(y.absent::numeric / y.possible, 3), 'schoolYear', y.year)
  FROM years y
  JOIN pupil p ON p.id = y.pupil_id AND p.sen_status IN ('sen_support', 'ehc_plan')
  CROSS JOIN (VALUES ('persistent_absence_send', '${persistentAbsenceRule.id}', $12::numeric), ('severe_absence_send', '${severeAbsenceRule.id}', $13::numeric)) AS r(kind, rule_id, rate)
  WHERE y.possible >= $11 AND y.absent >= r.rate * y.possible
)
INSERT INTO detection_alert (id, pupil_id, kind, episode, detail, upload_id)
SELECT gen_random_uuid(), pupil_id, kind, episode, detail, $14::uuid FROM crossings
ON CONFLICT (pupil_id, kind, episode) DO NOTHING`;
