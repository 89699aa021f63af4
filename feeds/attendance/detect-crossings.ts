import type { Pool } from 'pg';
import { absenceCodes, codesIn, possibleSessionCodes } from '../../domain/attendance/codes';
import { attendanceReturnRule, persistentAbsenceRule, severeAbsenceRule, sicknessEarlyAlertRule, sicknessReturnRule } from '../../domain/attendance/thresholds';
import { groundIAbsenceRule } from '../../domain/rules/catalogue';
import { resolvePolicy } from '../../domain/rules/policy';
import type { Db } from '../../db/prisma';

/**
 * Finds, in set-based SQL over the stored marks of the given pupils, every threshold they have crossed, and
 * records each crossing once per (pupil, kind, episode), naming the upload that found it. Returns how many
 * crossings are new.
 *
 * A "school day" is a day the pupil has a counted mark: holidays and closures (no marks, or #, X, Z, D) neither
 * break nor extend a run. A day counts towards a run only if every counted session that day has the run's codes.
 */
export async function detectCrossings(db: Db, pool: Pool, pupilIds: string[], uploadId: string | null): Promise<number> {
  if (pupilIds.length === 0) return 0;
  const { rows: byLa } = await pool.query<{ la_code: string; ids: string[] }>(
    `SELECT sc.la_code, array_agg(p.id) AS ids FROM unnest($1::uuid[]) AS changed(id)
     JOIN pupil p ON p.id = changed.id JOIN school sc ON sc.urn = p.school_urn GROUP BY sc.la_code`,
    [pupilIds],
  );
  let found = 0;
  for (const { la_code: laCode, ids } of byLa) {
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
    ]);
    found += rowCount ?? 0;
  }
  return found;
}

const crossingsSql = `
WITH marks AS (
  SELECT m.pupil_id, m.date, m.code FROM unnest($1::uuid[]) AS changed(id)
  JOIN attendance_mark m ON m.pupil_id = changed.id WHERE m.code <> ALL($2::text[])
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
  -- School years start on 1 September.
  SELECT m.pupil_id, extract(year FROM m.date - interval '8 months')::int AS year,
    count(*) FILTER (WHERE m.code = ANY($9::text[]))::int AS possible,
    count(*) FILTER (WHERE m.code = ANY($10::text[]))::int AS absent,
    count(*) FILTER (WHERE m.code = 'I')::int AS sick
  FROM marks m GROUP BY 1, 2
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
