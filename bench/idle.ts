import fs from 'node:fs';
import { Client } from 'pg';
import { continueAfter, openCases } from './cases';
import { sizeFrom } from './measure';
import { runOnStack } from './stack';

/**
 * `npm run bench:idle`: what open cases cost at rest, in steps. Opens cases through the API
 * (BENCH_OPEN_CONCURRENCY, 16, at a time) up to BENCH_OPEN_CASES (50000) in steps of BENCH_STEP (5000); after each
 * step waits BENCH_SETTLE_SECONDS (30) for the worker to finish the cases' opening work, then prints the case
 * worker process's resident memory (/proc/<pid>/status VmRSS, its peak VmHWM, and its growth per case since the
 * first row), the dev server's SQLite file with its WAL (and per case) and the case database. At a few cases a
 * second, 50,000 takes hours: with BENCH_DATA_DIR the stack lives in that folder, kept, and a later run resumes
 * from the cases open there. The worker runs with the stack's WORKER_MAX_CACHED_WORKFLOWS (500 unless set), so
 * the figures show what idle cases cost beyond the cache. A resumed run starts a new worker: its figures hold what
 * the cases touched since.
 */
const MiB = 2 ** 20;

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`.padStart(11);
const perCase = (bytes: number, cases: number) => `${Math.round(bytes / Math.max(1, cases))} B/case`.padStart(13);

runOnStack(
  async (stack) => {
    const target = sizeFrom('BENCH_OPEN_CASES', 50000);
    const step = sizeFrom('BENCH_STEP', 5000);
    const settle = sizeFrom('BENCH_SETTLE_SECONDS', 30);
    const concurrency = sizeFrom('BENCH_OPEN_CONCURRENCY', 16);
    const pid = stack.worker.pid;
    if (pid === undefined) throw new Error('the worker process has no pid');
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]?.n);
      const openNow = () => count('SELECT count(*) AS n FROM "case"');
      continueAfter(await openNow());
      // One case first: it waits for the worker to bundle its workflows, so the first row is the worker at work, and
      // each later row's growth is what the cases since cost.
      await openCases(stack, 1, 1);
      let open = await openNow();
      console.log(`bench:idle: ${open} cases open; opening up to ${target} in steps of ${step}, ${concurrency} at a time`);
      console.log(`  ${'open cases'.padStart(10)}  ${'worker RSS'.padStart(11)} ${'peak'.padStart(11)} ${'growth'.padStart(13)}  ${'SQLite+WAL'.padStart(11)} ${''.padStart(13)}  ${'PostgreSQL'.padStart(11)}`);
      let first: { open: number; rss: number } | undefined;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, settle * 1000));
        const { rss, peak } = memoryOf(pid);
        first ??= { open, rss };
        const sqlite = fileSize(stack.temporalDbFile) + fileSize(`${stack.temporalDbFile}-wal`);
        const postgres = await count('SELECT pg_database_size(current_database()) AS n');
        console.log(`  ${String(open).padStart(10)}  ${mib(rss)} ${mib(peak)} ${perCase(rss - first.rss, open - first.open)}  ${mib(sqlite)} ${perCase(sqlite, open)}  ${mib(postgres)}`);
        if (open >= target) break;
        await openCases(stack, Math.min(target, (Math.floor(open / step) + 1) * step) - open, concurrency);
        open = await openNow();
      }
    } finally {
      await db.end();
    }
    console.log('  target: worker RSS < 1 GiB with 50,000 open cases');
    return true;
  },
  { dataDir: process.env.BENCH_DATA_DIR || undefined },
);
