import { randomUUID } from 'node:crypto';
import type { UpdateDefinition, WorkflowHandle } from '@temporalio/client';
import { Router } from 'express';
import type { z } from 'zod';
import type { Actor } from '../../domain/actor';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import {
  advanceSupportStage,
  closeCase,
  grantLaConsent,
  raiseSafeguardingConcern,
  recordBackInSchool,
  recordCmeReason,
  recordContactAttempt,
  recordReasonEstablished,
  recordSosDirection,
  recordTraceStep,
  refuseLaConsent,
  requestDeletion,
  serveS437Notice,
  signJointEnquiries,
  type DeletionReceipt,
} from '../../workflows/case-messages';
import { agreePartTimeTimetable, reviewPartTimeTimetable } from '../../workflows/part-time-messages';
import { answerSendRequest, requestSendReview } from '../../workflows/send-link-messages';
import { addPlanAction, recordBarrier, recordSupportReview, setPlanActionStatus } from '../../workflows/support-plan-messages';
import { principalOf } from '../auth/authenticate';
import { actorOf } from '../../domain/principal';
import { exclusionStepProblems } from '../../domain/deletion/exclusion-process';
import { visibleCase } from '../../read-model/case-access';
import { withTemporalDeadline, type CaseDeps } from '../../temporal/case-deps';
import { decisionRoutes, type DecisionPath, type DeletionRequestBody } from '../decision-schemas';
import { refused } from '../errors';
import type { DecisionAnswerBody } from '../response-schemas';
import { caseIdParams } from '../schemas';
import { parseOr400 } from '../validate';

/**
 * Human decisions on a case, each sent as a workflow Update: the case's validators check role and stage (403
 * and 409), its handlers record who decided, when and why. The caller's id makes a retry idempotent.
 */
type DecisionInput<P extends DecisionPath> = z.infer<(typeof decisionRoutes)[P]['body']>;

interface Decision {
  id: string;
  send(handle: WorkflowHandle): Promise<unknown>;
}

/** One update with its argument; the caller's id (or a fresh one) is the update id. */
function decide<Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, id: string | undefined, arg: Arg): Decision {
  const updateId = id ?? randomUUID();
  return { id: updateId, send: (handle) => handle.executeUpdate(update, { updateId, args: [arg] }) };
}

/**
 * A deletion whose ground does not apply is answered by the case with its reasons once the refusal is on the
 * audit log; the caller gets the one answer every refused decision has, 422 with those reasons.
 */
function deletionDecision(decision: Decision): Decision {
  return {
    id: decision.id,
    send: async (handle) => {
      const receipt = (await decision.send(handle)) as DeletionReceipt;
      if (receipt.status === 'refused') throw refused(receipt.reasons);
      return receipt;
    },
  };
}

export function decisionsRouter(deps: CaseDeps): Router {
  const router = Router();

  /** Scope first (404 outside it), then the chosen update under the API's deadline. */
  function decision<P extends DecisionPath>(path: P, choose: (input: DecisionInput<P>, actor: Actor) => Decision) {
    router.post(`/cases/:caseId/${path}`, async (req, res) => {
      const { caseId } = parseOr400(caseIdParams, req.params);
      // TypeScript cannot narrow the route table by a generic key; the schema is the one for `path`.
      const input = parseOr400(decisionRoutes[path].body, req.body) as DecisionInput<P>;
      const principal = principalOf(res);
      const kase = await visibleCase(deps.db, principal, caseId);
      const chosen = choose(input, actorOf(principal, kase.schoolUrn ?? undefined));
      const handle = deps.temporal.workflow.getHandle(caseWorkflowId(caseId));
      const result = await withTemporalDeadline(deps, () => chosen.send(handle));
      res.json({ caseId, decisionId: chosen.id, result } satisfies DecisionAnswerBody);
    });
  }

  decision('deletion-requests', ({ requestId = randomUUID(), ...details }, actor) => {
    // Ground O's steps in an order that cannot happen: refused as the rules refuse (422), before the case hears of it.
    if (details.ground === 'O') {
      const problems = exclusionStepProblems(details.evidence);
      if (problems.length > 0) throw refused(problems.map(({ field, why }) => `evidence.${field}: ${why}`));
    }
    return deletionDecision(decide(requestDeletion, requestId, { ...(details as Omit<DeletionRequestBody, 'requestId'>), requestId, actor }));
  });
  // One route, two updates: each keeps its own validator and audit entry.
  decision('la-consent', ({ decisionId, decision: choice, reason }, actor) =>
    decide(choice === 'grant' ? grantLaConsent : refuseLaConsent, decisionId, { actor, reason }),
  );
  decision('sos-direction', ({ decisionId, reference }, actor) => decide(recordSosDirection, decisionId, { actor, reference }));
  decision('joint-enquiries', ({ decisionId, outcome }, actor) => decide(signJointEnquiries, decisionId, { actor, outcome }));
  decision('safeguarding-concerns', ({ referralId = randomUUID(), concern }, actor) =>
    decide(raiseSafeguardingConcern, referralId, { actor, referralId, concern }),
  );
  decision('support-stage', ({ decisionId, to, reason }, actor) => decide(advanceSupportStage, decisionId, { actor, to, reason }));
  decision('trace-steps', ({ decisionId, step, otherLaCode }, actor) =>
    decide(recordTraceStep, decisionId, { actor, step, ...(otherLaCode ? { otherLaCode } : {}) }),
  );
  decision('contact-attempts', ({ attemptId = randomUUID(), method, outcome }, actor) => decide(recordContactAttempt, attemptId, { actor, attemptId, method, outcome }));
  decision('s437-notices', ({ noticeId }, actor) => decide(serveS437Notice, noticeId, { actor, noticeId }));
  decision('reason-established', ({ decisionId, reasonCode }, actor) => decide(recordReasonEstablished, decisionId, { actor, reasonCode }));
  decision('back-in-school', ({ decisionId, returnedOn }, actor) => decide(recordBackInSchool, decisionId, { actor, returnedOn }));
  decision('cme-reason', ({ decisionId, ...recorded }, actor) => decide(recordCmeReason, decisionId, { actor, ...recorded }));
  decision('close', ({ decisionId, ...closing }, actor) => decide(closeCase, decisionId, { actor, ...closing }));
  decision('support-barriers', ({ barrierId = randomUUID(), code }, actor) => decide(recordBarrier, barrierId, { actor, barrierId, code }));
  decision('support-actions', ({ actionId = randomUUID(), ...action }, actor) => decide(addPlanAction, actionId, { actor, actionId, ...action }));
  decision('support-action-status', ({ decisionId, actionId, status }, actor) => decide(setPlanActionStatus, decisionId, { actor, actionId, status }));
  decision('support-reviews', ({ reviewId = randomUUID(), ...review }, actor) => decide(recordSupportReview, reviewId, { actor, reviewId, ...review }));
  decision('part-time-timetables', ({ timetableId = randomUUID(), ...terms }, actor) => decide(agreePartTimeTimetable, timetableId, { actor, timetableId, ...terms }));
  decision('part-time-timetable-reviews', ({ decisionId, ...review }, actor) => decide(reviewPartTimeTimetable, decisionId, { actor, ...review }));
  decision('send-requests', ({ requestId = randomUUID(), ...request }, actor) => decide(requestSendReview, requestId, { actor, requestId, ...request }));
  decision('send-request-answers', ({ decisionId, ...answer }, actor) => decide(answerSendRequest, decisionId, { actor, ...answer }));

  return router;
}
