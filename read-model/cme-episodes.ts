import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { statusRuns } from './education-status-at';

/** One unbroken time a child was missing education, from the status history. */
export interface CmeEpisode {
  pupilId: string;
  laCode: string;
  /** The school whose roll the child was on when the case opened; null for a child on no roll. */
  schoolUrn: string | null;
  start: Date;
  /** The latest reason given within the run (as the registers and the return read it); null while not known. */
  reason: string | null;
  /** When the next status began, and which it was; both null while the child is still missing. */
  end: Date | null;
  endedIn: string | null;
}

/**
 * Every CME run of the LA's children (every LA's without one) in the rows in force by `at`: a run starts at the
 * first row of status cme after another status and ends at the next row of another status.
 */
export async function cmeEpisodes(db: Db, laCode: string | undefined, at: Date): Promise<CmeEpisode[]> {
  const la = laCode ? Prisma.sql`AND la_code = ${laCode}` : Prisma.empty;
  return db.$queryRaw<CmeEpisode[]>`
    WITH ${statusRuns(at)}, runs AS (
      SELECT pupil_id, run_no, MIN(status) AS status, MIN(from_at) AS start,
             (ARRAY_AGG(la_code ORDER BY from_at, id))[1] AS la_code,
             (ARRAY_AGG(school_urn ORDER BY from_at, id))[1] AS school_urn,
             (ARRAY_AGG(reason ORDER BY from_at DESC, id DESC) FILTER (WHERE reason IS NOT NULL))[1] AS reason
      FROM r GROUP BY pupil_id, run_no
    ), linked AS (
      SELECT *, LEAD(start) OVER (PARTITION BY pupil_id ORDER BY run_no) AS "end", LEAD(status) OVER (PARTITION BY pupil_id ORDER BY run_no) AS ended_in FROM runs
    )
    SELECT pupil_id AS "pupilId", la_code AS "laCode", school_urn AS "schoolUrn", start, reason, "end", ended_in AS "endedIn"
    FROM linked WHERE status = 'cme' ${la}
    ORDER BY start, pupil_id`;
}
