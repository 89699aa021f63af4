import type { CaseState } from '../domain/case';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { getCaseState } from '../workflows/case-messages';
import { withTemporalDeadline, type CaseDeps } from '../temporal/case-deps';
import { caseCalendars } from './case-calendars';
import { daysLeftOn } from './days-left';

/**
 * A case's state as its last recorded step left it (the projection, written in that step's transaction), so a
 * read never makes an evicted workflow replay its history. Only a case with no projection yet (begun before it,
 * with no step recorded since) asks the workflow. Each running clock comes with the days left to it, counted here
 * on the case's calendar, so no reader has to count school days itself.
 */
export async function readCase(deps: CaseDeps, caseId: string, now = new Date()) {
  const state = (await projectedState(deps, caseId)) ?? (await queriedState(deps, caseId));
  const daysLeft = daysLeftOn(caseCalendars(deps.db), now);
  const deadlines = await Promise.all(state.deadlines.map(async (deadline) => ({ ...deadline, daysLeft: await daysLeft(state, new Date(deadline.at), deadline.unit) })));
  return { ...state, deadlines };
}

async function projectedState(deps: CaseDeps, caseId: string): Promise<CaseState | undefined> {
  const row = await deps.db.caseProjection.findUnique({ where: { caseId }, select: { state: true } });
  // Written only from the workflow's own CaseState (activities/case-projection.ts).
  return row?.state as CaseState | undefined;
}

function queriedState(deps: CaseDeps, caseId: string): Promise<CaseState> {
  return withTemporalDeadline(deps, () => deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseState));
}
