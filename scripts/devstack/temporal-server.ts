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
  const goEnv = { ...env, GOTOOLCHAIN: env.GOTOOLCHAIN || GO_TOOLCHAIN };
  const built = () => fs.existsSync(server) && fs.existsSync(sqlTool);
  if (!built()) {
    fs.mkdirSync(binDir, { recursive: true });
    withBuildLock(binDir, () => {
      if (built()) return; // another process built it while this one waited
      // Into a folder of its own, then renamed in: another process never runs a half-written binary.
      const staging = fs.mkdtempSync(`${binDir}.partial-`);
      try {
        const at = `@v${TEMPORAL_SERVER_VERSION}`;
        run('go', ['install', `${MODULE}/cmd/server${at}`, `${MODULE}/cmd/tools/sql${at}`], { env: { ...goEnv, GOBIN: staging } });
        fs.renameSync(path.join(staging, 'sql'), sqlTool);
        fs.renameSync(path.join(staging, 'server'), server);
      } finally {
        fs.rmSync(staging, { recursive: true, force: true });
      }
    });
  }
  // Already in the module cache after a build; fetched again (source only) if that cache was cleaned since.
  const download = JSON.parse(run('go', ['mod', 'download', '-json', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`], { env: goEnv })) as {
    Dir?: string;
  };
  if (!download.Dir) throw new Error(`go mod download gave no directory for ${MODULE}@v${TEMPORAL_SERVER_VERSION}`);
  return { server, sqlTool, moduleDir: download.Dir };
}

/**
 * One build per machine at a time: the first process to create `<cache>.lock` builds (ten minutes on two cores);
 * the others wait for it and then use its binaries. A lock whose owner is gone (killed mid-build) is taken over.
 */
function withBuildLock(binDir: string, build: () => void): void {
  const lockDir = `${binDir}.lock`;
  const ownerFile = path.join(lockDir, 'pid');
  for (let announced = false; ; ) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readOrEmpty(ownerFile));
    // A lock without an owner yet is one being taken; still without one after a minute, its taker died.
    const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    const orphaned = owner > 0 ? !isRunning(owner) : age > 60_000;
    if (orphaned) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) console.error(`Temporal Server ${TEMPORAL_SERVER_VERSION}: waiting for the build in progress (process ${owner || 'starting'}, ${lockDir})`);
    announced = true;
    sleepSync(5000);
  }
  try {
    fs.writeFileSync(ownerFile, String(process.pid));
    build();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The set-up is synchronous (global setup, scripts); blocking here is what waiting means. */
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (require.main === module) {
  const binaries = ensureTemporalServer();
  console.log(`temporal server: ${binaries.server}\nsql tool: ${binaries.sqlTool}\nmodule: ${binaries.moduleDir}`);
}
