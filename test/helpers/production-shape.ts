import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '../../config/paths';
import { stopChild } from '../../scripts/devstack/child-process';
import { freePort } from '../../scripts/devstack/free-port';
import { startTemporalClusterOnOwnPostgres, untilSearchAttributesServe } from '../../scripts/devstack/temporal-cluster';
import { startTemporalDevServer } from '../../scripts/devstack/temporal-dev-server';
import { createTestDatabase, type TestDatabase } from './database';
import { testPayloadKeysSpec } from './payload-keys';
import { bearer, testAuth, users, type TestUser } from './users';
import { spawnWorker } from './worker-process';

const run = promisify(execFile);
const NAMESPACE = 'cme-cluster';

/** What a caller gets: an answer, or the connection lost because the API process died under it. */
export type Answer = { status: number; body: { caseId?: string; stage?: string; result?: unknown; error?: { code: string } } } | 'connection lost';

/**
 * The production shape on loopback: a Temporal (the real server's four services as separate processes on their
 * own PostgreSQL, or the dev server to compare with), `deploy-setup` run as compose's setup service runs it, and
 * our API replicas and case workers as the compiled processes, tokens verified against an issuer's JWKS as in
 * production (AUTH_MODE=jwks).
 */
interface ShapeOptions<T> {
  taskQueue: string;
  apis: number;
  workers: number;
  /** The Temporal our processes run on: the real cluster (`temporalCluster`), or the dev server for comparison. */
  temporal: (dataDir: string, started: Undo[]) => Promise<T>;
}
type Undo = () => Promise<unknown> | void;
export type TemporalStarter = (dataDir: string, started: Undo[]) => Promise<{ address: string }>;

