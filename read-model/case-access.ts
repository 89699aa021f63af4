import type { Db } from '../db/prisma';
import { canSeeCase } from '../domain/access';
import type { Principal } from '../domain/principal';
import { NotFound } from '../domain/errors';

/** The case's read-model row if this principal may see it; otherwise 404, so its existence is not disclosed. */
export async function visibleCase(db: Db, principal: Principal, caseId: string) {
  const row = await db.case.findUnique({ where: { id: caseId }, select: { id: true, laCode: true, schoolUrn: true } });
  if (!row || !canSeeCase(principal, row)) throw new NotFound('case');
  return row;
}
