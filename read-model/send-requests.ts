import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { Principal } from '../domain/principal';
import { sendAnswerRoles } from '../domain/support/send-link';
import { openCasesWithPlans } from './support-plans';

/** Only the role that answers requests to the SEND team has the section in its inbox. */
export const seesSendRequests = (principal: Principal) => (sendAnswerRoles as readonly string[]).includes(principal.role);

/**
 * Open cases in scope with a request to the SEND team still unanswered, for the SEND officer's inbox: each with
 * those requests, and whether its clock has run out. Found with SQL over the plan's copy, then scoped as every list.
 */
export async function openSendRequestsOf(db: Db, principal: Principal, now = new Date()) {
  const candidates = await db.$queryRaw<{ caseId: string }[]>(Prisma.sql`
    SELECT DISTINCT sp.case_id AS "caseId" FROM support_plan sp, jsonb_array_elements(COALESCE(sp.plan->'sendRequests', '[]'::jsonb)) request
    WHERE request->'answer' IS NULL`);
  return (await openCasesWithPlans(db, principal, candidates)).map(({ row, plan }) => {
    const open = (plan?.sendRequests ?? []).filter((request) => !request.answer);
    return {
      ...row,
      sendRequests: open.map(({ requestId, kind, requestedAt, respondBy }) => ({ requestId, kind, requestedAt, respondBy, overdue: Date.parse(respondBy) <= now.getTime() })),
    };
  });
}
