import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { Db } from '../db/prisma';
import { Forbidden } from '../domain/errors';
import { urnSchema } from '../domain/field-schemas';
import type { Principal } from '../domain/principal';
import { caseRow, caseRowSelect } from './case-row';
import { DUE_SOON_SCHOOL_DAYS, dueSoonWhere } from './due-soon';
import { hasOverdueStep } from './overdue-steps';

const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** A list's filters and page, as the API checks them from the query string. */
export const caseListQuery = z.strictObject({
  stage: z.string().regex(/^[a-z_]{3,40}$/, 'must be a case stage').optional(),
  schoolUrn: urnSchema.optional(),
  send: queryBoolean.optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  /**
   * `overdue`: a clock has run out; `breached`: one ran out and its step is still not done (the dashboard's
   * count); `due_soon`: the next one's last day is within `dueWithinDays` school days.
   */
  deadline: z.enum(['overdue', 'breached', 'due_soon']).optional(),
  dueWithinDays: z.coerce.number().int().min(1).max(60).default(DUE_SOON_SCHOOL_DAYS),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type CaseListQuery = z.infer<typeof caseListQuery>;

/** The cases this principal may see, from the read model: a school its own, LA staff their LA's. */
export function caseScope(principal: Principal): Prisma.CaseWhereInput {
  if (principal.role === 'admin') throw new Forbidden('administrators configure the system and read no case', 'role');
  if (principal.role === 'school') return { schoolUrn: { in: principal.schoolUrns } };
  return principal.laCode ? { laCode: principal.laCode } : {};
}

/** Filtered, paged list; soonest deadline first, so what is overdue or due leads. */
export async function listCases(db: Db, principal: Principal, query: CaseListQuery, now = new Date()) {
  const deadline: Prisma.CaseWhereInput =
    query.deadline === 'overdue'
      ? { OR: [{ nextDeadlineAt: { lt: now } }, hasOverdueStep], closedAt: null }
      : query.deadline === 'breached'
        ? { ...hasOverdueStep, closedAt: null }
        : query.deadline === 'due_soon'
          ? await dueSoonWhere(db, caseScope(principal), now, query.dueWithinDays)
          : {};
  const where: Prisma.CaseWhereInput = {
    AND: [
      caseScope(principal),
      deadline,
      query.stage ? { stage: query.stage } : {},
      query.schoolUrn ? { schoolUrn: query.schoolUrn } : {},
      query.send === undefined ? {} : { sendFlag: query.send },
      query.status === 'open' ? { closedAt: null } : query.status === 'closed' ? { closedAt: { not: null } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      select: caseRowSelect,
      orderBy: [{ nextDeadlineAt: { sort: 'asc', nulls: 'last' } }, { openedAt: 'desc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    items: rows.map(caseRow),
  };
}
