import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Actor } from '../../domain/actor';
import type { ConcernReason } from '../../domain/case';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import { caseWorkflow } from '../../workflows';
import { reportConcern, type CaseWorkflowInput } from '../../workflows/case-messages';
import { withDispatcher, type DispatchDeps } from '../../worker/case-worker';
import type { fakeActivities } from './fake-activities';

export const actors = {
  school: { role: 'school', userId: 'u-school-1', schoolUrn: '100001' },
  otherSchool: { role: 'school', userId: 'u-school-9', schoolUrn: '100009' },
  cmeOfficer: { role: 'la_cme_officer', userId: 'u-cme-1' },
  sendOfficer: { role: 'la_send_officer', userId: 'u-send-1' },
  manager: { role: 'manager', userId: 'u-manager-1' },
} satisfies Record<string, Actor>;

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the workflows once per test file; each case then gets its own worker and task queue. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') });
  return bundle;
}

/**
 * Opens a case on the time-skipping server and runs `body` while a worker with the fakes (or real activities) serves
 * it; with `dispatch`, the notification dispatcher runs beside it as in production.
 */
export async function withOpenCase(
  env: TestWorkflowEnvironment,
  fakes: Pick<ReturnType<typeof fakeActivities>, 'activities'> & { dispatch?: DispatchDeps },
  body: (handle: WorkflowHandle<typeof caseWorkflow>) => Promise<void>,
  reason: ConcernReason = 'unexplained_absence',
  /** `schoolUrn: undefined` opens the case of a child on no roll (T15); `pupilId`: a pupil on a real register. */
  options: Partial<Pick<CaseWorkflowInput, 'continueAsNewAt' | 'schoolUrn' | 'pupilId'>> = {},
): Promise<void> {
  const taskQueue = `case-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: fakes.activities });
  await withDispatcher(worker, fakes.dispatch).runUntil(async () => {
    const caseId = randomUUID();
    const handle = await env.client.workflow.start(caseWorkflow, {
      workflowId: caseWorkflowId(caseId),
      taskQueue,
      args: [{ caseId, pupilId: randomUUID(), laCode: '938', schoolUrn: '100001', ...options }],
    });
    await handle.executeUpdate(reportConcern, { args: [{ reportId: randomUUID(), reason, reportedBy: `school:${options.schoolUrn ?? '100001'}` }] });
    try {
      await body(handle);
    } finally {
      // A case left running keeps its timers; once its worker is gone they would hold the skipped clock still.
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
}

/** What a validator's refusal looks like to the caller. */
export const rejection = (message: RegExp) => ({ cause: { type: 'CaseRequestRejected', message: expect.stringMatching(message) } });

/** What a rules refusal looks like to the caller: every failing condition among the failure's reasons. */
export const refusal = (...reasons: RegExp[]) => ({
  cause: { type: 'CaseRequestRefused', details: [{ reasons: reasons.map((reason) => expect.stringMatching(reason)) }] },
});
