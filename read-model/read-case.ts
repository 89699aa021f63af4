import type { CaseState } from '../domain/case';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { getCaseState } from '../workflows/case-messages';
import { withTemporalDeadline, type CaseDeps } from '../temporal/case-deps';
import { caseCalendars } from './case-calendars';
import { daysLeftOn } from './days-left';

/**
 * A live case's state comes from the workflow itself (query); each running clock with the days left to it,
 * counted here on the case's calendar, so no reader has to count school days itself.
 */
export async function readCase(deps: CaseDeps, caseId: string, now = new Date()) {
  const state: CaseState = await withTemporalDeadline(deps, () => deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseState));
  const daysLeft = daysLeftOn(caseCalendars(deps.db), now);
  const deadlines = await Promise.all(state.deadlines.map(async (deadline) => ({ ...deadline, daysLeft: await daysLeft(state, new Date(deadline.at), deadline.unit) })));
  return { ...state, deadlines };
}
