import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './run';

/**
 * The real Temporal Server (the production shape's server and its `temporal-sql-tool`), built once per machine
 * from the Go module proxy into a cache outside the clone, keyed by version. docker-compose.yml runs the same
 * version from the temporalio images (test/deploy/docker-compose.test.ts holds the two together).
 */
export const TEMPORAL_SERVER_VERSION = '1.32.2';
const MODULE = 'go.temporal.io/server';
/** The module needs Go 1.26.10+; the go command fetches this toolchain from the proxy when the local one is older. */
const GO_TOOLCHAIN = 'go1.27.3';

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** The module's source: its schema/ and config/ folders. */
  moduleDir: string;
}

export function temporalServerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'cme-case-engine', 'temporal-server', `v${TEMPORAL_SERVER_VERSION}`);
}

export function ensureTemporalServer(env: NodeJS.ProcessEnv = process.env): TemporalServerBinaries {
  const binDir = temporalServerCacheDir(env);
  const server = path.join(binDir, 'server');
  const sqlTool = path.join(binDir, 'sql');
  const goEnv = { ...env, GOBIN: binDir, GOTOOLCHAIN: env.GOTOOLCHAIN || GO_TOOLCHAIN };
  if (!fs.existsSync(server) || !fs.existsSync(sqlTool)) {
    fs.mkdirSync(binDir, { recursive: true });
    const at = `@v${TEMPORAL_SERVER_VERSION}`;
    run('go', ['install', `${MODULE}/cmd/server${at}`, `${MODULE}/cmd/tools/sql${at}`], { env: goEnv });
  }
  // Already in the module cache after a build; fetched again (source only) if that cache was cleaned since.
  const download = JSON.parse(run('go', ['mod', 'download', '-json', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`], { env: goEnv })) as {
    Dir?: string;
  };
  if (!download.Dir) throw new Error(`go mod download gave no directory for ${MODULE}@v${TEMPORAL_SERVER_VERSION}`);
  return { server, sqlTool, moduleDir: download.Dir };
}

if (require.main === module) {
  const binaries = ensureTemporalServer();
  console.log(`temporal server: ${binaries.server}\nsql tool: ${binaries.sqlTool}\nmodule: ${binaries.moduleDir}`);
}
