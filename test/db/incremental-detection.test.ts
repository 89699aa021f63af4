import { Readable } from 'node:stream';
import { detectCrossings } from '../../feeds/attendance/detect-crossings';
import { ingestMarks } from '../../feeds/attendance/ingest-marks';
import type { Upload } from '../../feeds/bulk/read-records';
import { importPupils } from '../../feeds/register/import-pupils';
import { importSchools } from '../../feeds/register/import-schools';
import { createBulkPool } from '../../db/bulk-pool';
import { dailyMarks, marksCsv, schoolDaysBetween, testUpn, type Mark } from '../fixtures/register-data';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const OAK = '100001';
const everyone = { schoolUrns: null, laCode: null };
const csvUpload = (text: string): Upload => ({ body: Readable.from([text]), contentType: 'text/csv', maxBytes: 2 ** 24 });

// Seven weeks of the autumn term (the half term has no marks), one pupil per threshold, each ending past it.
const days = schoolDaysBetween('2026-09-07', '2026-11-06');
const pupils: Record<string, { sen: string; codeOn: (index: number) => string }> = {
  [testUpn(501)]: { sen: 'N', codeOn: (i) => (i >= 5 && i < 17 ? 'O' : '/') }, // 12 days unauthorised: ATTENDANCE-RETURN-10
  [testUpn(502)]: { sen: 'N', codeOn: (i) => (i < 25 ? 'G' : '/') }, // 25 days G: GROUND-I
  [testUpn(503)]: { sen: 'N', codeOn: (i) => (i >= 3 && i < 15 ? 'I' : '/') }, // a 12-day run of sickness
  [testUpn(504)]: { sen: 'N', codeOn: (i) => (i % 2 === 1 ? 'I' : '/') }, // sick every other day: SICKNESS-RETURN-15
  [testUpn(505)]: { sen: 'E', codeOn: (i) => (i % 5 === 4 ? 'O' : '/') }, // 20% absent, EHC plan: PA-10
  [testUpn(506)]: { sen: 'K', codeOn: (i) => (i % 5 < 3 ? 'O' : '/') }, // 60% absent, SEN support: PA-10 and SA-50
  [testUpn(507)]: { sen: 'N', codeOn: (i) => (i >= 20 && i < 29 ? 'O' : '/') }, // nine days, corrected to ten below
  [testUpn(508)]: { sen: 'N', codeOn: () => '/' },
};

/**
 * Detection is incremental (issue 12): a day's upload reads runs only back to the last school day that breaks
 * them, and the yearly thresholds from the counts the merge's triggers keep. Uploaded a day at a time, with a
 * correction of a past day, it finds exactly the alerts the full computation finds over the same marks.
 */
describe('incremental detection (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: ReturnType<typeof createBulkPool>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createBulkPool(database.url);
    await importSchools(pool, csvUpload(`urn,name,la_code,is_special\n${OAK},Oak Primary,938,N\n`));
    await importPupils(pool, everyone, csvUpload(`school_urn,upn,sen_status\n${Object.entries(pupils).map(([upn, { sen }]) => `${OAK},${upn},${sen}`).join('\n')}\n`));
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const alerts = async () =>
    (await database.db.detectionAlert.findMany({ select: { pupilId: true, kind: true, episode: true, detail: true } }))
      .map(({ pupilId, kind, episode, detail }) => `${pupilId}|${kind}|${episode}|${(detail as { ruleId: string }).ruleId}`)
      .sort();

  it('finds, a day at a time and after a correction, the same alerts as the full computation', async () => {
    for (const [index, day] of days.entries()) {
      const marks: Mark[] = Object.entries(pupils).flatMap(([upn, { codeOn }]) => dailyMarks(OAK, upn, [day], () => codeOn(index)));
      const written = await ingestMarks(pool, everyone, csvUpload(marksCsv(marks)));
      expect(written.since).toEqual(written.pupilIds.map(() => day));
      await detectCrossings(database.db, pool, written, null);
    }
    // The day before the nine-day run was unauthorised too: the run, read back from there, reaches ten.
    const corrected = await ingestMarks(pool, everyone, csvUpload(marksCsv(dailyMarks(OAK, testUpn(507), [days[19]!], () => 'O'))));
    expect(corrected).toMatchObject({ changed: 2, since: [days[19]] });
    await detectCrossings(database.db, pool, corrected, null);
    const incremental = await alerts();

    // The counts the triggers kept are the marks' own.
    const { rows: drift } = await pool.query(
      `SELECT * FROM (SELECT pupil_id, extract(year FROM date - interval '8 months')::int AS school_year, code, count(*)::int AS sessions FROM attendance_mark GROUP BY 1, 2, 3) m
       FULL JOIN (SELECT * FROM pupil_year_code WHERE sessions > 0) c USING (pupil_id, school_year, code) WHERE m.sessions IS DISTINCT FROM c.sessions`,
    );
    expect(drift).toEqual([]);

    await database.db.detectionAlert.deleteMany();
    const pupilIds = (await database.db.pupil.findMany({ select: { id: true } })).map((pupil) => pupil.id);
    await detectCrossings(database.db, pool, { pupilIds, since: pupilIds.map(() => null) }, null);
    expect(incremental).toEqual(await alerts());
    const rules = new Set(incremental.map((alert) => alert.split('|')[3]));
    expect([...rules].sort()).toEqual(['ATTENDANCE-RETURN-10', 'GROUND-I', 'PA-10', 'SA-50', 'SICKNESS-ALERT-RUN', 'SICKNESS-RETURN-15']);
    const ten = await database.db.detectionAlert.findFirstOrThrow({ where: { pupil: { upn: testUpn(507) } } });
    expect(ten).toMatchObject({ kind: 'continuous_unauthorised_absence', episode: `run:${days[19]}` });
  });
});
