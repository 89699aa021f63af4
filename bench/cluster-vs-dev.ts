import { alternate, printPair, printRatio, sizeFrom, summarise, type Arm, type Figures } from './measure';
import { decisionPair, openPair } from './pairs';
import { runOnStacks, type BenchStack } from './stack';

/**
 * `npm run bench:cluster`: the case-open and decision pairs (bench/pairs.ts) on `npm start`'s dev server (SQLite)
 * and on the production shape (the real Temporal Server's four services apart on PostgreSQL,
 * scripts/devstack/temporal-cluster.ts), with the same processes of ours on each, both stacks up at once and all
 * four arms of a pair alternating round by round (dev A, dev B, cluster A, cluster B, …), so a machine that slows
 * down mid-run slows every arm alike. Prints each stack's pair, then cluster / dev for each arm.
 * BENCH_CLIENTS (16), BENCH_CASES (64, the decision pair's), BENCH_ROUNDS (2), BENCH_ROUND_SECONDS (10): a few
 * minutes on the 2-core machine once the server is built (the first run builds it, about ten minutes).
 */
/** Each stack's pair, its arms named after the stack: [dev A, dev B, cluster A, cluster B]. */
const side = (stacks: BenchStack[], pairs: [Arm, Arm][]) => pairs.flatMap((pair, i) => pair.map((arm) => ({ ...arm, name: `${stacks[i]!.temporal}: ${arm.name}` })));

function printSideBySide(title: string, pair: [Arm, Arm], arms: Arm[], figures: Figures[]): void {
  printPair(`${title}, on the dev server`, [arms[0]!, arms[1]!], [figures[0]!, figures[1]!], []);
  printPair(`${title}, on the cluster`, [arms[2]!, arms[3]!], [figures[2]!, figures[3]!], []);
  console.log(`${title}, cluster / dev server`);
  for (const i of [0, 1]) printRatio(pair[i]!.name, summarise(figures[i + 2]!), summarise(figures[i]!));
}

runOnStacks([{ temporal: 'dev server' }, { temporal: 'cluster' }], async (stacks) => {
  const clients = sizeFrom('BENCH_CLIENTS', 16);
  const rounds = sizeFrom('BENCH_ROUNDS', 2);
  const seconds = sizeFrom('BENCH_ROUND_SECONDS', 10);
  const cases = sizeFrom('BENCH_CASES', 64);
  const openArms = await Promise.all(stacks.map(async (stack) => (await openPair(stack))(clients, seconds)));
  const decisions = [];
  for (const stack of stacks) decisions.push(await decisionPair(stack, clients, cases, seconds));

  const open = side(stacks, openArms);
  const openFigures = await alternate(open, rounds);
  printSideBySide(`bench:cluster, case open, ${clients} clients, ${rounds} alternating rounds of ${seconds} s per arm`, openArms[0]!, open, openFigures);
  const decide = side(stacks, decisions.map((pair) => pair.arms));
  const decideFigures = await alternate(decide, rounds);
  printSideBySide(`bench:cluster, decision (contact attempt), ${clients} clients, ${decisions[0]!.caseCount} cases, ${rounds} alternating rounds of ${seconds} s per arm`, decisions[0]!.arms, decide, decideFigures);
  return [...openFigures, ...decideFigures].every((f) => f.errors.length === 0);
});
