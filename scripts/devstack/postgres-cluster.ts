import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { commandSucceeds, run } from './run';

/**
 * A private PostgreSQL cluster in the project's data folder, started from the Debian binaries.
 * initdb refuses to run as root, so as root every server command runs as the `postgres` system user,
 * and the data directory must be somewhere that user can reach.
 */
const SUPERUSER = 'cme';
const asRoot = process.getuid?.() === 0;

export interface PrivatePostgres {
  port: number;
  dataDirectory: string;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  /** `immediate` is a crash: no checkpoint, recovery on the next start (the Postgres fault test uses it). */
  stop(mode?: 'fast' | 'immediate'): void;
}

export async function startPrivatePostgres(options: { dataDir: string; port?: number }): Promise<PrivatePostgres> {
  const binDir = ensurePostgresBinaries();
  const pgdata = reachableDataDirectory(path.join(options.dataDir, 'postgres'));
  const pgCtl = (args: string[]) => asPostgresUser(path.join(binDir, 'pg_ctl'), ['-D', pgdata, ...args]);

  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    asPostgresUser(path.join(binDir, 'initdb'), ['-D', pgdata, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--locale=C']);
  }
  let port = runningPort(pgdata, binDir);
  if (port === undefined) {
    port = options.port ?? (await freePort());
    const serverOptions = `-p ${port} -k ${os.tmpdir()} -c listen_addresses=127.0.0.1`;
    pgCtl(['start', '-w', '-t', '60', '-l', path.join(pgdata, 'server.log'), '-o', serverOptions]);
  }
  const urlFor = (database: string) => `postgresql://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dataDirectory: pgdata,
    urlFor,
    ensureDatabase: (database) => ensureDatabase(urlFor('postgres'), database),
    stop: (mode = 'fast') => pgCtl(['stop', '-m', mode, '-w']),
  };
}

function ensurePostgresBinaries(): string {
  const found = findPostgresBinDir();
  if (found) return found;
  if (!asRoot) {
    throw new Error('PostgreSQL server binaries not found: install the Debian package "postgresql", or set DATABASE_URL');
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findPostgresBinDir();
  if (!installed) throw new Error('PostgreSQL was installed but no initdb was found under /usr/lib/postgresql');
  return installed;
}

function findPostgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function asPostgresUser(command: string, args: string[]): string {
  return run(...postgresUserArgv(command, args));
}

function postgresUserArgv(command: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/**
 * Our data folder when the postgres user can reach it; otherwise a folder of its own under /var/lib,
 * keyed by the requested path so that restarts find the same cluster.
 */
function reachableDataDirectory(wanted: string): string {
  if (!asRoot) {
    fs.mkdirSync(wanted, { recursive: true, mode: 0o700 });
    return wanted;
  }
  fs.mkdirSync(path.dirname(wanted), { recursive: true });
  const reachable = commandSucceeds(...postgresUserArgv('test', ['-x', path.dirname(wanted)]));
  const key = crypto.createHash('sha256').update(wanted).digest('hex').slice(0, 16);
  const pgdata = reachable ? wanted : path.join('/var/lib/cme-engine', key, 'postgres');
  fs.mkdirSync(path.dirname(pgdata), { recursive: true, mode: 0o755 });
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  run('chown', ['postgres:postgres', pgdata]);
  return pgdata;
}

/** The port of a cluster left running on this data directory (for example by an earlier start), if any. */
function runningPort(pgdata: string, binDir: string): number | undefined {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  if (!commandSucceeds(...postgresUserArgv(path.join(binDir, 'pg_ctl'), ['-D', pgdata, 'status']))) return undefined;
  const port = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
}
