import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/devstack/free-port';
import { testPayloadKeysSpec } from './payload-keys';
import type { startStack } from './stack';

type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The API as `npm start` runs it (`dist/api/main.js`), in a process of its own that a test may kill, against the
 * stack's database and dev server, verifying tokens against the stack's dev issuer as a real IdP's JWKS
 * (AUTH_MODE=jwks), so the stack's test tokens are good for it. `env`: settings of the test's own.
 */
export async function apiProcesses(stack: Stack, taskQueue: string, env: Record<string, string> = {}) {
  // The test's own app serves the dev issuer's public keys: the API process trusts them as a real IdP's.
  const issuerServer = stack.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => issuerServer.once('listening', resolve));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-api-process-'));
  const port = await freePort();
  const running = new Set<ChildProcess>();

  return {
    url: `http://127.0.0.1:${port}`,
    /** Starts the API process on this fixture's port and waits until it is healthy. */
    async start(): Promise<ChildProcess> {
      const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'api', 'main.js')], {
        env: {
          ...process.env,
          DATABASE_URL: stack.database.url,
          TEMPORAL_ADDRESS: stack.env.address,
          TEMPORAL_TASK_QUEUE: taskQueue,
          PAYLOAD_KEYS: testPayloadKeysSpec,
          AUTH_MODE: 'jwks',
          AUTH_ISSUER: 'test-issuer',
          AUTH_JWKS_URL: `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}/v1/dev/jwks.json`,
          API_PORT: String(port),
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
          ...env,
        },
        stdio: 'ignore',
      });
      running.add(child);
      child.once('exit', () => running.delete(child));
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (healthy) return child;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the API process did not become healthy');
    },
    async stop(): Promise<void> {
      for (const child of running) child.kill('SIGKILL');
      await new Promise((resolve) => issuerServer.close(resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
