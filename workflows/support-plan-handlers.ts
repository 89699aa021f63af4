import { patched, setHandler } from '@temporalio/workflow';
import { describeActor, type Actor, type Role } from '../domain/actor';
import type { ScheduledDeadline } from '../domain/case';
import { supportReviewRule } from '../domain/rules/catalogue';
import { supportBarriersRule } from '../domain/support/barriers';
import { actionOutcomes, emptySupportPlan, ownerRecipient, planOwners, planRoles, planTextMax, reviewNextSteps, supportActionRule, type PlanAction, type SupportPlan } from '../domain/support/plan';
import { activities } from './activities';
import type { CaseRun } from './case-run';
import { patches } from './patches';
import { missingText, refuseFailing, reject, requireCaseSchool, requireRole, requireStage } from './reject';
import { moveSupportStage } from './support-handlers';
import {
  addPlanAction,
  recordBarrier,
  recordSupportReview,
  setPlanActionStatus,
  type AddPlanActionInput,
  type RecordBarrierInput,
  type RecordSupportReviewInput,
  type SetActionStatusInput,
} from './support-plan-messages';

const actionClock = (actionId: string) => `support_action:${actionId}`;

/**
 * The support plan (WTISA: understand the barriers, agree who does what by when, review): school and LA record
 * barriers and actions; each action's due date is a clock; reviews on the support review clock record each open
 * action's outcome and the next step, and formalising or enforcing moves the support stage.
 */
export function registerSupportPlanHandlers(run: CaseRun): void {
  setHandler(
    recordBarrier,
    async ({ actor, barrierId, code }) => {
      const plan = planOf(run);
      if (plan.barriers.some((b) => b.barrierId === barrierId)) return plan;
      plan.barriers.push({ barrierId, code, identifiedBy: describeActor(actor), identifiedAt: new Date().toISOString() });
      nextPlanVersion(run);
      await run.record('support_barrier_recorded', actor, { barrierId, code }, supportBarriersRule.id);
      return savePlan(run);
    },
    { validator: (input) => validateBarrier(run, input) },
  );

  setHandler(
    addPlanAction,
    async ({ actor, actionId, owner, what, dueInSchoolDays }) => {
      const plan = planOf(run);
      if (plan.actions.some((a) => a.actionId === actionId)) return plan;
      const { at: dueAt } = await run.schedule('support_action', supportActionRule, dueInSchoolDays, 'school_days', actionClock(actionId));
      const assignedAt = new Date().toISOString();
      plan.actions.push({ actionId, owner, what: what.trim(), dueInSchoolDays, dueAt, status: 'open', assignedBy: describeActor(actor), assignedAt });
      nextPlanVersion(run);
      await run.record('support_action_added', actor, { actionId, owner, what: what.trim(), dueInSchoolDays: String(dueInSchoolDays), dueAt }, supportActionRule.id);
      await tellOwner(run, actionId, 'assigned');
      return savePlan(run);
    },
    { validator: (input) => validateAddAction(run, input) },
  );

  setHandler(
    setPlanActionStatus,
    async ({ actor, actionId, status }) => {
      const action = actionOf(run, actionId);
      if (action.status !== 'open') return planOf(run);
      closeAction(run, action, status, actor);
      nextPlanVersion(run);
      await run.record('support_action_status_changed', actor, { actionId, status }, supportActionRule.id);
      return savePlan(run);
    },
    { validator: (input) => validateSetStatus(run, input) },
  );

  setHandler(
    recordSupportReview,
    async ({ actor, reviewId, outcomes, nextStep, note }) => {
      const plan = planOf(run);
      if (plan.reviews.some((r) => r.reviewId === reviewId)) return plan;
      for (const { actionId, outcome } of outcomes) {
        if (outcome === 'done' || outcome === 'dropped') closeAction(run, actionOf(run, actionId), outcome, actor);
      }
      plan.reviews.push({ reviewId, reviewedBy: describeActor(actor), reviewedAt: new Date().toISOString(), outcomes, nextStep, note: note.trim() });
      const summary = outcomes.map((o) => `${o.actionId}=${o.outcome}`).join(', ');
      nextPlanVersion(run);
      await run.record('support_review_recorded', actor, { reviewId, nextStep, outcomes: summary, note: note.trim() }, supportReviewRule.id);
      // Formalising or enforcing moves the support stage; otherwise the next review is due a review period on.
      if (nextStep === 'formalise' && run.state.support?.stage !== 'formalise_support') await moveSupportStage(run, actor, 'formalise_support', note);
      else if (nextStep === 'enforce' && run.state.support?.stage !== 'enforce') await moveSupportStage(run, actor, 'enforce', note);
      else await run.schedule('support_review', supportReviewRule, run.policy['SUPPORT-REVIEW']);
      return savePlan(run);
    },
    { validator: (input) => validateReview(run, input) },
  );
}

/** An action's clock ran out: still open, it has lapsed, and its owner and the case officer are told. */
export async function onSupportActionDue(run: CaseRun, deadline: ScheduledDeadline): Promise<void> {
  const action = run.state.supportPlan?.actions.find((a) => actionClock(a.actionId) === deadline.id);
  if (action?.status !== 'open') return;
  action.lapsedAt = deadline.at;
  nextPlanVersion(run);
  await run.record('support_action_lapsed', 'system', { actionId: action.actionId, owner: action.owner, dueAt: deadline.at }, supportActionRule.id);
  await tellOwner(run, action.actionId, 'lapsed');
  await run.notify(`support_action_lapsed:${action.actionId}:officer`, run.address('laCmeOfficer'), 'support_action_lapsed', supportActionRule.id);
  await savePlan(run);
}