export async function startProductionShape<T extends { address: string }>(options: ShapeOptions<T>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-cluster-'));
  fs.chmodSync(dataDir, 0o755); // reachable by the postgres user when the suite runs as root
  // What is started is stopped in reverse order, also when a later step of the start fails.
  const started: Undo[] = [() => keepLogsAndRemove(dataDir)];
  const stop = async () => {
    for (const undo of started.splice(0).reverse()) await undo();
  };
  try {
    return await start(options, dataDir, started, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function start<T extends { address: string }>(options: ShapeOptions<T>, dataDir: string, started: Undo[], stop: () => Promise<void>) {
  const temporal = await options.temporal(dataDir, started);
  const database: TestDatabase = await createTestDatabase({ migrated: false });
  started.push(() => database.drop());
  const settings = {
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    PAYLOAD_KEYS: testPayloadKeysSpec,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
  };
  await run(process.execPath, [path.join(repoRoot, 'dist', 'scripts', 'deploy-setup.js')], { env: { ...process.env, ...settings } });
  const connection = await Connection.connect({ address: temporal.address });
  started.push(() => connection.close());
  const client = new Client({ connection, namespace: NAMESPACE });
  await untilSearchAttributesServe(client);

  const auth = await testAuth();
  const issuer = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(auth.devIssuer?.jwks)));
  await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
  started.push(() => new Promise((resolve) => issuer.close(resolve)));
  const jwksUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/jwks.json`;

  const apiPorts = await Promise.all(Array.from({ length: options.apis }, () => freePort()));
  const apis: (ChildProcess | undefined)[] = [];
  started.push(() => Promise.all(apis.map((child) => child && stopChild(child))));
  const startApi = async (index: number) => {
    const log = fs.openSync(path.join(dataDir, `api-${index}.log`), 'a');
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'api', 'main.js')], {
      env: { ...process.env, ...settings, AUTH_MODE: 'jwks', AUTH_ISSUER: 'test-issuer', AUTH_JWKS_URL: jwksUrl, API_PORT: String(apiPorts[index]) },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    apis[index] = child;
    await untilHealthy(`http://127.0.0.1:${apiPorts[index]}`, child);
  };
  await Promise.all(apiPorts.map((_port, index) => startApi(index)));

  const workers: ChildProcess[] = [];
  started.push(() => Promise.all(workers.map((child) => stopChild(child))));
  const startWorker = () => {
    const child = spawnWorker({ databaseUrl: database.url, temporalAddress: temporal.address, taskQueue: options.taskQueue, dataDir, env: { TEMPORAL_NAMESPACE: NAMESPACE } });
    workers.push(child);
    return child;
  };
  for (let i = 0; i < options.workers; i += 1) startWorker();

  let lastLoss = '';
  /** One request to one API replica, as a caller's HTTP client makes it. */
  async function call(replica: number, user: TestUser, route: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<Answer> {
    const headers = { authorization: await bearer(auth, users[user]), 'content-type': 'application/json' };
    const init = body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) };
    let response: Response;
    try {
      response = await fetch(`http://127.0.0.1:${apiPorts[replica]}/v1${route}`, init);
    } catch (error) {
      lastLoss = `replica ${replica}: ${String((error as { cause?: unknown }).cause ?? error)}`;
      return 'connection lost';
    }
    return { status: response.status, body: (await response.json()) as Exclude<Answer, string>['body'] };
  }

  return {
    temporal,
    database,
    client,
    dataDir,
    apiCount: options.apis,
    apiUrl: (replica: number) => `http://127.0.0.1:${apiPorts[replica]}`,
    /** A bearer token (without the scheme) from the issuer the API replicas trust. */
    token: async (user: TestUser) => (await bearer(auth, users[user])).slice('Bearer '.length),
    call,
    /**
     * A caller that retries the same request (same ids) until it is answered: on a lost connection on the next
     * replica, on a 503 (Temporal or the database slow or down) after a pause; bounded in time.
     */
    async retrying(user: TestUser, route: string, body?: unknown, how: { replica?: number; withinMs?: number } = {}): Promise<Exclude<Answer, string>> {
      const withinMs = how.withinMs ?? 120_000;
      const deadline = Date.now() + withinMs;
      for (let replica = how.replica ?? 0; ; ) {
        const answer = await call(replica, user, route, body);
        if (answer !== 'connection lost' && answer.status !== 503) return answer;
        if (Date.now() > deadline) throw new Error(`${route} not answered within ${withinMs} ms: ${JSON.stringify(answer)} (${lastLoss}; API processes ${apis.map((child) => child?.exitCode ?? child?.signalCode ?? 'running').join(', ')})`);
        if (answer === 'connection lost') replica = (replica + 1) % options.apis;
        await new Promise((resolve) => setTimeout(resolve, answer === 'connection lost' ? 100 : 500));
      }
    },
    startApi,
    killApi: (index: number) => apis[index]?.kill('SIGKILL'),
    startWorker,
    workers,
    stop,
  };
}

/**
 * The real Temporal Server's services apart (scripts/devstack/temporal-cluster.ts) on a PostgreSQL of their own,
 * which a fault test may crash and start again.
 */
export async function temporalCluster(dataDir: string, started: Undo[]) {
  const cluster = await startTemporalClusterOnOwnPostgres({ dataDir, cliPath: cliPath(), namespace: NAMESPACE, retention: '72h' });
  started.push(() => cluster.stop());
  return cluster;
}

/** `npm start`'s Temporal: the dev server on SQLite, our namespace and search attributes registered at start. */
export async function temporalDevServer(dataDir: string, started: Undo[]) {
  const server = await startTemporalDevServer({ cliPath: cliPath(), dataDir: path.join(dataDir, 'dev-server'), port: await freePort(), namespace: NAMESPACE });
  started.push(() => server.stop());
  return server;
}

const cliPath = () => process.env.TEMPORAL_CLI_PATH as string;

export type ProductionShape = Awaited<ReturnType<typeof startProductionShape<Awaited<ReturnType<typeof temporalCluster>>>>>;

/** Every process's log (Temporal's services, the API replicas) into test-artifacts/cluster/, for a failure's reader. */
function keepLogsAndRemove(dataDir: string): void {
  const artifacts = path.join(repoRoot, 'test-artifacts', 'cluster');
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  for (const file of fs.readdirSync(dataDir).filter((name) => name.endsWith('.log'))) fs.copyFileSync(path.join(dataDir, file), path.join(artifacts, file));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function untilHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the API process at ${url} exited with code ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API process at ${url} did not become healthy`);
}
