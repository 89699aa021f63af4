import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import { caseWorkflow } from '../../workflows';
import { getCaseState, reportConcern } from '../../workflows/case-messages';
import { rejection, withOpenCase, workflowBundle } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

const DAY = 24 * 60 * 60 * 1000;

describe("the school's own duties on a case (time-skipping server)", () => {
  const env = useTimeSkippingEnv();

  it('LOST-PUPILS-15 (S2S guidance 2019 p.15 [S]): when the T11 clock falls due the school is told to upload the CTF to the Lost Pupils Database, and the LA is told', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const { nextDeadline } = await handle.query(getCaseState);
        expect(nextDeadline?.ruleId).toBe('LOST-PUPILS-15');
        await env().sleep(Date.parse(nextDeadline!.at) - Date.now() - DAY);
        expect(fakes.notifications.map((n) => n.step)).toEqual(['case_opened:laCmeOfficer']);

        await env().sleep(2 * DAY);
        expect((await handle.query(getCaseState)).stage).toBe('escalated_to_la');
        expect(fakes.notifications.map((n) => [n.step, n.recipient, n.template, n.ruleId])).toEqual([
          ['case_opened:laCmeOfficer', 'la_cme_officer:938', 'case_opened:leaver_unknown_destination', 'TRIGGER-T11'],
          ['deadline_passed:LOST-PUPILS-15', 'la_cme_officer:938', 'deadline_passed', 'LOST-PUPILS-15'],
          ['deadline_passed:LOST-PUPILS-15:school', 'school:100001', 'lost_pupils_ctf_due', 'LOST-PUPILS-15'],
        ]);
        await recordHistory('lost-pupils-ctf-due-school-told', handle);
      },
      'leaver_unknown_destination',
    );
  });

  it('T1 (SAR24 reg 10(7)-(9) [S]): a concern from the feed with code N past its 5 school days prompts the school once per report, and the case records the rule', async () => {
    const fakes = fakeActivities();
    const taskQueue = `case-${randomUUID()}`;
    const worker = await Worker.create({ connection: env().nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: fakes.activities });
    await worker.runUntil(async () => {
      const caseId = randomUUID();
      const handle = await env().client.workflow.start(caseWorkflow, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [{ caseId, pupilId: randomUUID(), laCode: '938', schoolUrn: '100001' }],
      });
      const feed = 'system:attendance-detection';
      const first = { reportId: randomUUID(), reason: 'unexplained_absence' as const, reportedBy: feed, codeN: { from: '2026-11-02', to: '2026-11-03', sessions: 3 } };
      expect(await handle.executeUpdate(reportConcern, { args: [first] })).toMatchObject({ attached: false, stage: 'awaiting_reason' });
      // A later N-episode of the same pupil joins the case and prompts again; the same report is refused.
      const second = { ...first, reportId: randomUUID(), codeN: { from: '2026-11-16', to: '2026-11-16', sessions: 1 } };
      expect(await handle.executeUpdate(reportConcern, { args: [second] })).toMatchObject({ attached: true });
      await expect(handle.executeUpdate(reportConcern, { args: [first] })).rejects.toMatchObject(rejection(/^reportId/));

      expect(fakes.events.map((e) => [e.action, e.ruleId, e.actor])).toEqual([
        ['case_opened', 'TRIGGER-T1', feed],
        ['code_n_unresolved', 'T1', feed],
        ['concern_attached', 'TRIGGER-T1', feed],
        ['code_n_unresolved', 'T1', feed],
      ]);
      expect(fakes.events[1]?.detail).toEqual({ from: '2026-11-02', to: '2026-11-03', sessions: '3' });
      expect(fakes.notifications.map((n) => [n.step, n.recipient, n.template, n.ruleId])).toEqual([
        ['case_opened:laCmeOfficer', 'la_cme_officer:938', 'case_opened:unexplained_absence', 'TRIGGER-T1'],
        [`code_n_unresolved:${first.reportId}`, 'school:100001', 'code_n_unresolved', 'T1'],
        [`code_n_unresolved:${second.reportId}`, 'school:100001', 'code_n_unresolved', 'T1'],
      ]);
      await recordHistory('code-n-prompt', handle);
      await handle.terminate('test finished');
    });
  });
});
