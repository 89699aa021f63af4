import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@jest/types';
import { migrateDatabase } from '../db/migrate';
import { startPrivatePostgres, type PrivatePostgres } from '../scripts/devstack/postgres-cluster';
import { ensureChromium } from '../scripts/devstack/chromium';
import { ensureTemporalBinaries } from '../scripts/devstack/temporal-binaries';
import { ensureTemporalServer } from '../scripts/devstack/temporal-server';
import { TEMPLATE_DATABASE } from './helpers/database';

declare global {
  var __testPostgres: PrivatePostgres | undefined;
  var __testDataDir: string | undefined;
}

/**
 * Installs the Temporal binaries and Chromium if missing and starts one private PostgreSQL for the run, with a migrated
 * template database each suite clones. Test workers inherit the environment set here.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  // Built once per machine (about ten minutes), before any suite's own time limit starts counting.
  if (runsClusterSuite(globalConfig)) ensureTemporalServer();
  const binaries = ensureTemporalBinaries();
  process.env.TEMPORAL_CLI_PATH = binaries.cli;
  process.env.TEMPORAL_TEST_SERVER_PATH = binaries.testServer;
  process.env.CHROMIUM_PATH = ensureChromium();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-test-'));
  fs.chmodSync(dataDir, 0o755); // reachable by the postgres user when the suite runs as root
  const postgres = await startPrivatePostgres({ dataDir });
  await postgres.ensureDatabase(TEMPLATE_DATABASE);
  migrateDatabase(postgres.urlFor(TEMPLATE_DATABASE));
  process.env.TEST_POSTGRES_ADMIN_URL = postgres.urlFor('postgres');
  globalThis.__testPostgres = postgres;
  globalThis.__testDataDir = dataDir;
}

/** Whether this run includes test/cluster/, the suite on the real Temporal Server. */
function runsClusterSuite(globalConfig: Config.GlobalConfig): boolean {
  const clusterDir = path.join(__dirname, 'cluster');
  const selected = globalConfig.testPathPatterns.toExecutor({ rootDir: globalConfig.rootDir });
  return fs.readdirSync(clusterDir).some((file) => file.endsWith('.test.ts') && selected.isMatch(path.join(clusterDir, file)));
}
