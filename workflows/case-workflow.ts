import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { ScheduledDeadline } from '../domain/case';
import { consentManagerEscalationRule, consentReminderRule } from '../domain/rules/catalogue';
import { clockSchoolDays, partiesToTell, triggerRules } from '../domain/triggers';
import type { CaseContext } from '../activities/case-context';
import { activities, localActivities } from './activities';
import type { CaseWorkflowInput } from './case-messages';
import { CaseRun } from './case-run';
import { registerAbsenceHandlers } from './absence-handlers';
import { registerClosingHandlers } from './closing-handlers';
import { onS437Expired, registerCmeHandlers } from './cme-handlers';
import { registerConcernHandlers } from './concern-handlers';
import { registerContactHandlers } from './contact-handlers';
import { registerDeletionHandlers } from './deletion-handlers';
import { registerEnquiryHandlers } from './enquiry-handlers';
import { patches } from './patches';
import { registerSafeguardingHandlers } from './safeguarding-handlers';
import { onSendRequestDue, registerSendLinkHandlers } from './send-link-handlers';
import { beginSupport, onSupportReviewDue, registerSupportHandlers } from './support-handlers';
import { onTimetableDue, registerPartTimeHandlers } from './part-time-handlers';
import { onSupportActionDue, registerSupportPlanHandlers, tellOwnersOfReview } from './support-plan-handlers';

/** One child at risk: opened by the first concern, then driven by statutory clocks and decisions until closed. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const run = new CaseRun(input);
  registerConcernHandlers(run);
  registerEnquiryHandlers(run);
  registerDeletionHandlers(run);
  registerSafeguardingHandlers(run);
  registerSupportHandlers(run);
  registerSupportPlanHandlers(run);
  registerPartTimeHandlers(run);
  registerSendLinkHandlers(run);
  registerCmeHandlers(run);
  registerContactHandlers(run);
  registerAbsenceHandlers(run);
  registerClosingHandlers(run);

  if (!input.carried) {
    await condition(() => run.state.concerns.length > 0);
    await openCase(run);
  }

  // Cases run for months: keep each run's history short by continuing as new, carrying the state and the
  // clocks (absolute instants) after every message in flight has been handled and every notification sent.
  const historyFull = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= (input.continueAsNewAt ?? Infinity);
  while (!run.closed) {
    if (historyFull()) {
      await condition(() => allHandlersFinished() && run.notifications.idle);
      return continueAsNew<typeof caseWorkflow>({ ...input, carried: run.carry() });
    }
    const expired = await run.nextExpiredDeadline(historyFull);
    if (!expired) continue;
    await onDeadline(run, expired);
    await run.projectIfChanged();
  }
  // Nothing is lost at the end: every decision answered and every handed-off notification sent.
  await condition(() => allHandlersFinished() && run.notifications.idle);
}

/** The first concern's trigger sets the stage, tells its parties and starts its clock. */
async function openCase(run: CaseRun): Promise<void> {
  const [first] = run.state.concerns;
  if (!first) throw new Error('unreachable: a case opens on its first concern');
  const trigger = triggerRules[first.reason];
  const context = await loadContext(run);
  run.policy = context.policy;
  run.state.placement = context.placement;
  run.state.openedAt = first.receivedAt;
  run.markSend(context.placement.senStatus !== 'none');
  if (trigger.clock) await run.schedule('opening_clock', trigger.clock.rule, clockSchoolDays(trigger.clock, run.policy));
  if (trigger.stage === 'support_first') await beginSupport(run, 'monitor');
  // A child on no roll (T15): the LA's CME enquiry starts at once, there is no school to work with.
  if (trigger.stage === 'cme_tracing') run.state.trace = [];
  run.setStage(trigger.stage);
  await run.record('case_opened', first.reportedBy, { reason: first.reason }, trigger.id);
  await run.notifyAll(partiesToTell(trigger, run.policy).map((party) => ({ step: `case_opened:${party}`, recipient: run.address(party), template: `case_opened:${first.reason}`, ruleId: trigger.id })));
  run.opened = true;
}

/** The register, the LA's settings and (patched) the calendar the case's clocks count in, in one read. */
async function loadContext(run: CaseRun): Promise<CaseContext> {
  const { pupilId, laCode, schoolUrn } = run.state;
  if (!patched(patches.localStepActivities)) return activities.loadCaseContext({ pupilId, laCode });
  const calendarFrom = new Date().toISOString();
  const context = await localActivities.loadCaseContext({ pupilId, laCode, schoolUrn, calendarFrom });
  if (context.calendar) run.calendar.hold(context.calendar, calendarFrom);
  return context;
}

async function onDeadline(run: CaseRun, deadline: ScheduledDeadline): Promise<void> {
  switch (deadline.kind) {
    case 'opening_clock': {
      const trigger = run.state.concerns[0] && triggerRules[run.state.concerns[0].reason];
      // Only a case still where its trigger left it escalates; any step taken since stopped the clock's purpose.
      if (run.state.stage !== trigger?.stage) return;
      run.setStage('escalated_to_la');
      run.markOverdue(deadline, 'la_cme_officer');
      await run.record('deadline_passed', 'system', { deadline: deadline.at }, deadline.ruleId);
      await run.notify(`deadline_passed:${deadline.ruleId}`, run.address('laCmeOfficer'), 'deadline_passed', deadline.ruleId);
      // Establishing the reason (T1) and sending the CTF to the Lost Pupils Database (T11) are the school's duties.
      const schoolDuty = trigger.clock?.schoolDuty;
      if (schoolDuty && run.state.schoolUrn !== undefined && patched(patches.schoolToldOnLapse)) {
        await run.notify(`deadline_passed:${deadline.ruleId}:school`, run.address('school'), schoolDuty, deadline.ruleId);
      }
      return;
    }
    case 'consent_reminder':
      await run.record('consent_reminder_sent', 'system', { deadline: deadline.at }, consentReminderRule.id);
      await run.notify(`consent_reminder:${run.state.deletion?.requestId}`, run.address('sendTeam'), 'la_consent_reminder', consentReminderRule.id);
      return;
    case 'consent_escalation':
      run.markOverdue(deadline, 'manager');
      await run.record('consent_escalated', 'system', { deadline: deadline.at }, consentManagerEscalationRule.id);
      await run.notify(`consent_escalation:${run.state.deletion?.requestId}`, run.address('manager'), 'la_consent_overdue', consentManagerEscalationRule.id);
      return;
    case 'support_review':
      if (run.state.stage !== 'support_first') return;
      await onSupportReviewDue(run, deadline.at);
      await tellOwnersOfReview(run);
      return;
    case 'support_action':
      await onSupportActionDue(run, deadline);
      return;
    case 'part_time_review':
    case 'part_time_end':
      await onTimetableDue(run, deadline);
      return;
    case 'send_request':
      await onSendRequestDue(run, deadline);
      return;
    case 's437_response':
      await onS437Expired(run);
      return;
  }
}
