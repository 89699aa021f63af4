import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Client, Connection } from '@temporalio/client';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../../config/paths';
import { stopChild } from './child-process';
import { portIsFree } from './free-port';
import { startPrivatePostgres, type PrivatePostgres } from './postgres-cluster';
import { run } from './run';
import { ensureTemporalServer, type TemporalServerBinaries } from './temporal-server';

/**
 * The production shape of Temporal on one machine: the real server on PostgreSQL, each of its services (frontend,
 * history, matching, internal worker) a separate process on loopback, finding each other through the membership
 * table in the database (one ring), as docker-compose.yml runs the same version with the same dynamic config.
 * Without an authorizer (`--allow-no-auth`), as in compose: only loopback, or the deployment's network, reaches it.
 */
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

/** The settings the case engine relies on (Updates, update-with-start); docker-compose.yml mounts the same file. */
export const DYNAMIC_CONFIG_FILE = path.join(repoRoot, 'deploy', 'temporal-dynamicconfig.yaml');

/**
 * The history service's shards: fixed when the `temporal` database is first used and never changed after; they
 * bound how many history processes can share the work (a few per LA service; 64 leaves room). docker-compose.yml
 * sets the same (NUM_HISTORY_SHARDS).
 */
export const HISTORY_SHARDS = 64;

export interface TemporalClusterOptions {
  /** Temporal's own PostgreSQL (not the case database): the schemas go into its `temporal` and `temporal_visibility`. */
  postgres: PrivatePostgres;
  dataDir: string;
  /** The `temporal` CLI, which creates the namespace as an operator would. */
  cliPath: string;
  namespace: string;
  /** How long Temporal keeps a closed case's history, e.g. `72h` (the case record itself lives in our database). */
  retention: string;
}

export interface RunningTemporalCluster {
  address: string;
  namespace: string;
  /** Kills one service process (SIGKILL by default: a crash) and waits for it to be gone. */
  kill(service: TemporalService, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a service process again, on the same ports and database. */
  start(service: TemporalService): void;
  stop(): Promise<void>;
}

const STARTUP_MS = 120_000;

export async function startTemporalCluster(options: TemporalClusterOptions): Promise<RunningTemporalCluster> {
  const binaries = ensureTemporalServer();
  fs.mkdirSync(options.dataDir, { recursive: true });
  setUpSchemas(binaries, options.postgres);
  const ports = await servicePorts();
  const configFile = path.join(options.dataDir, 'temporal-cluster.yaml');
  fs.writeFileSync(configFile, clusterConfig(binaries.moduleDir, options.postgres, ports));

  const processes = new Map<TemporalService, ChildProcess>();
  const start = (service: TemporalService) => {
    const log = fs.openSync(path.join(options.dataDir, `temporal-${service}.log`), 'a');
    processes.set(service, spawn(binaries.server, ['--config-file', configFile, '--allow-no-auth', 'start', '--service', service], { stdio: ['ignore', log, log] }));
    fs.closeSync(log);
  };
  const stop = () => Promise.all([...processes.values()].map((child) => stopChild(child))).then(() => undefined);
  const address = `127.0.0.1:${ports.frontend.grpcPort}`;
  try {
    // The first process on a new database writes the cluster's metadata; one starting at the same moment races it
    // and exits. So the frontend goes first, and the others once it answers.
    start('frontend');
    await untilDone(options.dataDir, processes, () => answers(address));
    TEMPORAL_SERVICES.filter((service) => service !== 'frontend').forEach(start);
    await untilDone(options.dataDir, processes, () => createNamespace(options, address));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address,
    namespace: options.namespace,
    async kill(service, signal = 'SIGKILL') {
      const child = processes.get(service);
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    start,
    stop,
  };
}

export interface TemporalClusterOnOwnPostgres extends RunningTemporalCluster {
  /** Temporal's PostgreSQL crashes (no checkpoint) and starts again on the same data and port after `downMs`. */
  restartPostgres(downMs: number): Promise<void>;
}

/**
 * The cluster on a PostgreSQL of its own in `dataDir` (as a site runs Temporal's databases apart from the case
 * record); `stop` takes both down. The cluster suite and the cluster bench start it so.
 */
export async function startTemporalClusterOnOwnPostgres(options: Omit<TemporalClusterOptions, 'postgres'>): Promise<TemporalClusterOnOwnPostgres> {
  let postgres = await startPrivatePostgres({ dataDir: options.dataDir });
  let cluster: RunningTemporalCluster;
  try {
    cluster = await startTemporalCluster({ ...options, postgres });
  } catch (error) {
    postgres.stop();
    throw error;
  }
  return {
    ...cluster,
    async restartPostgres(downMs) {
      postgres.stop('immediate');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      postgres = await startPrivatePostgres({ dataDir: options.dataDir, port: postgres.port });
    },
    async stop() {
      await cluster.stop();
      postgres.stop();
    },
  };
}

/**
 * After `deploy-setup` registered our search attributes: the frontend reads a namespace's attributes from a
 * cache it refreshes every few seconds, so a list query by them fails until then.
 */
export async function untilSearchAttributesServe(client: Client): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.workflow.count('CaseStage = "awaiting_reason"');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * The sql tool's three steps, each safe to repeat (as docker-compose.yml's temporal-schema runs them at every
 * start): `create` passes over an existing database, `setup-schema -v 0.0` over a versioned one, and
 * `update-schema` applies only the versions past the database's own, so it is also how an upgrade is applied.
 */
function setUpSchemas(binaries: TemporalServerBinaries, postgres: PrivatePostgres): void {
  const user = new URL(postgres.urlFor('postgres')).username;
  const schemas = { temporal: 'temporal', temporal_visibility: 'visibility' };
  for (const [database, folder] of Object.entries(schemas)) {
    const sql = (args: string[]) =>
      run(binaries.sqlTool, ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(postgres.port), '-u', user, '--db', database, ...args]);
    sql(['create']);
    sql(['setup-schema', '-v', '0.0']);
    sql(['update-schema', '-d', path.join(binaries.moduleDir, 'schema', 'postgresql', 'v12', folder, 'versioned')]);
  }
}

