import { Pool } from 'pg';

/** A small node-postgres pool for bulk loads (COPY), beside Prisma's own: uploads are few and long. */
export function createBulkPool(databaseUrl: string): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection the server closed (a restart, a dropped test database) is discarded by the pool and the
  // next upload opens a new one; unhandled, the event would end the process.
  pool.on('error', () => undefined);
  return pool;
}
