import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { demoLa, demoSchools, demoTerms } from '../config/demo';
import { migrateDatabase } from '../db/migrate';
import { stopChild } from '../scripts/devstack/child-process';
import { freePort } from '../scripts/devstack/free-port';
import { startPrivatePostgres, type PrivatePostgres } from '../scripts/devstack/postgres-cluster';
import { ensureTemporalBinaries } from '../scripts/devstack/temporal-binaries';
import { startTemporalDevServer, type RunningDevServer } from '../scripts/devstack/temporal-dev-server';
import { connectClient } from '../temporal/client';
import { caseDataConverter } from '../temporal/data-converter';
import { PayloadKeyRing } from '../temporal/payload-codec';
import { apiCall, devToken } from './api';

/**
 * The system as `npm start` runs it, started afresh for one benchmark in a scratch folder: a private
 * PostgreSQL, the Temporal dev server (SQLite), the case worker and the API each in its own process, and the
 * demo LA's terms and schools. A fresh stack means every case and byte measured is the bench's own.
 * BENCH_KEEP_DATA=1 keeps the folder (and the processes' logs) for a look afterwards.
 */
export interface BenchStack {
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

export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-bench-'));
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
    if (process.env.BENCH_KEEP_DATA === '1') console.log(`data kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  })());
  try {
    const postgres: PrivatePostgres = await startPrivatePostgres({ dataDir });
    stops.push(() => postgres.stop());
    await postgres.ensureDatabase('cme');
    const databaseUrl = postgres.urlFor('cme');
    migrateDatabase(databaseUrl);

    const temporal: RunningDevServer = await startTemporalDevServer({ cliPath: ensureTemporalBinaries().cli, dataDir, port: await freePort(), namespace: 'default' });
    stops.push(() => temporal.stop());

    const payloadKeys = `bench-1:${randomBytes(32).toString('base64')}`;
    const apiPort = await freePort();
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      PAYLOAD_KEYS: payloadKeys,
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Every bench client comes from loopback: the per-address limit would measure itself, not the system.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    };
    const spawnService = (name: string, entry: string) => {
      const log = fs.openSync(path.join(dataDir, `${name}.log`), 'a');
      const child = spawn(process.execPath, [path.join(distRoot, entry)], { env: childEnv, stdio: ['ignore', log, log] });
      fs.closeSync(log);
      child.once('exit', (code, signal) => console.error(`${name} exited (${signal ?? `code ${code}`}); see ${name}.log (BENCH_KEEP_DATA=1 keeps it)`));
      children.push(child);
      stops.push(() => stopChild(child));
      return child;
    };
    const worker = spawnService('worker', 'worker/main.js');
    spawnService('api', 'api/main.js');
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const admin = await firstToken(apiUrl, 'demo-admin');

    const client = await connectClient({ address: temporal.address, namespace: 'default', dataConverter: caseDataConverter(PayloadKeyRing.parse(payloadKeys)) });
    stops.push(() => client.connection.close());
    const token = (userId: string) => devToken(apiUrl, userId);
    await apiCall(apiUrl, admin, 'PUT', `/v1/las/${demoLa.code}/terms`, { terms: demoTerms });
    for (const school of Object.values(demoSchools)) {
      await apiCall(apiUrl, admin, 'PUT', `/v1/schools/${school.urn}`, { name: school.name, laCode: demoLa.code, isSpecial: school.isSpecial });
    }
    return { apiUrl, databaseUrl, dataDir, temporalDbFile: path.join(dataDir, 'temporal.sqlite'), worker, client, spawnService, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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
 * Runs a bench's body on a fresh stack and always takes the stack down, Ctrl-C included (PostgreSQL runs
 * detached and would outlive us); exit 1 on failure.
 */
export function runOnStack(body: (stack: BenchStack) => Promise<boolean>): void {
  void (async () => {
    const stack = await startBenchStack();
    process.once('SIGINT', () => void stack.stop().finally(() => process.exit(130)));
    let ok = false;
    try {
      ok = await body(stack);
    } finally {
      await stack.stop();
    }
    process.exit(ok ? 0 : 1);
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
