import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import { caseWorkflow } from '../../workflows';
import { getCaseState, reportConcern } from '../../workflows/case-messages';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { createTimeSkippingEnv } from '../helpers/temporal';

const DAY = 24 * 60 * 60 * 1000;
const taskQueue = 'first-case-deadline';
const input = { caseId: '00000000-0000-4000-8000-000000000001', pupilId: '00000000-0000-4000-8000-0000000000aa', laCode: '938', schoolUrn: '100001' };

describe('T1 (SAR24 reg 10(7)-(9) [S]): reason for an unexplained absence established within 5 school days', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('escalates to the LA and tells the school (whose duty the reason is) when the 5-school-day clock runs out, after simulated days not real ones', async () => {
    const fakes = fakeActivities();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: fakes.activities,
    });

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(caseWorkflow, { workflowId: caseWorkflowId(input.caseId), taskQueue, args: [input] });
      const receipt = await handle.executeUpdate(reportConcern, {
        args: [{ reportId: 'r-1', reason: 'unexplained_absence', reportedBy: 'school:100001' }],
      });
      expect(receipt).toMatchObject({ caseId: input.caseId, attached: false, stage: 'awaiting_reason' });
      const deadline = Date.parse(receipt.nextDeadline!.at);
      const opened = Date.parse((await handle.query(getCaseState)).openedAt!);
      // Five school days always span at least five and at most nine calendar days.
      expect(deadline - opened).toBeGreaterThan(5 * DAY - DAY);
      expect(deadline - opened).toBeLessThanOrEqual(9 * DAY);

      const realStart = Date.now();
      await env.sleep(deadline - opened - 60 * 60 * 1000);
      expect((await handle.query(getCaseState)).stage).toBe('awaiting_reason');
      expect(fakes.notifications.map((n) => n.step)).toEqual(['case_opened:laCmeOfficer']);

      await env.sleep(2 * 60 * 60 * 1000);
      const state = await handle.query(getCaseState);
      expect(state.stage).toBe('escalated_to_la');
      expect(state.nextDeadline).toBeUndefined();
      expect(Date.now() - realStart).toBeLessThan(DAY);

      expect(fakes.events.map((e) => [e.action, e.ruleId])).toEqual([
        ['case_opened', 'TRIGGER-T1'],
        ['deadline_passed', 'T1'],
      ]);
      expect(fakes.notifications.map((n) => [n.step, n.recipient])).toEqual([
        ['case_opened:laCmeOfficer', 'la_cme_officer:938'],
        ['deadline_passed:T1', 'la_cme_officer:938'],
        ['deadline_passed:T1:school', 'school:100001'],
      ]);
      expect(fakes.notifications.at(-1)).toMatchObject({ template: 'reason_for_absence_overdue', ruleId: 'T1' });
      // first-case-escalated.json keeps the history from before the school was told (patch school-told-on-clock-lapse).
      await recordHistory('first-case-escalated-school-told', handle);
    });
  });

  it('attaches a second report to the open case and rejects a report it already has', async () => {
    const fakes = fakeActivities();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: `${taskQueue}-attach`,
      workflowsPath: require.resolve('../../workflows'),
      activities: fakes.activities,
    });

    await worker.runUntil(async () => {
      const caseId = '00000000-0000-4000-8000-000000000002';
      const handle = await env.client.workflow.start(caseWorkflow, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: `${taskQueue}-attach`,
        args: [{ ...input, caseId }],
      });
      await handle.executeUpdate(reportConcern, { args: [{ reportId: 'r-1', reason: 'unexplained_absence', reportedBy: 'school:100001' }] });
      const second = await handle.executeUpdate(reportConcern, {
        args: [{ reportId: 'r-2', reason: 'continuous_unauthorised_absence', reportedBy: 'school:100001' }],
      });
      expect(second).toMatchObject({ caseId, attached: true, stage: 'awaiting_reason' });
      await expect(
        handle.executeUpdate(reportConcern, { args: [{ reportId: 'r-1', reason: 'unexplained_absence', reportedBy: 'school:100001' }] }),
      ).rejects.toMatchObject({ cause: { type: 'CaseRequestRejected', message: expect.stringMatching(/^reportId: .*already on this case/) } });

      expect((await handle.query(getCaseState)).concerns.map((c) => c.reportId)).toEqual(['r-1', 'r-2']);
      expect(fakes.events.map((e) => e.action)).toEqual(['case_opened', 'concern_attached']);
      // The attached concern is a new kind (T2), so its party hears of it once.
      expect(fakes.notifications.map((n) => n.step)).toEqual(['case_opened:laCmeOfficer', 'concern_attached:r-2:laCmeOfficer']);
      await recordHistory('first-case-attached-and-rejected', handle);
    });
  });
});

