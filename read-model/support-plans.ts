import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { Principal } from '../domain/principal';
import { hasLapsed, inboxRoleOfOwner, planOwners, type PlanAction, type PlanOwner, type SupportPlan } from '../domain/support/plan';
import { caseRow, caseRowSelect } from './case-row';
import { caseScope } from './list-cases';

/**
 * The owners whose lapsed actions this role sees: the case officer (the LA CME officer) sees every one, the school
 * (and its SENCo) and the LA SEND team their own; the other services are told by notification.
 */
function ownersSeenBy(principal: Principal): PlanOwner[] {
  if (principal.role === 'la_cme_officer') return [...planOwners];
  return planOwners.filter((owner) => inboxRoleOfOwner[owner] === principal.role);
}

/** Whether this role's inbox has the section at all: only the roles that own or oversee actions. */
export const seesLapsedActions = (principal: Principal) => ownersSeenBy(principal).length > 0;

const lapsed = (action: PlanAction, owners: PlanOwner[], now: Date) => hasLapsed(action, now) && owners.includes(action.owner);

/**
 * Open cases in scope with a support plan action past its due date and still open, for its owner's and the case
 * officer's inbox: each with those actions. The plan's copy is read with SQL over its actions, then scoped as every list.
 */
export async function lapsedActionsOf(db: Db, principal: Principal, now = new Date()) {
  const owners = ownersSeenBy(principal);
  if (owners.length === 0) return [];
  const candidates = await db.$queryRaw<{ caseId: string }[]>(Prisma.sql`
    SELECT DISTINCT sp.case_id AS "caseId" FROM support_plan sp, jsonb_array_elements(sp.plan->'actions') action
    WHERE action->>'status' = 'open' AND (action->>'dueAt')::timestamptz <= ${now} AND action->>'owner' = ANY(${owners})`);
  return (await openCasesWithPlans(db, principal, candidates)).map(({ row, plan }) => {
    const actions = (plan?.actions ?? []).filter((action) => lapsed(action, owners, now));
    return { ...row, lapsedActions: actions.map(({ actionId, owner, what, dueAt }) => ({ actionId, owner, what, dueAt })) };
  });
}

/** Of the cases a plan query found, the open ones in scope, oldest first and at most 50 as every inbox section, each with its plan's copy. */
export async function openCasesWithPlans(db: Db, principal: Principal, found: { caseId: string }[]) {
  if (found.length === 0) return [];
  const rows = await db.case.findMany({
    where: { AND: [caseScope(principal), { closedAt: null, id: { in: found.map((c) => c.caseId) } }] },
    select: { ...caseRowSelect, supportPlan: { select: { plan: true } } },
    orderBy: { openedAt: 'asc' },
    take: 50,
  });
  return rows.map(({ supportPlan, ...row }) => ({ row: caseRow(row), plan: supportPlan?.plan as unknown as SupportPlan | undefined }));
}

/** The plan as the case last wrote it, for the export; null for a case that never had one. */
export async function supportPlanOf(db: Db, caseId: string): Promise<SupportPlan | null> {
  const row = await db.supportPlan.findUnique({ where: { caseId }, select: { plan: true } });
  return (row?.plan as unknown as SupportPlan | undefined) ?? null;
}
