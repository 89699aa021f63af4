import fs from 'node:fs';
import { Client } from 'pg';
import { openCases } from './cases';
import { sizeFrom } from './measure';
import { runOnStack } from './stack';

/**
 * `npm run bench:idle`: what open cases cost at rest. Opens BENCH_OPEN_CASES (50000; a few hundred for a
 * quick run) through the API, BENCH_OPEN_CONCURRENCY (16) at a time (hours for 50,000 on a loaded two-core
 * machine), waits BENCH_SETTLE_SECONDS (30) for the worker to finish the cases' opening work, then reads the
 * case worker process's resident memory (/proc/<pid>/status VmRSS, and its peak VmHWM) and the size of the
 * dev server's SQLite file with its WAL, and prints each per case. The baseline is taken after the first case
 * (the worker has bundled its workflows by then), so the per-case growth excludes start-up.
 */
const MiB = 2 ** 20;

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

runOnStack(async (stack) => {
  const open = sizeFrom('BENCH_OPEN_CASES', 50000);
  const settle = sizeFrom('BENCH_SETTLE_SECONDS', 30);
  const pid = stack.worker.pid;
  if (pid === undefined) throw new Error('the worker process has no pid');
  const concurrency = sizeFrom('BENCH_OPEN_CONCURRENCY', 16);
  await openCases(stack, 1, 1);
  const baseline = memoryOf(pid);
  console.log(`bench:idle: opening ${open} cases`);
  await openCases(stack, open - 1, concurrency);
  await new Promise((resolve) => setTimeout(resolve, settle * 1000));
  const { rss, peak } = memoryOf(pid);
  const sqlite = fileSize(stack.temporalDbFile) + fileSize(`${stack.temporalDbFile}-wal`);
  const admin = new Client({ connectionString: stack.databaseUrl });
  await admin.connect();
  const postgres = Number((await admin.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size')).rows[0]?.size);
  await admin.end();
  console.log(`bench:idle, ${open} open cases, measured ${settle} s after the last opened`);
  console.log(`  worker RSS                 ${(rss / MiB).toFixed(1)} MiB (peak ${(peak / MiB).toFixed(1)} MiB; ${(baseline.rss / MiB).toFixed(1)} MiB after the first case)`);
  console.log(`  worker RSS per case        ${Math.round(rss / open)} bytes (growth since the first case: ${Math.round((rss - baseline.rss) / Math.max(1, open - 1))} bytes)`);
  console.log(`  dev server SQLite + WAL    ${(sqlite / MiB).toFixed(1)} MiB, ${Math.round(sqlite / open)} bytes per case`);
  console.log(`  PostgreSQL database        ${(postgres / MiB).toFixed(1)} MiB, ${Math.round(postgres / open)} bytes per case`);
  console.log('  target: worker RSS < 1 GiB with 50,000 open cases');
  return true;
});
