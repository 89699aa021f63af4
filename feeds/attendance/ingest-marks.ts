import type { Pool, PoolClient } from 'pg';
import { copyRows, inTransaction } from '../bulk/copy-rows';
import { CheckedRows } from '../bulk/checked-rows';
import type { Upload } from '../bulk/read-records';
import type { RowErrors } from '../bulk/row-errors';
import { duplicateOf, mergeCounts, refuseStaged } from '../bulk/refuse-staged';
import { inScopeSql, type UploadScope } from '../upload-scope';
import { englandDateOf } from '../../domain/calendar/england-time';
import { markLayout, markRowAsOf } from './mark-row';

export interface MarksWritten {
  received: number;
  inserted: number;
  changed: number;
  unchanged: number;
  rejected: ReturnType<RowErrors['report']>;
  /** Pupils whose marks were added or corrected: the ones detection looks at again. */
  pupilIds: string[];
  /** For each of those pupils, the earliest date added or corrected: detection looks again from there. */
  since: string[];
  /** The schools the accepted rows were for. */
  schoolUrns: string[];
}

/**
 * Loads one upload of register marks in a single transaction: rows are checked as they stream, the good ones
 * are COPYed into a staging table, checked against the register in SQL, and merged. The same marks again
 * change nothing; a corrected mark replaces the old one. A broken file writes nothing.
 */
export async function ingestMarks(pool: Pool, scope: UploadScope, upload: Upload): Promise<MarksWritten> {
  const staged = new CheckedRows(upload, markLayout, markRowAsOf(englandDateOf(new Date())), (mark) => [mark.schoolUrn, mark.upn, mark.date, mark.session, mark.code]);
  const { errors } = staged;
  return inTransaction(pool, async (client) => {
    await client.query('CREATE TEMP TABLE staged_mark (line int, school_urn text, upn text, date date, session text, code text) ON COMMIT DROP');
    await copyRows(client, 'staged_mark', ['line', 'school_urn', 'upn', 'date', 'session', 'code'], staged);
    for (const refusal of await refuseAgainstRegister(client, scope)) errors.add(refusal);
    const { rows: schools } = await client.query<{ school_urn: string }>('SELECT DISTINCT school_urn FROM staged_mark');
    const changed = await mergeMarks(client);
    const merged = { inserted: 0, changed: 0 };
    for (const pupil of changed) {
      merged.inserted += pupil.inserted;
      merged.changed += pupil.changed;
    }
    return {
      ...mergeCounts(staged.received, errors.count, merged),
      rejected: errors.report(),
      pupilIds: changed.map((pupil) => pupil.pupil_id),
      since: changed.map((pupil) => pupil.since),
      schoolUrns: schools.map((row) => row.school_urn),
    };
  });
}

/** Rows the register refuses: unknown school or pupil, out of scope, not on that roll, after leaving, or repeated. */
function refuseAgainstRegister(client: PoolClient, scope: UploadScope) {
  return refuseStaged(
    client,
    'staged_mark',
    'LEFT JOIN school sc ON sc.urn = s.school_urn LEFT JOIN pupil p ON p.upn = s.upn',
    `CASE
       WHEN sc.urn IS NULL THEN 'schoolUrn|school is not on the register'
       WHEN NOT ${inScopeSql} THEN 'schoolUrn|not a school you may upload for'
       WHEN p.id IS NULL THEN 'upn|no pupil with this UPN on the register'
       WHEN p.school_urn IS DISTINCT FROM s.school_urn THEN 'upn|the pupil is not on this school''s roll'
       WHEN p.left_on IS NOT NULL AND s.date > p.left_on THEN 'date|after the pupil left this school'
       ${duplicateOf('session', 's.upn, s.date, s.session')}
     END`,
    [scope.schoolUrns, scope.laCode],
  );
}

/**
 * Inserts new marks and replaces corrected ones; unchanged marks are not touched. Answers one row per pupil
 * whose marks changed (counts and the earliest date), never the marks: the API's memory stays flat with the file.
 */
async function mergeMarks(client: PoolClient) {
  const { rows } = await client.query<{ pupil_id: string; since: string; inserted: number; changed: number }>(
    `WITH merged AS (
     INSERT INTO attendance_mark (pupil_id, date, session, school_urn, code)
     SELECT p.id, s.date, s.session, s.school_urn, s.code FROM staged_mark s JOIN pupil p ON p.upn = s.upn
     ON CONFLICT (pupil_id, date, session) DO UPDATE
       SET code = EXCLUDED.code, school_urn = EXCLUDED.school_urn, recorded_at = now()
       WHERE attendance_mark.code IS DISTINCT FROM EXCLUDED.code OR attendance_mark.school_urn IS DISTINCT FROM EXCLUDED.school_urn
     RETURNING pupil_id, date, (xmax = 0) AS inserted)
     SELECT pupil_id, min(date)::text AS since, count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS changed
     FROM merged GROUP BY pupil_id`,
  );
  return rows;
}
