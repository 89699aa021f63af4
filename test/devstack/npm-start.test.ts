import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoLa, demoSchools } from '../../config/demo';
import { repoRoot } from '../../config/paths';
import { upnCheckLetter } from '../../domain/identifiers';
import { freePort, portIsFree } from '../../scripts/devstack/free-port';
import { isAlive, processesWithEnv, processTree } from '../helpers/process-tree';

/**
 * Issue #11 item 8: `npm start` as a supervisor. The real command (npm → start.sh → node) on a fresh data folder
 * and ports of its own: a worker or API killed with SIGKILL is restarted with backoff and logged, a concern
 * reported while the worker is down is answered once it is back, and SIGTERM or SIGINT (twice) sent to the npm
 * process stops the API, the worker, the Temporal dev server and PostgreSQL, leaving no process and no port behind.
 */
describe('npm start supervises the dev stack (real processes)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-npm-start-'));
  fs.chmodSync(dataDir, 0o755); // reachable by the postgres user when the suite runs as root
  let ports: { api: number; temporal: number; temporalUi: number };
  let running: NpmStart | undefined;

  beforeAll(async () => {
    ports = { api: await freePort(), temporal: await freePort(), temporalUi: await freePort() };
  });

  afterAll(() => {
    // A failed test must not leave its stack running: every process it started (PostgreSQL too) has our DATA_DIR.
    for (const pid of processesWithEnv('DATA_DIR', dataDir)) killQuietly(pid);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a SIGKILLed worker (a concern reported meanwhile is answered) and API, and SIGTERM stops everything', async () => {
    running = await npmStart(dataDir, ports);
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    // The Temporal UI decodes through our codec under its own origin, on the host name staff sign in with
    // (PUBLIC_URL's), with no Data Encoder set up by hand; its proxy hands /codec to the API, which wants a sign-in.
    const uiSettings = await (await fetch(`http://127.0.0.1:${ports.temporalUi}/api/v1/settings`)).json();
    expect(uiSettings).toMatchObject({ Codec: { Endpoint: `http://localhost:${ports.temporalUi}/codec` } });
    const decode = await fetch(`http://127.0.0.1:${ports.temporalUi}/codec/decode`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"payloads":[]}' });
    expect([decode.status, ((await decode.json()) as { error?: { code?: string } }).error?.code]).toEqual([401, 'unauthenticated']);
    const token = await devToken(apiUrl, 'demo-oak-attendance');

    const worker = running.pidOf('worker');
    process.kill(worker, 'SIGKILL');
    await running.waitFor(new RegExp(`^worker \\(pid ${worker}\\) exited unexpectedly \\(signal SIGKILL\\); restart 1 in 1 s$`, 'm'));
    expect(running.output()).not.toMatch(/^worker restarted/m); // still down when the concern is sent
    const body = `${demoLa.code}200126050`;
    const reported = await fetch(`${apiUrl}/v1/concerns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schoolUrn: demoSchools.oak.urn, upn: `${upnCheckLetter(body)}${body}`, reason: 'unexplained_absence' }),
    });
    expect(reported.status).toBe(201);
    expect(running.output()).toMatch(/^worker restarted \(pid \d+, attempt 1\)$/m);
    expect(running.pidOf('worker')).not.toBe(worker);

    const api = running.pidOf('api');
    process.kill(api, 'SIGKILL');
    await running.waitFor(new RegExp(`^api \\(pid ${api}\\) exited unexpectedly \\(signal SIGKILL\\); restart 1 in 1 s$`, 'm'));
    await running.waitFor(/^api restarted \(pid \d+, attempt 1\)$/m);
    await waitUntil(async () => (await fetch(`${apiUrl}/healthz`).catch(() => undefined))?.status === 200, 60_000);
    expect(running.pidOf('api')).not.toBe(api);

    await expectStopsEverything(running, ports, async (npm) => {
      process.kill(npm.process.pid!, 'SIGTERM');
      await npm.waitFor(/^SIGTERM: stopping/m);
    });
  }, 420_000);

  it('on the same data (nothing seeded again), a second SIGINT while stopping still leaves nothing behind', async () => {
    running = await npmStart(dataDir, ports);
    expect(running.output()).toMatch(/demo data already present; nothing seeded/);

    await expectStopsEverything(running, ports, async (npm) => {
      process.kill(npm.process.pid!, 'SIGINT');
      await npm.waitFor(/^SIGINT: stopping/m);
      process.kill(npm.process.pid!, 'SIGINT');
      await npm.waitFor(/^SIGINT again: killing what is still stopping$/m);
    });
  }, 300_000);
});

interface NpmStart {
  process: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** The current pid of a supervised service, from the supervisor's log. */
  pidOf(service: 'worker' | 'api'): number;
  /** npm, the supervisor and everything below it, and the PostgreSQL server with its backends. */
  stackPids(): number[];
}

/** `npm start` as a person runs it, on this data folder and these ports, once it says it is ready. */
async function npmStart(dataDir: string, ports: { api: number; temporal: number; temporalUi: number }): Promise<NpmStart> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    API_PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.temporalUi),
    // Staff reach the API under another name than API_HOST: the Temporal UI's codec must follow it.
    PUBLIC_URL: `http://localhost:${ports.api}`,
    // A restarted worker bundles its workflows before it polls: the decision sent meanwhile waits that long.
    API_TEMPORAL_DEADLINE_MS: '120000',
    LOG_LEVEL: 'warn',
    // dist/ as `npm test` built it; rebuilding here would rewrite files under suites running beside this one.
    SKIP_BOOTSTRAP: '1',
  };
  for (const variable of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_UI_URL', 'PAYLOAD_KEYS', 'AUTH_MODE']) delete env[variable];
  const child = spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const running: NpmStart = {
    process: child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 120_000) =>
      waitUntil(() => pattern.test(output), timeoutMs).catch(() => {
        throw new Error(`npm start never printed ${pattern}; it printed:\n${output}`);
      }),
    pidOf: (service) => Number([...output.matchAll(new RegExp(`^${service} (?:started|restarted) \\(pid (\\d+)`, 'gm'))].at(-1)?.[1]),
    stackPids: () => {
      return [...processTree(child.pid!), ...processTree(postmasterOf(dataDir))];
    },
  };
  await running.waitFor(/^Press Ctrl-C to stop everything\.$/m, 300_000);
  return running;
}

/** Sends the stop, then: npm exits 0, every process of the stack is gone and every port it held is free. */
async function expectStopsEverything(npm: NpmStart, ports: { api: number; temporal: number; temporalUi: number }, stop: (npm: NpmStart) => Promise<void>): Promise<void> {
  const postgresPort = Number(/^PostgreSQL +postgresql:\/\/\w+@127\.0\.0\.1:(\d+)\//m.exec(npm.output())?.[1]);
  const pids = npm.stackPids();
  expect(pids).toEqual(expect.arrayContaining([npm.pidOf('worker'), npm.pidOf('api')]));
  expect(pids.length).toBeGreaterThanOrEqual(6); // npm, node, temporal, worker, api, postgres (+ its processes)
  const exited = new Promise<number | null>((resolve) => npm.process.once('exit', (code) => resolve(code)));
  await stop(npm);
  expect(await exited).toBe(0);
  await waitUntil(() => pids.every((pid) => !isAlive(pid)), 10_000).catch(() => undefined);
  expect(pids.filter(isAlive)).toEqual([]);
  for (const port of [ports.api, ports.temporal, ports.temporalUi, postgresPort]) expect(await portIsFree(port)).toBe(true);
}

function postmasterOf(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function devToken(apiUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  return ((await response.json()) as { token: string }).token;
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}
