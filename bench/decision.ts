import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { recordContactAttempt } from '../workflows/case-messages';
import { apiCall } from './api';
import { openCases, reporter } from './cases';
import { alternate, drive, printPair, sizeFrom, type Arm } from './measure';
import { runOnStack } from './stack';

/**
 * `npm run bench:decision`: a decision through the API (POST /v1/cases/{id}/contact-attempts: Express,
 * the case's scope check in the read model, then the workflow Update) against the same Update with the same
 * argument sent raw (`handle.executeUpdate`) by a client made as the API makes its own. BENCH_CASES (64)
 * cases are opened first; each client walks its own share of them, so no two clients queue on one case.
 * BENCH_CLIENTS (16), BENCH_ROUNDS (3) alternating rounds of BENCH_ROUND_SECONDS (10).
 */
runOnStack(async (stack) => {
  const clients = sizeFrom('BENCH_CLIENTS', 16);
  const rounds = sizeFrom('BENCH_ROUNDS', 3);
  const seconds = sizeFrom('BENCH_ROUND_SECONDS', 10);
  const caseIds = await openCases(stack, Math.max(sizeFrom('BENCH_CASES', 64), clients), clients);
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
  const arms: [Arm, Arm] = [
    {
      name: 'decision (API)',
      round: () => drive(clients, seconds, async (client) => {
        const attemptId = randomUUID();
        await apiCall(stack.apiUrl, token, 'POST', `/v1/cases/${nextCase(client)}/contact-attempts`, { attemptId, ...attempt });
      }),
    },
    {
      name: 'executeUpdate (raw)',
      round: () => drive(clients, seconds, async (client) => {
        const attemptId = randomUUID();
        const handle = stack.client.workflow.getHandle(caseWorkflowId(nextCase(client)));
        await handle.executeUpdate(recordContactAttempt, { updateId: attemptId, args: [{ actor, attemptId, ...attempt }] });
      }),
    },
  ];
  const figures = await alternate(arms, rounds);
  printPair(`bench:decision (contact attempt), ${clients} clients, ${caseIds.length} cases, ${rounds} alternating rounds of ${seconds} s per arm`, arms, figures, [
    'decision via the API ≥ 0.85× raw executeUpdate throughput (ratio /s ≥ 0.85×)',
  ]);
  return figures.every((f) => f.errors.length === 0);
});
