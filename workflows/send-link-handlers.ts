import { patched, setHandler } from '@temporalio/workflow';
import { describeActor } from '../domain/actor';
import type { ScheduledDeadline } from '../domain/case';
import {
  earlyReviewResponseRule,
  needsAssessmentDecisionRule,
  sendAnswerRoles,
  sendAnswers,
  sendRequestKinds,
  sendRequestRoles,
  sendRequestRule,
  sendTextMax,
  senStatusFor,
  unmetSendNeed,
  type SendRequest,
} from '../domain/support/send-link';
import type { CaseRun } from './case-run';
import { patches } from './patches';
import { missingText, refuseFailing, reject, requireRole } from './reject';
import { answerSendRequest, requestSendReview, type AnswerSendInput, type RequestSendInput } from './send-link-messages';
import { nextPlanVersion, planOf, requirePlanParty, savePlan } from './support-plan-handlers';

const requestClock = (requestId: string) => `send_request:${requestId}`;

/**
 * The SEND link (issue 16): where unmet need keeps a pupil from school, the school or LA asks the SEND team to
 * consider an early review of the EHC plan, or records the request for an EHC needs assessment of a pupil on SEN
 * support. The SEND team is told at once and again if its clock runs out unanswered.
 */
export function registerSendLinkHandlers(run: CaseRun): void {
  setHandler(
    requestSendReview,
    async ({ actor, requestId, kind, barrierId, reason }) => {
      const plan = planOf(run);
      if (plan.sendRequests?.some((r) => r.requestId === requestId)) return plan;
      // Cases begun before the SEND link never took this step; a history that holds it replays only on this code.
      patched(patches.sendLink);
      const rule = sendRequestRule(kind);
      const { at: respondBy } =
        kind === 'early_ehcp_review'
          ? await run.schedule('send_request', rule, run.policy['SEND-EARLY-REVIEW-RESPONSE'] ?? earlyReviewResponseRule.setting.defaultValue, 'school_days', requestClock(requestId))
          : await run.schedule('send_request', rule, needsAssessmentDecisionRule.days, 'days', requestClock(requestId));
      const request: SendRequest = { requestId, kind, barrierId, reason: reason.trim(), requestedBy: describeActor(actor), requestedAt: new Date().toISOString(), respondBy };
      plan.sendRequests = [...(plan.sendRequests ?? []), request];
      nextPlanVersion(run);
      await run.record('send_request_made', actor, { requestId, kind, barrierId, reason: request.reason, respondBy }, rule.id);
      await run.notify(`send_request:${requestId}`, run.address('sendTeam'), `send_request:${kind}`, rule.id);
      return savePlan(run);
    },
    { validator: (input) => validateRequest(run, input) },
  );

  setHandler(
    answerSendRequest,
    async ({ actor, requestId, decision, note }) => {
      const request = requestOf(run, requestId);
      if (request.answer) return planOf(run);
      request.answer = { decision, note: note.trim(), answeredBy: describeActor(actor), answeredAt: new Date().toISOString() };
      run.cancelId(requestClock(requestId));
      nextPlanVersion(run);
      const ruleId = sendRequestRule(request.kind).id;
      await run.record('send_request_answered', actor, { requestId, kind: request.kind, decision, note: request.answer.note }, ruleId);
      // Whoever asked acts on the answer (an early review booked, an assessment refused): the school and the case's officer.
      if (patched(patches.sendAnswerTold)) {
        const tell = run.reachable(['school', 'laCmeOfficer'] as const);
        await run.notifyAll(tell.map((party) => ({ step: `send_request_answered:${requestId}`, recipient: run.address(party), template: `send_request_answered:${decision}`, ruleId })));
      }
      return savePlan(run);
    },
    { validator: (input) => validateAnswer(run, input) },
  );
}

/** A request's clock ran out unanswered: it has lapsed, and the SEND team is told again. */
export async function onSendRequestDue(run: CaseRun, deadline: ScheduledDeadline): Promise<void> {
  const request = run.state.supportPlan?.sendRequests?.find((r) => requestClock(r.requestId) === deadline.id);
  if (!request || request.answer) return;
  request.lapsedAt = deadline.at;
  nextPlanVersion(run);
  const rule = sendRequestRule(request.kind);
  await run.record('send_request_lapsed', 'system', { requestId: request.requestId, kind: request.kind, respondBy: request.respondBy }, rule.id);
  await run.notify(`send_request_lapsed:${request.requestId}`, run.address('sendTeam'), `send_request_lapsed:${request.kind}`, rule.id);
  await savePlan(run);
}

function requestOf(run: CaseRun, requestId: string): SendRequest {
  const request = run.state.supportPlan?.sendRequests?.find((r) => r.requestId === requestId);
  if (!request) reject('requestId', `no SEND request ${requestId} on the case`);
  return request;
}

function validateRequest(run: CaseRun, { actor, kind, barrierId, reason }: RequestSendInput): void {
  requirePlanParty(run, actor, sendRequestRoles);
  if (!sendRequestKinds.includes(kind)) reject('kind', `unknown request ${kind}`);
  const barrier = run.state.supportPlan?.barriers.find((b) => b.barrierId === barrierId);
  const senStatus = run.state.placement?.senStatus ?? 'none';
  refuseFailing([
    senStatus !== senStatusFor[kind] &&
      (kind === 'early_ehcp_review' ? `kind: the register shows no EHC plan for the pupil (${senStatus})` : `kind: the register shows the pupil not on SEN support (${senStatus})`),
    !barrier && `barrierId: no barrier ${barrierId} on the plan`,
    barrier && barrier.code !== unmetSendNeed && `barrierId: the barrier is ${barrier.code}, not an unmet special educational need`,
    missingText('reason', reason),
    reason.length > sendTextMax && `reason: at most ${sendTextMax} characters`,
  ]);
}

function validateAnswer(run: CaseRun, { actor, requestId, decision, note }: AnswerSendInput): void {
  requireRole(actor, sendAnswerRoles);
  const request = requestOf(run, requestId);
  if (request.answer) reject('requestId', `the request is already ${request.answer.decision}`);
  refuseFailing([
    !sendAnswers.includes(decision) && `decision: unknown answer ${decision}`,
    missingText('note', note),
    note.length > sendTextMax && `note: at most ${sendTextMax} characters`,
  ]);
}
