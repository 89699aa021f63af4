import { ApplicationFailure, condition, proxyActivities, setHandler, sleep, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { concernReasons, type CaseState } from '../domain/case';
import { reasonForAbsenceRule } from '../domain/rules';
import { caseStageKey, nextDeadlineKey } from '../temporal/search-attributes';
import { getCaseState, reportConcern, type CaseWorkflowInput, type ReportConcernInput } from './case-messages';

const { deadlineAfterSchoolDays, recordCaseEvent, notify } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One child at risk: opened by the first concern, then driven by statutory clocks and decisions. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const state: CaseState = { ...input, stage: 'opening', concerns: [] };
  let opened = false;

  setHandler(getCaseState, () => state);
  setHandler(
    reportConcern,
    async (concern) => {
      const attached = state.concerns.length > 0;
      state.concerns.push({ ...concern, receivedAt: new Date().toISOString() });
      // The receipt is only given once the case is on record, so a caller that got one can rely on it.
      await condition(() => opened);
      if (attached) await record('concern_attached', concern.reportedBy, { reason: concern.reason });
      return { caseId: state.caseId, attached, stage: state.stage, nextDeadline: state.nextDeadline };
    },
    { validator: validateConcern },
  );

  await condition(() => state.concerns.length > 0);
  const [first] = state.concerns;
  if (!first) throw new Error('unreachable: condition guarantees a first concern');

  const rule = reasonForAbsenceRule;
  const deadline = await deadlineAfterSchoolDays({ from: first.receivedAt, schoolDays: rule.schoolDays, schoolUrn: state.schoolUrn });
  state.openedAt = first.receivedAt;
  state.nextDeadline = { at: deadline, ruleId: rule.id, title: rule.title };
  state.stage = 'awaiting_reason';
  upsertSearchAttributes([
    { key: caseStageKey, value: state.stage },
    { key: nextDeadlineKey, value: new Date(deadline) },
  ]);
  await record('case_opened', first.reportedBy, { reason: first.reason }, rule.id);
  await notify({ caseId: state.caseId, step: 'case_opened', recipient: laCmeOfficer(), template: 'case_opened', ruleId: rule.id });
  opened = true;

  await sleep(Math.max(Date.parse(deadline) - Date.now(), 1), {
    summary: `${rule.id}: ${rule.title} within ${rule.schoolDays} school days (${rule.source})`,
  });

  state.stage = 'escalated_to_la';
  state.nextDeadline = undefined;
  upsertSearchAttributes([
    { key: caseStageKey, value: state.stage },
    { key: nextDeadlineKey, value: null },
  ]);
  await record('deadline_passed', 'system', { deadline }, rule.id);
  await notify({ caseId: state.caseId, step: 'reason_not_established', recipient: laCmeOfficer(), template: 'reason_not_established', ruleId: rule.id });

  // The case now waits on the LA; its next steps and closing outcome arrive with the full process (#3).
  await condition(() => false);

  function laCmeOfficer(): string {
    return `la_cme_officer:${state.laCode}`;
  }

  function validateConcern(concern: ReportConcernInput): void {
    if (!concernReasons.includes(concern.reason)) {
      throw ApplicationFailure.nonRetryable(`reason: unknown concern reason ${concern.reason}`, 'ConcernRejected');
    }
    if (state.concerns.some((existing) => existing.reportId === concern.reportId)) {
      throw ApplicationFailure.nonRetryable(`reportId: report ${concern.reportId} is already on this case`, 'ConcernRejected');
    }
  }

  async function record(action: string, actor: string, detail: Record<string, string>, ruleId?: string): Promise<void> {
    await recordCaseEvent({
      eventId: `${workflowInfo().workflowId}:${uuid4()}`,
      caseId: state.caseId,
      pupilId: state.pupilId,
      laCode: state.laCode,
      schoolUrn: state.schoolUrn,
      stage: state.stage,
      nextDeadlineAt: state.nextDeadline?.at ?? null,
      openedAt: state.openedAt ?? new Date().toISOString(),
      occurredAt: new Date().toISOString(),
      actor,
      action,
      ruleId,
      detail,
    });
  }
}
