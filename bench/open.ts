import { alternate, printPair, sizeFrom } from './measure';
import { openPair } from './pairs';
import { runOnStack } from './stack';

/**
 * `npm run bench:open`: the case-open pair (bench/pairs.ts: a case opened through the API against a trivial
 * workflow started raw) on the dev server. Both arms run at BENCH_CLIENTS (16) concurrent clients, then alone
 * (one client), in BENCH_ROUNDS (3) alternating rounds of BENCH_ROUND_SECONDS (10) each.
 */
runOnStack(async (stack) => {
  const clients = sizeFrom('BENCH_CLIENTS', 16);
  const rounds = sizeFrom('BENCH_ROUNDS', 3);
  const seconds = sizeFrom('BENCH_ROUND_SECONDS', 10);
  const armsAt = await openPair(stack);

  let ok = true;
  for (const [label, concurrency] of [[`${clients} concurrent clients`, clients], ['alone (1 client)', 1]] as const) {
    const arms = armsAt(concurrency, seconds);
    const figures = await alternate(arms, rounds);
    const targets = concurrency === 1 ? ['case open p50 alone ≤ 2× trivial (ratio p50 ≤ 2.00×)'] : [`case open ≥ 0.5× trivial throughput at 16 clients (ratio /s ≥ 0.50×)`];
    printPair(`bench:open, ${label}, ${rounds} alternating rounds of ${seconds} s per arm`, arms, figures, targets);
    ok &&= figures.every((f) => f.errors.length === 0);
  }
  return ok;
});
