import { Router } from 'express';
import type { Db } from '../../db/prisma';
import { attendanceSeries } from '../../read-model/attendance-series';
import { visibleCase } from '../../read-model/case-access';
import type { AttendanceSeriesBody } from '../attendance-schemas';
import { principalOf } from '../auth/authenticate';
import { caseIdParams } from '../schemas';
import { parseOr400 } from '../validate';

/** A case's pupil's attendance from the feed, for whoever may read the case. */
export function attendanceRouter(db: Db): Router {
  const router = Router();

  router.get('/cases/:caseId/attendance', async (req, res) => {
    const { caseId } = parseOr400(caseIdParams, req.params);
    await visibleCase(db, principalOf(res), caseId);
    res.json((await attendanceSeries(db, caseId)) satisfies AttendanceSeriesBody);
  });

  return router;
}
