import { randomUUID } from 'node:crypto';
import { openCase, reporter } from './cases';
import { alternate, drive, printPair, sizeFrom, type Arm } from './measure';
import { runOnStack } from './stack';
import { trivialTaskQueue } from './trivial-worker';
import type { trivialWorkflow } from './trivial-workflows';

/**
 * `npm run bench:open`: a case opened through the API (POST /v1/concerns: Express, the pupil claim, then
 * update-with-start of the case workflow, answered once the case is on record) against the engine's floor,
 * a do-nothing workflow started and awaited with a Temporal client made as the API makes its own, on the
 * same dev server, by a worker process of its own. Both arms run at BENCH_CLIENTS (16) concurrent clients,
 * then alone (one client), in BENCH_ROUNDS (3) alternating rounds of BENCH_ROUND_SECONDS (10) each.
 */
runOnStack(async (stack) => {
  const clients = sizeFrom('BENCH_CLIENTS', 16);
  const rounds = sizeFrom('BENCH_ROUNDS', 3);
  const seconds = sizeFrom('BENCH_ROUND_SECONDS', 10);
  stack.spawnService('trivial-worker', 'bench/trivial-worker.js');
  const token = await stack.token(reporter.userId);
  const caseOpen = async () => void (await openCase(stack, token));
  const trivial = () => stack.client.workflow.execute<typeof trivialWorkflow>('trivialWorkflow', { taskQueue: trivialTaskQueue, workflowId: `bench-${randomUUID()}` });
  // Both workers bundle their workflows at start; the first of each waits for that, outside any round.
  await Promise.all([caseOpen(), trivial()]);

  let ok = true;
  for (const [label, concurrency] of [[`${clients} concurrent clients`, clients], ['alone (1 client)', 1]] as const) {
    const arms: [Arm, Arm] = [
      { name: 'case open (API)', round: () => drive(concurrency, seconds, caseOpen) },
      { name: 'trivial workflow (raw)', round: () => drive(concurrency, seconds, trivial) },
    ];
    const figures = await alternate(arms, rounds);
    const targets = concurrency === 1 ? ['case open p50 alone ≤ 2× trivial (ratio p50 ≤ 2.00×)'] : [`case open ≥ 0.5× trivial throughput at 16 clients (ratio /s ≥ 0.50×)`];
    printPair(`bench:open, ${label}, ${rounds} alternating rounds of ${seconds} s per arm`, arms, figures, targets);
    ok &&= figures.every((f) => f.errors.length === 0);
  }
  return ok;
});
