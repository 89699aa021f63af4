import { performance } from 'node:perf_hooks';
import { upnCheckLetter } from '../domain/identifiers';
import { apiClient, devToken, expectOk } from '../client/api-client';
import { percentile } from './measure';

/**
 * A bounded loopback load: `clients` concurrent school users each open a concern for a new pupil, record a
 * contact attempt and have an LA officer close the case, for `seconds`. Every request must succeed and every
 * case must be in the read model exactly once. `npm run bench:load` runs it against a started system.
 */
export interface LoadOptions {
  apiUrl: string;
  clients: number;
  seconds: number;
  schoolUrn: string;
  laCode: string;
  /** Bearer tokens for a school user of `schoolUrn` and an LA CME officer. */
  tokens: { school: string; officer: string };
  /** Distinguishes this run's pupils from any earlier run's (3 digits). */
  runTag: string;
}

export interface LoadReport {
  casesOpened: number;
  requests: number;
  errors: string[];
  seconds: number;
  requestsPerSecond: number;
  casesPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  caseIds: string[];
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const caseIds: string[] = [];
  const school = apiClient(options.apiUrl, options.tokens.school);
  const officer = apiClient(options.apiUrl, options.tokens.officer);
  /** One request through the typed client, its latency recorded. */
  const timed = async <T>(what: string, send: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
    const started = performance.now();
    try {
      return await expectOk(what, send());
    } finally {
      latencies.push(performance.now() - started);
    }
  };
  let serial = 0;
  const deadline = Date.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (Date.now() < deadline) {
        serial += 1;
        const body = `${options.laCode}${options.runTag}${String(serial).padStart(6, '0')}`;
        try {
          const receipt = await timed('POST /v1/concerns', () =>
            school.POST('/v1/concerns', { body: { schoolUrn: options.schoolUrn, upn: `${upnCheckLetter(body)}${body}`, reason: 'continuous_unauthorised_absence' } }),
          );
          if (!('caseId' in receipt)) throw new Error('POST /v1/concerns: the school may not read the case it opened');
          const params = { path: { caseId: receipt.caseId } };
          caseIds.push(receipt.caseId);
          await timed('POST contact-attempts', () => school.POST('/v1/cases/{caseId}/contact-attempts', { params, body: { method: 'phone', outcome: 'spoke_to_parent' } }));
          await timed('POST close', () => officer.POST('/v1/cases/{caseId}/close', { params, body: { outcome: 'located_and_attending', reason: 'load test' } }));
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => Math.round(percentile(sorted, q));
  return {
    casesOpened: caseIds.length,
    requests: latencies.length,
    errors,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    casesPerSecond: caseIds.length / seconds,
    latencyMs: { p50: at(0.5), p95: at(0.95), max: Math.round(sorted.at(-1) ?? 0) },
    caseIds,
  };
}

async function main(): Promise<void> {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
  const token = (userId: string) => devToken(apiUrl, userId);
  const report = await runLoad({
    apiUrl,
    clients: Number(process.env.LOAD_CLIENTS ?? 16),
    seconds: Number(process.env.LOAD_SECONDS ?? 60),
    schoolUrn: '100001',
    laCode: '938',
    tokens: { school: await token('demo-oak-attendance'), officer: await token('demo-cme-officer') },
    runTag: String(Date.now() % 1000).padStart(3, '0'),
  });
  const { caseIds: _ids, ...figures } = report;
  console.log(JSON.stringify({ ...figures, errors: report.errors.slice(0, 5), errorCount: report.errors.length }, null, 2));
  process.exitCode = report.errors.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
