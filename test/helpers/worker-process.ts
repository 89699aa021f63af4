import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { testPayloadKeysSpec } from './payload-keys';

/**
 * A case worker as `npm start` runs it: the compiled `dist/worker/main.js` in its own process, against the
 * test's database and dev server, so a test can SIGKILL it mid-activity. `env` adds settings (e.g. SMTP_URL).
 */
export function spawnWorker(options: { databaseUrl: string; temporalAddress: string; taskQueue: string; dataDir: string; env?: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'worker', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      PAYLOAD_KEYS: testPayloadKeysSpec,
      LOG_LEVEL: 'warn',
      DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: 'ignore',
  });
}
