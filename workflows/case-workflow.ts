import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { ScheduledDeadline } from '../domain/case';
import { consentManagerEscalationRule, consentReminderRule, reasonForAbsenceRule } from '../domain/rules/catalogue';
import { activities } from './activities';
import type { CaseWorkflowInput } from './case-messages';
import { CaseRun } from './case-run';
import { registerClosingHandlers } from './closing-handlers';
import { registerConcernHandlers } from './concern-handlers';
import { registerDeletionHandlers } from './deletion-handlers';
import { registerEnquiryHandlers } from './enquiry-handlers';

/** One child at risk: opened by the first concern, then driven by statutory clocks and decisions until closed. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const run = new CaseRun(input);
  registerConcernHandlers(run);
  registerEnquiryHandlers(run);
  registerDeletionHandlers(run);
  registerClosingHandlers(run);

  await condition(() => run.state.concerns.length > 0);
  await openCase(run);

  while (!run.closed) {
    const expired = await run.nextExpiredDeadline();
    if (expired) await onDeadline(run, expired);
  }
  await condition(allHandlersFinished);
}

async function openCase(run: CaseRun): Promise<void> {
  const [first] = run.state.concerns;
  if (!first) throw new Error('unreachable: a case opens on its first concern');
  const context = await activities.loadCaseContext({ pupilId: run.state.pupilId, laCode: run.state.laCode });
  run.policy = context.policy;
  run.state.placement = context.placement;
  run.state.openedAt = first.receivedAt;
  run.markSend(context.placement.senStatus !== 'none');
  await run.schedule('reason_for_absence', reasonForAbsenceRule, reasonForAbsenceRule.schoolDays);
  run.setStage('awaiting_reason');
  await run.record('case_opened', first.reportedBy, { reason: first.reason }, reasonForAbsenceRule.id);
  await run.notify('case_opened', run.recipients().laCmeOfficer, 'case_opened', reasonForAbsenceRule.id);
  run.opened = true;
}

async function onDeadline(run: CaseRun, deadline: ScheduledDeadline): Promise<void> {
  const { laCmeOfficer, sendTeam, manager } = run.recipients();
  switch (deadline.kind) {
    case 'reason_for_absence':
      if (run.state.stage !== 'awaiting_reason') return;
      run.setStage('escalated_to_la');
      await run.record('deadline_passed', 'system', { deadline: deadline.at }, deadline.ruleId);
      await run.notify('reason_not_established', laCmeOfficer, 'reason_not_established', deadline.ruleId);
      return;
    case 'consent_reminder':
      await run.record('consent_reminder_sent', 'system', { deadline: deadline.at }, consentReminderRule.id);
      await run.notify(`consent_reminder:${run.state.deletion?.requestId}`, sendTeam, 'la_consent_reminder', consentReminderRule.id);
      return;
    case 'consent_escalation':
      await run.record('consent_escalated', 'system', { deadline: deadline.at }, consentManagerEscalationRule.id);
      await run.notify(`consent_escalation:${run.state.deletion?.requestId}`, manager, 'la_consent_overdue', consentManagerEscalationRule.id);
      return;
  }
}
