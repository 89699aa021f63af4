import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { detectCrossings } from '../feeds/attendance/detect-crossings';
import { ingestMarks } from '../feeds/attendance/ingest-marks';
import type { Upload } from '../feeds/bulk/read-records';
import { importPupils } from '../feeds/register/import-pupils';
import { importSchools } from '../feeds/register/import-schools';
import { createBulkPool } from '../db/bulk-pool';
import { migrateDatabase } from '../db/migrate';
import { createDb } from '../db/prisma';
import { markLines, pupilLines, schoolDays, schoolLines } from './register-data';

/**
 * `npm run bench:ingest`: an LA's register through the real upload path (stream parse, COPY into staging, SQL
 * checks, merge, then detection) into a scratch database on DATABASE_URL's server, dropped afterwards.
 * Prints rows per second and the process's peak memory: the upload streams, so memory must not grow with the
 * file. BENCH_PUPILS (default 30000) pupils in 30 schools, BENCH_DAYS (default 20) school days of marks.
 * Detection is incremental, so its time per day must stay flat through the year: it prints the 10th day's
 * detection against the last day's (issue 12 target: day 150 within 2x day 10; BENCH_DAYS=150 for that).
 */
const everyone = { schoolUrns: null, laCode: null };
const laCode = '999';

/** The file as a request body arrives: in chunks of about 64 kB. */
function csvUpload(lines: () => Generator<string>): Upload {
  const chunks = function* () {
    let chunk = '';
    for (const line of lines()) {
      chunk += `${line}\n`;
      if (chunk.length >= 65536) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  };
  return { body: Readable.from(chunks()), contentType: 'text/csv', maxBytes: 2 ** 31 };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('bench:ingest needs DATABASE_URL (npm start prints it)');
  const pupils = Number(process.env.BENCH_PUPILS ?? 30000);
  const days = schoolDays(Number(process.env.BENCH_DAYS ?? 20));
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const pool = createBulkPool(url.toString());
  const db = createDb(url.toString());
  try {
    migrateDatabase(url.toString());
    await importSchools(pool, csvUpload(() => schoolLines(laCode)));
    let started = performance.now();
    const register = await importPupils(pool, everyone, csvUpload(() => pupilLines(laCode, pupils)));
    console.log(`pupil register: ${register.inserted} pupils in ${((performance.now() - started) / 1000).toFixed(2)} s`);

    let marks = 0;
    let ingestSeconds = 0;
    let detectSeconds = 0;
    const detectByDay: number[] = [];
    for (const date of days) {
      started = performance.now();
      const day = await ingestMarks(pool, everyone, csvUpload(() => markLines(laCode, pupils, date)));
      ingestSeconds += (performance.now() - started) / 1000;
      marks += day.inserted;
      started = performance.now();
      await detectCrossings(db, pool, day, null);
      detectByDay.push((performance.now() - started) / 1000);
      detectSeconds += detectByDay.at(-1) ?? 0;
    }
    const alerts = await db.detectionAlert.count();
    console.log(`attendance: ${marks} marks over ${days.length} school days: ingest ${ingestSeconds.toFixed(2)} s (${Math.round(marks / ingestSeconds)} rows/s), detection ${detectSeconds.toFixed(2)} s (${(detectSeconds / days.length).toFixed(2)} s per day, ${alerts} alerts)`);
    const [tenth, last] = [detectByDay[9], detectByDay.at(-1)];
    if (tenth !== undefined && last !== undefined) {
      console.log(`detection per day: day 10 ${tenth.toFixed(3)} s, day ${days.length} ${last.toFixed(3)} s (${(last / tenth).toFixed(2)}x; target ≤ 2x)`);
    }
    console.log(`peak RSS ${Math.round(peakRss / 2 ** 20)} MiB (one day's upload is ${pupils * 2} rows)`);
  } finally {
    clearInterval(sampler);
    await pool.end();
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
