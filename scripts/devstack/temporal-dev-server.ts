import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeCliArgs } from '../../temporal/dev-server-args';
import { stopChild } from './child-process';

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  /** Omit to run headless. */
  uiPort?: number;
  /** Where the UI decodes payloads (our API's `/codec`); the browser sends our codec cookie when the user allows credentials. */
  uiCodecEndpoint?: string;
  namespace: string;
  /** Receives the server's stop as soon as it is spawned, so that a Ctrl-C while it is still starting stops it too. */
  onSpawn?: (stop: (hurry?: AbortSignal) => Promise<void>) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  /** `hurry`: SIGKILL at once instead of after the grace period. */
  stop(hurry?: AbortSignal): Promise<void>;
}

/**
 * Runs `temporal server start-dev` with its state in a SQLite file under the data folder (so cases survive
 * a restart), the project's search attributes registered, and the Temporal UI on its own port.
 */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--namespace', options.namespace,
    '--db-filename', path.join(options.dataDir, 'temporal.sqlite'),
    // WAL keeps replays of idle cases cheap (architecture decision 9).
    '--sqlite-pragma', 'journal_mode=WAL',
    '--sqlite-pragma', 'synchronous=NORMAL',
    '--log-level', 'warn',
    ...searchAttributeCliArgs(),
    // The UI's newsfeed would call temporal.io from an LA's network; nothing here should leave it.
    ...(options.uiPort ? ['--ui-port', String(options.uiPort), '--ui-disable-news-fetch'] : ['--headless']),
    ...(options.uiPort && options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
  ];
  const log = fs.openSync(path.join(options.dataDir, 'temporal-server.log'), 'a');
  const child = spawn(options.cliPath, args, { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const stop = (hurry?: AbortSignal) => stopChild(child, hurry);
  options.onSpawn?.(stop);
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child);
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    stop,
  };
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Temporal dev server exited with code ${child.exitCode}; see temporal-server.log`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) {
        await stopChild(child);
        throw new Error(`Temporal dev server did not answer on ${address} within ${timeoutMs} ms: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