/** A review falls due: the other owners of open actions are asked for their outcome too (patched: support-plan). */
export async function tellOwnersOfReview(run: CaseRun): Promise<void> {
  const open = run.state.supportPlan?.actions.filter((a) => a.status === 'open') ?? [];
  if (open.length === 0 || !patched(patches.supportPlan)) return;
  const due = run.state.deadlines.find((d) => d.kind === 'support_review')?.at ?? '';
  // The school and the case officer are told of every review already.
  const told = [run.address('school'), run.address('laCmeOfficer')];
  const recipients = new Set(open.map((a) => ownerRecipient(a.owner, run.state.laCode, run.state.schoolUrn)));
  for (const recipient of recipients) {
    if (recipient && !told.includes(recipient)) await run.notify(`support_review:${due}:${recipient}`, recipient, 'support_review_due', supportReviewRule.id);
  }
}

export function planOf(run: CaseRun): SupportPlan {
  run.state.supportPlan ??= emptySupportPlan();
  return run.state.supportPlan;
}

function actionOf(run: CaseRun, actionId: string): PlanAction {
  const action = run.state.supportPlan?.actions.find((a) => a.actionId === actionId);
  if (!action) reject('actionId', `no action ${actionId} on the plan`);
  return action;
}

function closeAction(run: CaseRun, action: PlanAction, status: 'done' | 'dropped', actor: Actor): void {
  action.status = status;
  action.statusChangedBy = describeActor(actor);
  run.cancelId(actionClock(action.actionId));
}

/** The owner is told once per action and event: the step names the action, so a retried send is one message. */
async function tellOwner(run: CaseRun, actionId: string, event: 'assigned' | 'lapsed'): Promise<void> {
  const action = actionOf(run, actionId);
  const recipient = ownerRecipient(action.owner, run.state.laCode, run.state.schoolUrn);
  if (recipient) await run.notify(`support_action_${event}:${actionId}`, recipient, `support_action_${event}:${action.owner}`, supportActionRule.id);
}

/** The read model's copy (inbox, export), versioned so that a slower write of an older plan never wins. */
/** A change to the plan takes its next version before the step's record, so the case's projection carries it. */
export function nextPlanVersion(run: CaseRun): void {
  planOf(run).version += 1;
}

/** The plan's copy for the inbox and the export; the projection too when the step changed the case after its record (a review's next clock). */
export async function savePlan(run: CaseRun): Promise<SupportPlan> {
  const plan = planOf(run);
  await activities.recordSupportPlan({ caseId: run.state.caseId, plan });
  await run.projectIfChanged();
  return plan;
}

/** The caller is a role among `roles` (the plan's by default), of the case's school if a school, and the case is in support first. */
export function requirePlanParty(run: CaseRun, actor: Actor, roles: readonly Role[] = planRoles): void {
  requireRole(actor, roles);
  requireCaseSchool(actor, run.state.schoolUrn);
  requireStage(run.state.stage, ['support_first']);
}

function validateBarrier(run: CaseRun, { actor, code }: RecordBarrierInput): void {
  requirePlanParty(run, actor);
  const listed = run.policy['SUPPORT-BARRIERS'] ?? supportBarriersRule.setting.defaultValue;
  if (!listed.includes(code)) reject('code', `${code} is not on the LA's list of barriers (SUPPORT-BARRIERS)`);
}

function validateAddAction(run: CaseRun, { actor, owner, what, dueInSchoolDays }: AddPlanActionInput): void {
  requirePlanParty(run, actor);
  refuseFailing([
    !planOwners.includes(owner) && `owner: unknown owner ${owner}`,
    missingText('what', what),
    what.length > planTextMax.what && `what: at most ${planTextMax.what} characters`,
    !(Number.isInteger(dueInSchoolDays) && dueInSchoolDays >= 1 && dueInSchoolDays <= supportActionRule.maxSchoolDays) &&
      `dueInSchoolDays: a whole number of school days from 1 to ${supportActionRule.maxSchoolDays}`,
    (owner === 'school' || owner === 'senco') && run.state.schoolUrn === undefined && 'owner: the case has no school',
  ]);
}

function validateSetStatus(run: CaseRun, { actor, actionId, status }: SetActionStatusInput): void {
  requirePlanParty(run, actor);
  if (status !== 'done' && status !== 'dropped') reject('status', `an action is set done or dropped, not ${status}`);
  const action = actionOf(run, actionId);
  if (action.status !== 'open') reject('actionId', `the action is already ${action.status}`);
}

function validateReview(run: CaseRun, { actor, outcomes, nextStep, note }: RecordSupportReviewInput): void {
  requirePlanParty(run, actor);
  if (nextStep === 'enforce' && actor.role !== 'la_cme_officer') reject('actor.role', 'only the LA moves a case to enforcement');
  const open = (run.state.supportPlan?.actions ?? []).filter((a) => a.status === 'open').map((a) => a.actionId);
  const reviewed = outcomes.map((o) => o.actionId);
  refuseFailing([
    !reviewNextSteps.includes(nextStep) && `nextStep: unknown next step ${nextStep}`,
    missingText('note', note),
    note.length > planTextMax.note && `note: at most ${planTextMax.note} characters`,
    ...outcomes.map((o) => !actionOutcomes.includes(o.outcome) && `outcomes: unknown outcome ${o.outcome} for ${o.actionId}`),
    ...reviewed.map((id) => !open.includes(id) && `outcomes: ${id} is not an open action on the plan`),
    ...open.map((id) => !reviewed.includes(id) && `outcomes: no outcome for open action ${id}`),
    new Set(reviewed).size !== reviewed.length && 'outcomes: one outcome per action',
  ]);
}
