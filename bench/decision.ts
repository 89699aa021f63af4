import { alternate, printPair, sizeFrom } from './measure';
import { decisionPair } from './pairs';
import { runOnStack } from './stack';

/**
 * `npm run bench:decision`: the decision pair (bench/pairs.ts: a contact attempt through the API against the same
 * Update sent raw) on the dev server, over BENCH_CASES (64) cases opened first. BENCH_CLIENTS (16), BENCH_ROUNDS
 * (3) alternating rounds of BENCH_ROUND_SECONDS (10).
 */
runOnStack(async (stack) => {
  const clients = sizeFrom('BENCH_CLIENTS', 16);
  const rounds = sizeFrom('BENCH_ROUNDS', 3);
  const seconds = sizeFrom('BENCH_ROUND_SECONDS', 10);
  const { caseCount, arms } = await decisionPair(stack, clients, sizeFrom('BENCH_CASES', 64), seconds);
  const figures = await alternate(arms, rounds);
  printPair(`bench:decision (contact attempt), ${clients} clients, ${caseCount} cases, ${rounds} alternating rounds of ${seconds} s per arm`, arms, figures, [
    'decision via the API ≥ 0.85× raw executeUpdate throughput (ratio /s ≥ 0.85×)',
  ]);
  return figures.every((f) => f.errors.length === 0);
});
