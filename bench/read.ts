import { apiCall } from './api';
import { openCases } from './cases';
import { drive, printFigures, sizeFrom } from './measure';
import { runOnStack } from './stack';

/**
 * `npm run bench:read`: an LA officer reading cases (GET /v1/cases/{id}: the scope check, then the state
 * from the case's projection) at BENCH_CLIENTS (16) clients, each read a case picked at random from
 * BENCH_OPEN_CASES (12000; 500 for a quick run) open ones: more than the worker's cache of 500 workflows, as in
 * an LA, which cost a replay per read when reads were workflow queries. The cases are opened first through the API, BENCH_OPEN_CONCURRENCY (16) at
 * a time (at the few cases a second of a loaded two-core machine, 12,000 takes the best part of an hour);
 * then BENCH_SECONDS (30) of reads.
 */
runOnStack(async (stack) => {
  const clients = sizeFrom('BENCH_CLIENTS', 16);
  const open = sizeFrom('BENCH_OPEN_CASES', 12000);
  const seconds = sizeFrom('BENCH_SECONDS', 30);
  console.log(`bench:read: opening ${open} cases`);
  const caseIds = await openCases(stack, open, sizeFrom('BENCH_OPEN_CONCURRENCY', 16));
  const token = await stack.token('demo-cme-officer');
  const read = async () => void (await apiCall(stack.apiUrl, token, 'GET', `/v1/cases/${caseIds[Math.floor(Math.random() * caseIds.length)]}`));
  const figures = await drive(clients, seconds, read);
  console.log(`bench:read, ${clients} clients, ${caseIds.length} open cases, ${seconds} s`);
  printFigures('case read (API)', figures);
  console.log('  target: p95 ≤ 300 ms with 12,000 open cases');
  return figures.errors.length === 0;
});
