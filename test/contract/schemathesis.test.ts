import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../config/paths';
import { ensureSchemathesis } from '../../scripts/devstack/schemathesis';
import { bearer, users, type TestUser } from '../helpers/users';
import { startStack } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
/** One principal per role; each runs every check, in every phase, as that role. */
const roles: TestUser[] = ['oakSchool', 'cmeOfficer', 'sendOfficer', 'manager', 'admin'];
/**
 * The coverage phase (every boundary and every wrong value of every field, about 3,000 requests a role) runs as
 * the school, whose requests reach the case's validators, and as the administrator, who reaches the register,
 * rules and uploads: a field's validation does not change with the caller. The LA roles run examples, fuzzing
 * and the stateful phase, which is where their scope and the case's stages differ. This keeps the file within
 * its time.
 */
const coverageRoles: ReadonlySet<TestUser> = new Set<TestUser>(['oakSchool', 'admin']);
/**
 * Per role: bounded in examples and time so the whole file stays within about 5 minutes on 2 busy cores. Each
 * run also has a hard cap: a run that exceeds it is killed and fails the role, naming the cap, so a slow API or
 * a stuck fuzzer is never passed over in silence.
 */
const MAX_EXAMPLES = 5;
const STATEFUL_SECONDS = 15;
const CAP_SECONDS = { generated: 150, stateful: 60 } as const;
const artifacts = path.join(repoRoot, 'test-artifacts', 'schemathesis');

interface Run {
  code: number;
  output: string;
  timedOut: boolean;
}

function schemathesis(st: string, args: string[], capSeconds: number): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, SCHEMATHESIS_HOOKS: path.join(__dirname, 'schemathesis-hooks.py'), NO_COLOR: '1' };
    fs.mkdirSync(artifacts, { recursive: true });
    // Its crash cache (.schemathesis/) lives with the run's output, outside the source tree.
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
    stack = await startStack('schemathesis-it', { rateLimitPerMinute: 1_000_000 });
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
      const run = await schemathesis(st, [
        '--config-file', path.join(__dirname, 'schemathesis.toml'),
        'run', `${baseUrl}/v1/openapi.json`,
        '--url', baseUrl,
        '--header', `Authorization: ${token}`,
        '--checks', 'all',
        ...bounds,
        '--seed', '14',
        '--workers', '1',
        '--request-timeout', '30',
        '--no-color',
      ], cap);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const log = `${role}-${name}.log`;
      fs.writeFileSync(path.join(artifacts, log), run.output);
      console.log(`schemathesis as ${role} (${bounds[1]}): exit ${run.code} in ${seconds} s (full output: test-artifacts/schemathesis/${log})\n${run.output.slice(-2500)}`);
      expect({ role, phases: bounds[1], timedOut: run.timedOut && `killed at its cap of ${cap} s`, code: run.code }).toEqual({ role, phases: bounds[1], timedOut: false, code: 0 });
      // The stateful phase must have followed at least one of the document's links as this role.
      if (name === 'stateful') expect(run.output).toMatch(/API Links:\s+[1-9]\d* covered/);
    }
  }, (CAP_SECONDS.generated + CAP_SECONDS.stateful + 15) * 1000);
});
