import { Router } from 'express';
import type { Db } from '../../db/prisma';
import { requireRole } from '../../domain/access';
import { schoolsInScope } from '../../read-model/schools-in-scope';
import { principalOf } from '../auth/authenticate';
import type { SchoolListBody } from '../response-schemas';
import { schoolBody, schoolUrnParams } from '../schemas';
import { parseOr400 } from '../validate';

/** The school register: which LA each URN belongs to. Bulk import from CSV comes with issue #5. */
export function schoolsRouter(db: Db): Router {
  const router = Router();

  router.get('/schools', async (_req, res) => {
    res.json((await schoolsInScope(db, principalOf(res))) satisfies SchoolListBody);
  });

  router.put('/schools/:urn', async (req, res) => {
    requireRole(principalOf(res), ['admin']);
    const { urn } = parseOr400(schoolUrnParams, req.params);
    const school = parseOr400(schoolBody, req.body);
    const saved = await db.school.upsert({ where: { urn }, create: { urn, ...school }, update: school });
    res.json({ urn: saved.urn, name: saved.name, laCode: saved.laCode, isSpecial: saved.isSpecial });
  });

  return router;
}
