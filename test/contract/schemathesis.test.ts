import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { repoRoot } from '../../config/paths';
import { ensureSchemathesis } from '../../scripts/devstack/schemathesis';
import { bearer, users, type TestUser } from '../helpers/users';
import { startStack } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
/** One principal per role; each runs every check, in every phase, as that role. */
const roles: TestUser[] = ['oakSchool', 'cmeOfficer', 'sendOfficer', 'manager', 'admin'];
/**
 * The coverage phase (every boundary and every wrong value of every field, thousands of requests) runs as the
 * administrator alone, who reaches the register, rules, calendars and uploads; a field's validation does not change
 * with the caller, and the case's validators are reached by every role's examples and fuzzing. Every role runs
 * examples, fuzzing and the stateful phase, which is where their scope and the case's stages differ.
 */
const coverageRoles: ReadonlySet<TestUser> = new Set<TestUser>(['admin']);
/**
 * Per role: the generated phases bounded by examples, the stateful phase by time (about 15 s of it go on building
 * the state machine over the document's links before the first scenario). About 60 s and 35 s a role on 2 cores
 * shared with other suites (the administrator's coverage phase adds about 25 s). Each run also has a hard cap: a
 * run that exceeds it is killed and fails the role, naming the cap, so a slow API or a stuck fuzzer is never
 * passed over in silence.
 */
const MAX_EXAMPLES = 3;
const STATEFUL_SECONDS = 30;
const CAP_SECONDS = { generated: 240, stateful: 90 } as const;
const artifacts = path.join(repoRoot, 'test-artifacts', 'schemathesis');
/** What the API logs of an error it answers 500 (its class and message, nothing of the request), for a failure to name its cause. */
const apiErrors = path.join(artifacts, 'api-errors.log');

interface Run {
  code: number;
  output: string;
  timedOut: boolean;
}

/** What a run's JSON report says (schemathesis `--report json`): the fields the suite asserts and prints. */
interface RunReport {
  test_cases: { generated: number };
  failures: unknown[];
  errors: unknown[];
}

function schemathesis(st: string, args: string[], capSeconds: number): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, SCHEMATHESIS_HOOKS: path.join(__dirname, 'schemathesis-hooks.py'), NO_COLOR: '1' };
    fs.mkdirSync(artifacts, { recursive: true });
    execFile(st, args, { cwd: artifacts, env, maxBuffer: 64 * 2 ** 20, timeout: capSeconds * 1000 }, (error, stdout, stderr) => {
      const timedOut = error?.killed === true;
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}${stderr}`, timedOut });
    });
  });
}

/**
 * Issue 14: an outside fuzzer, pinned, holds the API to its own OpenAPI document: every check (status codes,
 * content types, bodies and headers as documented, valid input accepted and invalid refused, 405 with Allow,
 * auth not ignored) over examples, coverage, fuzzing and the stateful phase that follows the document's links.
 */
describe('schemathesis against the started API, each role (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let baseUrl: string;
  let st: string;

  beforeAll(async () => {
    st = ensureSchemathesis();
    // Roles run one after another; the limit is raised because a fuzzer sends more than a person.
    fs.mkdirSync(artifacts, { recursive: true });
    fs.rmSync(apiErrors, { force: true });
    stack = await startStack('schemathesis-it', { rateLimitPerMinute: 1_000_000, logger: pino({ level: 'error' }, pino.destination({ dest: apiErrors, sync: true })) });
    const admin = await stack.as('admin');
    await admin.put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    await admin.put('/v1/schools/100002').send({ name: 'Elm Primary', laCode: LA }).expect(200);
    // A case to start from, so the stateful phase has one even where a role cannot open one.
    await (await stack.as('oakSchool')).post('/v1/concerns').send({ schoolUrn: OAK, upn: 'B801200005001', reason: 'unexplained_absence' }).expect(201);
    await new Promise<void>((resolve) => stack.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(stack.server.address() as AddressInfo).port}`;
  }, 240_000);

  afterAll(async () => {
    await new Promise((resolve) => stack?.server.close(resolve));
    await stack?.stop();
  });

  /** Examples, (coverage) and fuzzing bounded by examples; then the stateful phase on its own time budget. */
  const phasesOf = (role: TestUser) => [
    { name: 'generated', cap: CAP_SECONDS.generated, bounds: ['--phases', coverageRoles.has(role) ? 'examples,coverage,fuzzing' : 'examples,fuzzing', '--max-examples', String(MAX_EXAMPLES)] },
    { name: 'stateful', cap: CAP_SECONDS.stateful, bounds: ['--phases', 'stateful', '--max-examples', String(MAX_EXAMPLES), '--max-time', String(STATEFUL_SECONDS)] },
  ];

  it.each(roles)('as %s: zero failures of any check', async (role) => {
    const token = await bearer(stack.auth, users[role]);
    for (const { name, cap, bounds } of phasesOf(role)) {
      const started = Date.now();
      const report = path.join(artifacts, `${role}-${name}.json`);
      fs.rmSync(report, { force: true });
      const run = await schemathesis(st, [
        '--config-file', path.join(__dirname, 'schemathesis.toml'),
        'run', `${baseUrl}/v1/openapi.json`,
        '--url', baseUrl,
        '--header', `Authorization: ${token}`,
        ...bounds,
        '--seed', '14',
        '--workers', '1',
        '--request-timeout', '30',
        '--no-color',
        '--report', 'json', '--report-json-path', report,
      ], cap);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const log = `${role}-${name}.log`;
      fs.writeFileSync(path.join(artifacts, log), run.output);
      const links = Number(/API Links:\s+(\d+) covered/.exec(run.output)?.[1] ?? 0);
      const summary = fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, 'utf8')) as RunReport) : undefined;
      console.log(`schemathesis as ${role} (${bounds[1]}): exit ${run.code} in ${seconds} s, ${summary?.test_cases.generated ?? '?'} test cases${name === 'stateful' ? `, ${links} links covered` : ''} (full output: test-artifacts/schemathesis/${log}; the API's errors: test-artifacts/schemathesis/api-errors.log)\n${run.output.slice(-2500)}`);
      expect({ role, phases: bounds[1], timedOut: run.timedOut && `killed at its cap of ${cap} s`, code: run.code }).toEqual({ role, phases: bounds[1], timedOut: false, code: 0 });
      expect({ role, phases: bounds[1], failures: summary?.failures, errors: summary?.errors }).toEqual({ role, phases: bounds[1], failures: [], errors: [] });
      expect(summary?.test_cases.generated).toBeGreaterThan(0);
      // The stateful phase must have followed the document's links as this role.
      if (name === 'stateful') expect(links).toBeGreaterThan(0);
    }
  }, (CAP_SECONDS.generated + CAP_SECONDS.stateful + 15) * 1000);
});
