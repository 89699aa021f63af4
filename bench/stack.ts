import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import { demoLa, demoSchools, demoTerms } from '../config/demo';
import { migrateDatabase } from '../db/migrate';
import { stopChild } from '../scripts/devstack/child-process';
import { freePort } from '../scripts/devstack/free-port';
import { startPrivatePostgres, type PrivatePostgres } from '../scripts/devstack/postgres-cluster';
import { ensureTemporalBinaries } from '../scripts/devstack/temporal-binaries';
import { startTemporalClusterOnOwnPostgres, untilSearchAttributesServe } from '../scripts/devstack/temporal-cluster';
import { startTemporalDevServer } from '../scripts/devstack/temporal-dev-server';
import { connectClient } from '../temporal/client';
import { caseDataConverter } from '../temporal/data-converter';
import { PayloadKeyRing } from '../temporal/payload-codec';
import { registerCaseSearchAttributes } from '../temporal/register-search-attributes';
import { apiCall, devToken } from './api';

/**
 * The system as `npm start` runs it, started afresh for one benchmark in a scratch folder: a private
 * PostgreSQL, the Temporal dev server (SQLite), the case worker and the API each in its own process, and the
 * demo LA's terms and schools. A fresh stack means every case and byte measured is the bench's own.
 * BENCH_KEEP_DATA=1 keeps the folder (and the processes' logs) for a look afterwards.
 *
 * Or the same processes of ours on the production shape's Temporal (`temporal: 'cluster'`): the real server's
 * four services apart on a PostgreSQL of their own (scripts/devstack/temporal-cluster.ts), our search attributes
 * registered as `deploy-setup` registers them. Or in a folder of the caller's that is kept, and resumed when it
 * holds a stack already (`dataDir`: the same databases and payload keys, so its cases stay readable).
 */
export type BenchTemporal = 'dev server' | 'cluster';

export interface BenchStackOptions {
  temporal?: BenchTemporal;
  dataDir?: string;
}

export interface BenchStack {
  /** Which Temporal it runs on. */
  temporal: BenchTemporal;
  apiUrl: string;
  databaseUrl: string;
  dataDir: string;
  /** The dev server's SQLite file (with its WAL beside it). */
  temporalDbFile: string;
  worker: ChildProcess;
  /** A Temporal client made as the API makes its own: same address, namespace and payload codec. */
  client: Client;
  /** Spawns a compiled entry point (path relative to dist/) with the settings the API and worker run with; logs go to the data folder. */
  spawnService(name: string, entry: string): ChildProcess;
  token(userId: string): Promise<string>;
  stop(): Promise<void>;
}

const distRoot = path.resolve(__dirname, '..');
const NAMESPACE = 'cme-bench';

