import { Router } from 'express';
import type { Db } from '../../db/prisma';
import { requireRole, requireSchoolAccess } from '../../domain/access';
import { NotFound } from '../../domain/errors';
import type { TermSeason } from '../../domain/support/targeted-support';
import { targetedSupportList } from '../../read-model/targeted-support';
import { targetedSupportQuery, type TargetedSupportBody } from '../attendance-schemas';
import { principalOf } from '../auth/authenticate';
import { schoolUrnParams } from '../schemas';
import { parseOr400 } from '../validate';

/** The termly targeted support meeting's list: the school's staff for their school, LA staff for their LA's schools. */
export function targetedSupportRouter(db: Db): Router {
  const router = Router();

  router.get('/schools/:urn/targeted-support', async (req, res) => {
    const { urn } = parseOr400(schoolUrnParams, req.params);
    const { term } = parseOr400(targetedSupportQuery, req.query);
    const principal = principalOf(res);
    requireRole(principal, ['school', 'la_cme_officer', 'la_send_officer', 'manager']);
    const school = await db.school.findUnique({ where: { urn }, select: { urn: true, laCode: true } });
    if (!school) throw new NotFound('school');
    requireSchoolAccess(principal, school, 'urn');
    const [year, season] = term.split('-') as [string, TermSeason];
    res.json((await targetedSupportList(db, school, { year: Number(year), season })) satisfies TargetedSupportBody);
  });

  return router;
}
