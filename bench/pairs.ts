import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { recordContactAttempt } from '../workflows/case-messages';
import { apiCall } from './api';
import { openCase, openCases, reporter } from './cases';
import { drive, type Arm } from './measure';
import type { BenchStack } from './stack';
import { trivialTaskQueue } from './trivial-worker';
import type { trivialWorkflow } from './trivial-workflows';

/**
 * The two paired benchmarks, each set up on a stack and handing back its two arms, so that `bench:open` and
 * `bench:decision` run them on one stack and `bench:cluster` on the dev server and the cluster side by side.
 */

/**
 * A case opened through the API (POST /v1/concerns: Express, the pupil claim, then update-with-start of the case
 * workflow, answered once the case is on record) against the engine's floor: a do-nothing workflow started and
 * awaited with a Temporal client made as the API makes its own, by a worker process of its own on the same server.
 * Both workers bundle their workflows at start; the first call of each waits for that here, outside any round.
 */
export async function openPair(stack: BenchStack): Promise<(concurrency: number, seconds: number) => [Arm, Arm]> {
  stack.spawnService('trivial-worker', 'bench/trivial-worker.js');
  const token = await stack.token(reporter.userId);
  const caseOpen = async () => void (await openCase(stack, token));
  const trivial = () => stack.client.workflow.execute<typeof trivialWorkflow>('trivialWorkflow', { taskQueue: trivialTaskQueue, workflowId: `bench-${randomUUID()}` });
  await Promise.all([caseOpen(), trivial()]);
  return (concurrency, seconds) => [
    { name: 'case open (API)', round: () => drive(concurrency, seconds, caseOpen) },
    { name: 'trivial workflow (raw)', round: () => drive(concurrency, seconds, trivial) },
  ];
}

/**
 * A decision through the API (POST /v1/cases/{id}/contact-attempts: Express, the case's scope check in the read
 * model, then the workflow Update) against the same Update with the same argument sent raw (`executeUpdate`) by a
 * client made as the API makes its own. `cases` cases (at least one per client) are opened first; each client
 * walks its own share of them, so no two clients queue on one case.
 */
export async function decisionPair(stack: BenchStack, clients: number, cases: number, seconds: number): Promise<{ caseCount: number; arms: [Arm, Arm] }> {
  const caseIds = await openCases(stack, Math.max(cases, clients), clients);
  const token = await stack.token(reporter.userId);
  // The actor the API derives from the school user's token (domain/principal.ts actorOf).
  const actor: Actor = { role: 'school', userId: reporter.userId, schoolUrn: reporter.schoolUrn };
  const attempt = { method: 'phone', outcome: 'spoke_to_parent' } as const;
  const cursor = Array.from({ length: clients }, (_, client) => client);
  const nextCase = (client: number) => {
    const caseId = caseIds[cursor[client]! % caseIds.length]!;
    cursor[client]! += clients;
    return caseId;
  };
  const viaApi = async (client: number) => {
    const attemptId = randomUUID();
    await apiCall(stack.apiUrl, token, 'POST', `/v1/cases/${nextCase(client)}/contact-attempts`, { attemptId, ...attempt });
  };
  const raw = async (client: number) => {
    const attemptId = randomUUID();
    const handle = stack.client.workflow.getHandle(caseWorkflowId(nextCase(client)));
    await handle.executeUpdate(recordContactAttempt, { updateId: attemptId, args: [{ actor, attemptId, ...attempt }] });
  };
  return {
    caseCount: caseIds.length,
    arms: [
      { name: 'decision (API)', round: () => drive(clients, seconds, viaApi) },
      { name: 'executeUpdate (raw)', round: () => drive(clients, seconds, raw) },
    ],
  };
}