export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  const temporalKind = options.temporal ?? 'dev server';
  const kept = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cme-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755); // the postgres user must reach it when run as root
  const stops: Array<() => Promise<void> | void> = [];
  const children: ChildProcess[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= (async () => {
    for (const child of children) child.removeAllListeners('exit');
    for (const step of stops.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`while stopping: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (kept || process.env.BENCH_KEEP_DATA === '1') console.log(`data kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  })());
  try {
    const postgres: PrivatePostgres = await startPrivatePostgres({ dataDir });
    stops.push(() => postgres.stop());
    await postgres.ensureDatabase('cme');
    const databaseUrl = postgres.urlFor('cme');
    migrateDatabase(databaseUrl);

    const cliPath = ensureTemporalBinaries().cli;
    const temporal =
      temporalKind === 'cluster'
        ? await startTemporalClusterOnOwnPostgres({ dataDir: path.join(dataDir, 'temporal'), cliPath, namespace: NAMESPACE, retention: '72h' })
        : await startTemporalDevServer({ cliPath, dataDir, port: await freePort(), namespace: NAMESPACE });
    stops.push(() => temporal.stop());

    const payloadKeys = keptPayloadKeys(dataDir);
    const apiPort = await freePort();
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      PAYLOAD_KEYS: payloadKeys,
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Every bench client comes from loopback: the per-address limit would measure itself, not the system.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      // A first case waits for the worker to bundle its workflows, longer than the production deadline on a loaded
      // two-core machine; a bench measures latencies, it does not cut them off.
      API_TEMPORAL_DEADLINE_MS: '120000',
    };
    const spawnService = (name: string, entry: string) => {
      const log = fs.openSync(path.join(dataDir, `${name}.log`), 'a');
      const child = spawn(process.execPath, [path.join(distRoot, entry)], { env: childEnv, stdio: ['ignore', log, log] });
      fs.closeSync(log);
      child.once('exit', (code, signal) => console.error(`${name} (${temporalKind}) exited (${signal ?? `code ${code}`}); see ${name}.log (BENCH_KEEP_DATA=1 keeps it)`));
      children.push(child);
      stops.push(() => stopChild(child));
      return child;
    };
    const worker = spawnService('worker', 'worker/main.js');
    spawnService('api', 'api/main.js');
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const admin = await firstToken(apiUrl, 'demo-admin');

    const client = await connectClient({ address: temporal.address, namespace: NAMESPACE, dataConverter: caseDataConverter(PayloadKeyRing.parse(payloadKeys)) });
    stops.push(() => client.connection.close());
    if (temporalKind === 'cluster') {
      // The dev server registers them at start; on the cluster, as deploy-setup does.
      await registerCaseSearchAttributes(client.connection as Connection, NAMESPACE); // connectClient's own Connection
      await untilSearchAttributesServe(client);
    }
    const token = (userId: string) => devToken(apiUrl, userId);
    await apiCall(apiUrl, admin, 'PUT', `/v1/las/${demoLa.code}/terms`, { terms: demoTerms });
    for (const school of Object.values(demoSchools)) {
      await apiCall(apiUrl, admin, 'PUT', `/v1/schools/${school.urn}`, { name: school.name, laCode: demoLa.code, isSpecial: school.isSpecial });
    }
    return { temporal: temporalKind, apiUrl, databaseUrl, dataDir, temporalDbFile: path.join(dataDir, 'temporal.sqlite'), worker, client, spawnService, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The stack's payload key, kept in its folder: a resumed stack reads the cases an earlier run encrypted. */
function keptPayloadKeys(dataDir: string): string {
  const file = path.join(dataDir, 'bench-payload-keys');
  if (!fs.existsSync(file)) fs.writeFileSync(file, `bench-1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/** The admin's token, asked for until the API has started and answers (connection refused until then). */
async function firstToken(apiUrl: string, userId: string, timeoutMs = 120000): Promise<string> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 500))) {
    try {
      return await devToken(apiUrl, userId);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`API did not answer at ${apiUrl} within ${timeoutMs} ms: ${String(error)}`);
    }
  }
}

/**
 * Runs a bench's body on fresh stacks (one per entry of `stacks`, started one after the other) and always takes
 * them down, Ctrl-C included (PostgreSQL runs detached and would outlive us); exit 1 on failure.
 */
export function runOnStacks(stacks: BenchStackOptions[], body: (stacks: BenchStack[]) => Promise<boolean>): void {
  const started: BenchStack[] = [];
  const stopAll = () => Promise.all(started.map((stack) => stack.stop()));
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  void (async () => {
    let ok = false;
    try {
      for (const options of stacks) started.push(await startBenchStack(options));
      ok = await body(started);
    } finally {
      await stopAll();
    }
    process.exit(ok ? 0 : 1);
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** Runs a bench's body on one fresh stack (the dev server unless `options` say otherwise). */
export function runOnStack(body: (stack: BenchStack) => Promise<boolean>, options: BenchStackOptions = {}): void {
  runOnStacks([options], ([stack]) => body(stack!));
}
