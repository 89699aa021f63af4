import path from 'node:path';
import { loadEnv } from '../config/env';
import { resolveDataDir } from '../config/paths';
import { migrateDatabase } from '../db/migrate';
import { freePort, portIsFree } from './devstack/free-port';
import { startPrivatePostgres } from './devstack/postgres-cluster';
import { supervise } from './devstack/supervise';
import { ensureTemporalBinaries } from './devstack/temporal-binaries';
import { seedDemo } from './seed';
import { loadPayloadKeys } from '../temporal/payload-keys';
import { startTemporalDevServer } from './devstack/temporal-dev-server';
import { startTemporalUiProxy } from './devstack/temporal-ui-proxy';

/**
 * `npm start`: the whole system on embedded defaults. Starts (or connects to) PostgreSQL and Temporal,
 * applies migrations, runs the worker and the API (each restarted with backoff if it dies), prints where
 * everything is, and stops it all on SIGINT or SIGTERM (a second one kills what is still stopping).
 * State lives in DATA_DIR, so a restart finds its cases again.
 */
type Stop = (hurry: AbortSignal) => Promise<void> | void;
const stopsInReverse: Stop[] = [];
const hurry = new AbortController();
let stopping = false;

async function main(): Promise<void> {
  const env = loadEnv();
  const dataDir = resolveDataDir(env.DATA_DIR);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onStopSignal(signal));

  await requireFreePort(env.API_PORT, 'API_PORT');
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startPrivatePostgres({ dataDir });
    stopsInReverse.push(() => postgres.stop());
    await postgres.ensureDatabase('cme');
    databaseUrl = postgres.urlFor('cme');
    console.log(`PostgreSQL     ${databaseUrl} (data: ${postgres.dataDirectory})`);
  }
  migrateDatabase(databaseUrl);

  let temporalAddress = env.TEMPORAL_ADDRESS;
  let temporalUi: string | undefined;
  if (!temporalAddress) {
    await requireFreePort(env.TEMPORAL_PORT, 'TEMPORAL_PORT');
    await requireFreePort(env.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT');
    // Staff open the Temporal UI through a proxy that serves our codec under its origin, and under the host name
    // they sign in with (PUBLIC_URL's), so the codec cookie that sign-in leaves goes with the UI's decode requests.
    temporalUi = `http://${new URL(env.PUBLIC_URL).hostname}:${env.TEMPORAL_UI_PORT}`;
    const server = await startTemporalDevServer({
      cliPath: ensureTemporalBinaries().cli,
      dataDir,
      port: env.TEMPORAL_PORT,
      uiPort: await freePort(),
      uiCodecEndpoint: `${temporalUi}/codec`,
      namespace: env.TEMPORAL_NAMESPACE,
      onSpawn: (stop) => stopsInReverse.push(stop),
    });
    const proxy = await startTemporalUiProxy({ host: '127.0.0.1', port: env.TEMPORAL_UI_PORT, uiUrl: server.uiUrl!, apiUrl: `http://${env.API_HOST}:${env.API_PORT}` });
    stopsInReverse.push(() => proxy.stop());
    temporalAddress = server.address;
  }

  loadPayloadKeys(env); // made once here, before the worker and the API both read it
  const childEnv = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, ...(temporalUi ? { TEMPORAL_UI_URL: temporalUi } : {}) };
  if (stopping) return; // stopped while the servers were starting
  startService('worker', path.join(__dirname, '..', 'worker', 'main.js'), childEnv);
  startService('api', path.join(__dirname, '..', 'api', 'main.js'), childEnv);
  const apiUrl = `http://${env.API_HOST}:${env.API_PORT}`;
  await waitForHealth(apiUrl);
  // A newcomer's first start shows a living system (dev sign-in only; never against a real identity provider).
  if (env.AUTH_MODE === 'dev') await seedDemo(apiUrl);

  console.log(`Temporal       ${temporalAddress} (namespace ${env.TEMPORAL_NAMESPACE})`);
  if (temporalUi) console.log(`Temporal UI    ${temporalUi}`);
  console.log(`API            ${apiUrl}  (health: ${apiUrl}/healthz)`);
  console.log(`Web UI         ${apiUrl}/ui/  (demo sign-in: one user per role)`);
  console.log(`API reference  ${apiUrl}/docs/`);
  console.log('Press Ctrl-C to stop everything.');
}

function startService(name: string, entry: string, env: NodeJS.ProcessEnv): void {
  const service = supervise(name, process.execPath, [entry], { env, log: (line) => console.log(line) });
  stopsInReverse.push((now) => service.stop(now));
}

async function requireFreePort(port: number, variable: string): Promise<void> {
  if (!(await portIsFree(port))) {
    throw new Error(`${variable}: port ${port} is already in use (is the system already running?); choose another with ${variable}=...`);
  }
}

async function waitForHealth(apiUrl: string, timeoutMs = 120000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${apiUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`API did not become healthy at ${apiUrl} within ${timeoutMs} ms`);
}

/** The first signal stops everything in reverse order; another one while stopping kills what is left at once. */
function onStopSignal(signal: NodeJS.Signals): void {
  if (!stopping) {
    console.log(`${signal}: stopping the API, the worker, Temporal and PostgreSQL`);
    void shutdown(0);
  } else if (!hurry.signal.aborted) {
    console.log(`${signal} again: killing what is still stopping`);
    hurry.abort();
  }
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Popped one by one, so a server spawned while an earlier one stops is stopped as well.
  for (let stop = stopsInReverse.pop(); stop; stop = stopsInReverse.pop()) {
    try {
      await stop(hurry.signal);
    } catch (error) {
      console.error(`while stopping: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.exit(code);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
