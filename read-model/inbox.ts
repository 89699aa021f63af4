import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { CaseStage } from '../domain/case';
import { mayDecide, type Decision } from '../domain/decision-roles';
import type { Principal } from '../domain/principal';
import { caseRow, caseRowSelect } from './case-row';
import { dueSoonWhere } from './due-soon';
import { caseScope } from './list-cases';
import { hasOverdueStep, overdueStepSelect, overdueStepView } from './overdue-steps';
import { openSendRequestsOf, seesSendRequests } from './send-requests';
import { lapsedActionsOf, seesLapsedActions } from './support-plans';
import { unresolvedNMarksOf } from './unresolved-n-marks';

const open: Prisma.CaseWhereInput = { closedAt: null };

/**
 * The decisions the inbox asks for: the stage where each waits and which decision it is. Only the roles the
 * case's validators let take that decision (domain/decision-roles.ts) see its section.
 */
const decisionSections = {
  consentsToDecide: { decision: 'laConsent', stages: ['awaiting_la_consent'] },
  directionsToRecord: { decision: 'sosDirection', stages: ['consent_refused'] },
  enquiriesToSign: { decision: 'jointEnquiries', stages: ['whereabouts_check', 'escalated_to_la'] },
  childrenToTrace: { decision: 'traceStep', stages: ['cme_tracing'] },
} satisfies Record<string, { decision: Decision; stages: CaseStage[] }>;

type DecisionSection = keyof typeof decisionSections;

/**
 * What awaits this user: the decisions their role takes, the steps whose clock ran out and was escalated to their
 * role (how long overdue, and since when), every clock in scope that has run out or soon will, and the support plan
 * actions past their due date that they own or, as the case officer, oversee; for the SEND officer, the requests awaiting its answer.
 */
export async function inboxOf(db: Db, principal: Principal, now = new Date()) {
  const scope = caseScope(principal);
  const select = { ...caseRowSelect, overdueSteps: { select: overdueStepSelect, orderBy: { dueAt: 'asc' } } } satisfies Prisma.CaseSelect;
  const view = overdueStepView(db, now);
  const find = async (where: Prisma.CaseWhereInput) => {
    const rows = await db.case.findMany({ where: { AND: [scope, open, where] }, select, orderBy: [{ nextDeadlineAt: { sort: 'asc', nulls: 'last' } }, { openedAt: 'asc' }], take: 50 });
    return Promise.all(rows.map(async (row) => ({ ...caseRow(row), overdueSteps: await Promise.all(row.overdueSteps.map((step) => view(row, step))) })));
  };
  const mine = (Object.keys(decisionSections) as DecisionSection[]).filter((section) => mayDecide(principal.role, decisionSections[section].decision));
  const [decisions, escalated, overdue, dueSoon] = await Promise.all([
    Promise.all(mine.map(async (section) => [section, await find({ stage: { in: decisionSections[section].stages } })] as const)),
    find({ overdueSteps: { some: { escalatedTo: principal.role } } }),
    find({ OR: [{ nextDeadlineAt: { lt: now } }, hasOverdueStep] }),
    dueSoonWhere(db, { AND: [scope, open] }, now).then(find),
  ]);
  const lapsedActions = seesLapsedActions(principal) ? { supportActionsLapsed: await lapsedActionsOf(db, principal, now) } : {};
  const sendRequests = seesSendRequests(principal) ? { sendRequests: await openSendRequestsOf(db, principal, now) } : {};
  // The school's register, not a case stage: code N past its 5 school days (T1), for those who send the marks.
  const codeN = mayDecide(principal.role, 'replaceCodeN') ? { unresolvedNMarks: await unresolvedNMarksOf(db, principal, now) } : {};
  return { ...(Object.fromEntries(decisions) as Partial<Record<DecisionSection, typeof escalated>>), escalated, overdue, dueSoon, ...lapsedActions, ...sendRequests, ...codeN };
}
