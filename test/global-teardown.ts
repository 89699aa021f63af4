import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  globalThis.__testPostgres?.stop();
  if (globalThis.__testDataDir) fs.rmSync(globalThis.__testDataDir, { recursive: true, force: true });
}
