import type { Db } from '../db/prisma';
import { canSeeCase } from '../domain/access';
import type { Principal } from '../domain/principal';

/**
 * What a report's caller is told when the child's case is not theirs to read (another school's, another LA's):
 * that the report was received and passed to the LA, and nothing of the case, not even whether one was open.
 */
export interface PassedToLa {
  received: true;
  message: string;
}

export const passedToLa: PassedToLa = { received: true, message: 'The report was received and passed to the local authority.' };

/** Of these cases, the ids this principal may read, by the read model (the same test as reading the case). */
export async function readableCaseIds(db: Db, principal: Principal, caseIds: string[]): Promise<Set<string>> {
  const rows = await db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, laCode: true, schoolUrn: true } });
  return new Set(rows.filter((row) => canSeeCase(principal, row)).map((row) => row.id));
}

/** The receipt as it is if its caller may read the case it names; otherwise only that the LA has the report. */
export async function receiptFor<R extends { caseId: string }>(db: Db, principal: Principal, receipt: R): Promise<R | PassedToLa> {
  return (await readableCaseIds(db, principal, [receipt.caseId])).has(receipt.caseId) ? receipt : passedToLa;
}
