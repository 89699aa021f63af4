import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiClient } from '../client/api-client';
import { deliveredUpload } from '../client/upload-progress';
import { demoLa } from '../config/demo';
import { alternate, printPair, sizeFrom, type Arm, type Figures } from './measure';
import { markLines, pupilLines, schoolDays, schoolLines } from './register-data';
import { runOnStack } from './stack';

/**
 * `npm run bench:ingest-vs-copy`: one school day's marks for an LA uploaded end to end (POST
 * /v1/attendance-marks on the started system: streamed checks, COPY into staging, merge and detection until
 * the answer, then every new alert delivered to its case in the background, followed at GET /v1/uploads/{id}
 * until none is pending) against the floor of loading the same CSV file,
 * `psql \copy` into a table shaped like attendance_mark (the UPN in place of the pupil id, the same key). The
 * demo LA gets BENCH_PUPILS (30000, so 60,000 marks a day) pupils in 30 schools and BENCH_WARM_DAYS (9)
 * untimed days of marks, so the first timed day is the tenth of absence for every 40th pupil (TRIGGER-T2
 * opens their cases) and later ones mostly not; then BENCH_ROUNDS (3) alternating rounds, each a new school
 * day: the upload, then \copy of the same file (into an emptied table). Each upload's time and alerts print.
 */
const copyTable = `CREATE TABLE bench_copy_mark (
  upn varchar(13) NOT NULL, date date NOT NULL, session varchar(2) NOT NULL, school_urn varchar(6) NOT NULL,
  code varchar(2) NOT NULL, recorded_at timestamptz(3) NOT NULL DEFAULT now(), PRIMARY KEY (upn, date, session))`;

const csv = (lines: Generator<string>) => `${[...lines].join('\n')}\n`;

/** Uploads, then follows the upload until every alert it found is on its case; answers when the upload answered. */
async function upload(apiUrl: string, token: string, route: string, body: string) {
  const started = performance.now();
  const response = await fetch(`${apiUrl}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
  const report = (await response.json()) as { uploadId?: string; detection?: { alerts: number } };
  if (!response.ok) throw new Error(`POST ${route} -> ${response.status} ${JSON.stringify(report).slice(0, 500)}`);
  const answeredMs = performance.now() - started;
  if (!report.uploadId) return { answeredMs, alerts: report.detection?.alerts ?? 0 };
  const progress = await deliveredUpload(apiClient(apiUrl, token), report.uploadId, 60 * 60_000);
  return { answeredMs, alerts: progress.alerts };
}

runOnStack(async (stack) => {
  const pupils = sizeFrom('BENCH_PUPILS', 30000);
  const warmDays = sizeFrom('BENCH_WARM_DAYS', 9);
  const rounds = sizeFrom('BENCH_ROUNDS', 3);
  const days = schoolDays(warmDays + rounds);
  const [admin, officer] = await Promise.all([stack.token('demo-admin'), stack.token('demo-cme-officer')]);
  await upload(stack.apiUrl, admin, '/v1/register/schools', csv(schoolLines(demoLa.code)));
  await upload(stack.apiUrl, officer, '/v1/register/pupils', csv(pupilLines(demoLa.code, pupils)));
  console.log(`bench:ingest-vs-copy: ${pupils} pupils registered; uploading ${warmDays} untimed days`);
  for (const date of days.slice(0, warmDays)) await upload(stack.apiUrl, officer, '/v1/attendance-marks', csv(markLines(demoLa.code, pupils, date)));

  const psql = (command: string) => execFileSync('psql', [stack.databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
  psql(copyTable);
  let file = '';
  let round = 0;
  const timed = async (rows: number, body: () => Promise<void> | void): Promise<Figures> => {
    const started = performance.now();
    await body();
    const elapsed = performance.now() - started;
    return { ops: rows, seconds: elapsed / 1000, latenciesMs: [elapsed], errors: [] };
  };
  const marks = pupils * 2;
  const arms: [Arm, Arm] = [
    {
      name: 'upload (API, end to end)',
      round: () => {
        const date = days[warmDays + round++]!;
        file = path.join(stack.dataDir, `marks-${date}.csv`);
        fs.writeFileSync(file, csv(markLines(demoLa.code, pupils, date)));
        const body = fs.readFileSync(file, 'utf8');
        let report = { answeredMs: 0, alerts: 0 };
        return timed(marks, async () => {
          report = await upload(stack.apiUrl, officer, '/v1/attendance-marks', body);
        }).then((figures) => {
          console.log(`  ${date}: answered in ${report.answeredMs.toFixed(0)} ms, ${report.alerts} alerts on their cases after ${figures.latenciesMs[0]!.toFixed(0)} ms`);
          return figures;
        });
      },
    },
    {
      name: 'psql \\copy (same file)',
      round: () => {
        psql('TRUNCATE bench_copy_mark');
        return timed(marks, () => void psql(`\\copy bench_copy_mark (school_urn, upn, date, session, code) FROM '${file}' WITH (FORMAT csv, HEADER true)`));
      },
    },
  ];
  const figures = await alternate(arms, rounds);
  printPair(`bench:ingest-vs-copy, ${marks} marks a file, ${rounds} alternating rounds (rows/s; latency is the time per file)`, arms, figures, [
    'an upload end to end ≤ 3× psql \\copy of the same file (ratio p50 ≤ 3.00×)',
  ]);
  return true;
});
