import type { Prisma } from '@prisma/client';
import type { Db } from '../../db/prisma';
import type { Principal } from '../auth/principal';
import { caseRow, caseRowSelect } from './case-row';
import { caseScope } from './list-cases';

const DAY = 24 * 60 * 60 * 1000;
const open: Prisma.CaseWhereInput = { closedAt: null };


/**
 * What awaits this user: consent decisions (the SEND officer's), joint enquiries to sign and children to
 * trace (the CME officer's and the school's), and every clock in scope that has run out or soon will.
 */
export async function inboxOf(db: Db, principal: Principal, now = new Date()) {
  const scope = caseScope(principal);
  const find = async (where: Prisma.CaseWhereInput) =>
    (await db.case.findMany({ where: { AND: [scope, open, where] }, select: caseRowSelect, orderBy: [{ nextDeadlineAt: { sort: 'asc', nulls: 'last' } }, { openedAt: 'asc' }], take: 50 })).map(caseRow);
  const [consentsToDecide, enquiriesToSign, childrenToTrace, overdue, dueSoon] = await Promise.all([
    find({ stage: 'awaiting_la_consent' }),
    find({ stage: { in: ['whereabouts_check', 'escalated_to_la'] } }),
    find({ stage: 'cme_tracing' }),
    find({ nextDeadlineAt: { lt: now } }),
    find({ nextDeadlineAt: { gte: now, lt: new Date(now.getTime() + 5 * DAY) } }),
  ]);
  return { consentsToDecide, enquiriesToSign, childrenToTrace, overdue, dueSoon };
}