interface ServicePorts {
  grpcPort: number;
  membershipPort: number;
  httpPort?: number;
}

async function servicePorts(): Promise<Record<TemporalService, ServicePorts>> {
  const taken = new Set<number>();
  const entries = [];
  for (const service of TEMPORAL_SERVICES) {
    const ports: ServicePorts = { grpcPort: await freeSmallPort(taken), membershipPort: await freeSmallPort(taken) };
    if (service === 'frontend') ports.httpPort = await freeSmallPort(taken);
    entries.push([service, ports] as const);
  }
  return Object.fromEntries(entries) as Record<TemporalService, ServicePorts>;
}

/**
 * A free port below 32768: the membership table stores a service's port as a PostgreSQL smallint, so the
 * kernel's ephemeral ports (32768 and up) make the service exit at start.
 */
async function freeSmallPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12768);
    if (!taken.has(port) && (await portIsFree(port))) {
      taken.add(port);
      return port;
    }
  }
}

/**
 * The module's own development-postgres12.yaml with our database, free ports and the shared dynamic config. The
 * pprof and metrics listeners go (one fixed port each, which the four processes would contend for), as does
 * archival to /tmp (off without its section); connection pools shrink so that four processes fit PostgreSQL's
 * default 100 connections.
 */
function clusterConfig(moduleDir: string, postgres: PrivatePostgres, ports: Record<TemporalService, ServicePorts>): string {
  const config = parse(fs.readFileSync(path.join(moduleDir, 'config', 'development-postgres12.yaml'), 'utf8'));
  const user = new URL(postgres.urlFor('postgres')).username;
  for (const store of Object.values<{ sql: Record<string, unknown> }>(config.persistence.datastores)) {
    Object.assign(store.sql, { connectAddr: `127.0.0.1:${postgres.port}`, user, password: '' });
    store.sql.maxConns = Math.min(Number(store.sql.maxConns), 10);
    store.sql.maxIdleConns = Math.min(Number(store.sql.maxIdleConns), 10);
  }
  config.persistence.numHistoryShards = HISTORY_SHARDS;
  delete config.global.pprof;
  delete config.global.metrics;
  config.log.level = 'warn';
  for (const service of TEMPORAL_SERVICES) config.services[service].rpc = { ...ports[service], bindOnLocalHost: true };
  config.clusterMetadata.clusterInformation.active.rpcAddress = `127.0.0.1:${ports.frontend.grpcPort}`;
  delete config.archival;
  delete config.namespaceDefaults;
  config.dynamicConfigClient.filepath = DYNAMIC_CONFIG_FILE;
  return stringify(config);
}

const execFileAsync = promisify(execFile);

/** Tries `attempt` until it succeeds, for at most STARTUP_MS; a service process that exits meanwhile ends it, its log quoted. */
async function untilDone(dataDir: string, processes: Map<TemporalService, ChildProcess>, attempt: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    const exited = [...processes].find(([, child]) => child.exitCode !== null);
    if (exited) {
      const log = fs.readFileSync(path.join(dataDir, `temporal-${exited[0]}.log`), 'utf8');
      throw new Error(`Temporal ${exited[0]} exited with code ${exited[1].exitCode}; its log ends:\n${log.slice(-2000)}`);
    }
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Temporal cluster did not start within ${STARTUP_MS} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** As an operator would (`temporal operator namespace create`); one already there is left as it is. */
async function createNamespace(options: TemporalClusterOptions, address: string): Promise<void> {
  try {
    await execFileAsync(options.cliPath, ['operator', 'namespace', 'create', '--namespace', options.namespace, '--retention', options.retention, '--address', address]);
  } catch (error) {
    if (!/already exists/i.test(String((error as { stderr?: string }).stderr))) throw error;
  }
}

async function answers(address: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.getSystemInfo({});
  } finally {
    await connection.close();
  }
}
