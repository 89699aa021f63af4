import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';

/** Where a child's education stood at an instant, from the status history, and since when without a break. */
export interface StatusAt {
  pupilId: string;
  caseId: string;
  status: string;
  /** The start of the unbroken run of this status the instant falls in. */
  since: Date;
  reason: string | null;
  /** The school whose roll the child was on when the case opened. */
  schoolUrn: string | null;
}

/** Which children an answer may count: an LA's, or only a school's own pupils (the cases' scope). */
export interface RegisterScope {
  laCode: string;
  schoolUrns?: string[];
}

/**
 * Common table expressions h (the rows in force by `at`) and r (each row numbered with its run: the rows of one
 * status without a break, per child), for a WITH clause.
 */
export function statusRuns(at: Date): Prisma.Sql {
  return Prisma.sql`h AS (
      SELECT id, pupil_id, la_code, school_urn, case_id, status, reason, from_at,
             status IS DISTINCT FROM LAG(status) OVER (PARTITION BY pupil_id ORDER BY from_at, id) AS starts_run
      FROM education_status WHERE from_at <= ${at}
    ), r AS (
      SELECT *, COUNT(*) FILTER (WHERE starts_run) OVER (PARTITION BY pupil_id ORDER BY from_at, id) AS run_no FROM h
    )`;
}

/**
 * The children of the scope whose status at `at` is one of `statuses`, read only from rows in force by then, so
 * a later change never alters an earlier date's answer. A run of one status counts from its first row; its
 * reason is the latest given within the run.
 */
export async function statusesAt(db: Db, scope: RegisterScope, statuses: string[], at: Date): Promise<StatusAt[]> {
  const schools = scope.schoolUrns ? Prisma.sql`AND cur.school_urn = ANY(${scope.schoolUrns})` : Prisma.empty;
  return db.$queryRaw<StatusAt[]>`
    WITH ${statusRuns(at)}, cur AS (
      SELECT DISTINCT ON (pupil_id) pupil_id, run_no, la_code, school_urn, case_id, status FROM r ORDER BY pupil_id, from_at DESC, id DESC
    )
    SELECT cur.pupil_id AS "pupilId", cur.case_id AS "caseId", cur.status, cur.school_urn AS "schoolUrn", MIN(r.from_at) AS since,
           (ARRAY_AGG(r.reason ORDER BY r.from_at DESC, r.id DESC) FILTER (WHERE r.reason IS NOT NULL))[1] AS reason
    FROM cur JOIN r ON r.pupil_id = cur.pupil_id AND r.run_no = cur.run_no
    WHERE cur.la_code = ${scope.laCode} AND cur.status = ANY(${statuses}) ${schools}
    GROUP BY cur.pupil_id, cur.case_id, cur.status, cur.school_urn
    ORDER BY since, cur.pupil_id`;
}

/**
 * The children of the LA who held `status` at any time in [from, to), counted from the rows in force by `asOf`
 * (a period still open at `asOf` runs on).
 */
export async function heldDuring(db: Db, laCode: string, status: string, from: Date, to: Date, asOf: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ pupilId: string }[]>`
    WITH h AS (
      SELECT pupil_id, la_code, status, from_at, LEAD(from_at) OVER (PARTITION BY pupil_id ORDER BY from_at, id) AS to_at
      FROM education_status WHERE from_at <= ${asOf}
    )
    SELECT DISTINCT pupil_id AS "pupilId" FROM h
    WHERE la_code = ${laCode} AND status = ${status} AND from_at < ${to} AND (to_at IS NULL OR to_at > ${from})
    ORDER BY 1`;
  return rows.map((row) => row.pupilId);
}
