import { demoLa, demoSchools } from '../config/demo';
import { upnCheckLetter } from '../domain/identifiers';
import { apiCall } from './api';
import { runBounded } from './measure';
import type { BenchStack } from './stack';

/** A valid UPN for a bench pupil: check letter, the LA's code, a nine-digit serial. */
export function benchUpn(laCode: string, serial: number): string {
  const body = `${laCode}${String(serial).padStart(9, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
}

/** The school user who reports the benches' concerns, and the school. */
export const reporter = { userId: 'demo-oak-attendance', schoolUrn: demoSchools.oak.urn };

let serial = 0;

/** A resumed bench's next pupils come after the `used` its earlier runs reported on (one pupil a case). */
export function continueAfter(used: number): void {
  serial = Math.max(serial, used);
}

/** Opens a case as a school does (POST /v1/concerns) for a pupil no earlier call of this process used. */
export async function openCase(stack: BenchStack, token: string): Promise<string> {
  serial += 1;
  const { caseId } = await apiCall<{ caseId: string }>(stack.apiUrl, token, 'POST', '/v1/concerns', { schoolUrn: reporter.schoolUrn, upn: benchUpn(demoLa.code, serial), reason: 'continuous_unauthorised_absence' });
  return caseId;
}

/**
 * `count` cases through the API, `concurrency` at a time (BENCH_OPEN_CONCURRENCY, default 16), printing
 * progress: the set-up of the read and idle benches, not measured.
 */
export async function openCases(stack: BenchStack, count: number, concurrency: number): Promise<string[]> {
  const token = await stack.token(reporter.userId);
  const caseIds: string[] = [];
  const started = Date.now();
  const every = Math.max(1, Math.round(count / 10));
  await runBounded(count, concurrency, async () => void caseIds.push(await openCase(stack, token)), (done) => {
    if (done % every === 0) console.log(`  opened ${done}/${count} cases (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  });
  return caseIds;
}
