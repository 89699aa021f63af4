import { demoTerms } from '../../config/demo';
import type { UploadProgressBody } from '../../api/response-schemas';
import { dailyMarks, marksCsv, schoolDaysBetween, testUpn } from '../fixtures/register-data';
import { apiProcesses } from '../helpers/api-process';
import { startStack } from '../helpers/stack';
import { bearer, users } from '../helpers/users';

const LA = '938';
const OAK = '100001';
const pupils = Array.from({ length: 24 }, (_, i) => testUpn(900 + i));
// Ten school days of unauthorised absence each (ATTENDANCE-RETURN-10): one alert per pupil, each opening a case.
const marks = pupils.flatMap((upn) => dailyMarks(OAK, upn, schoolDaysBetween('2026-11-02', '2026-11-20'), (_, i) => (i < 10 ? 'O' : '/')));

/**
 * Issue #12: an upload answers once its marks are detected and the API process delivers the alerts after. The
 * process is killed (SIGKILL) with some alerts on their cases and others claimed or waiting, then started again:
 * every alert reaches its case exactly once (the dead process's claims come back when their lease runs out).
 * The API runs as `npm start` runs it; dev server, worker and database are real.
 */
describe('alert delivery survives the API killed mid-delivery (separate process, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let apis: Awaited<ReturnType<typeof apiProcesses>>;

  beforeAll(async () => {
    // No deliverer in the test's own app: only the API process delivers.
    stack = await startStack('alert-restart-it', { alertDeliverer: false });
    apis = await apiProcesses(stack, 'alert-restart-it', { ALERT_DELIVERY_CONCURRENCY: '2', ALERT_DELIVERY_LEASE_MS: '2000' });
    const admin = await stack.as('admin');
    await admin.post('/v1/register/schools').set('content-type', 'text/csv').send(`urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n`).expect(200);
    await (await stack.as('manager')).put(`/v1/las/${LA}/terms`).send({ terms: demoTerms }).expect(200);
    await (await stack.as('cmeOfficer')).post('/v1/register/pupils').set('content-type', 'text/csv').send(`school_urn,upn\n${pupils.map((upn) => `${OAK},${upn}`).join('\n')}\n`).expect(200);
  }, 120_000);

  afterAll(async () => {
    await apis?.stop();
    await stack?.stop();
  });

  it('delivers every alert to its case exactly once over the restart', async () => {
    const headers = { authorization: await bearer(stack.auth, users.cmeOfficer) };
    const api = await apis.start();
    const upload = await fetch(`${apis.url}/v1/attendance-marks`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: marksCsv(marks) });
    expect(upload.status).toBe(200);
    const { uploadId, detection } = (await upload.json()) as { uploadId: string; detection: { newAlerts: number } };
    expect(detection.newAlerts).toBe(pupils.length);

    const delivered = () => stack.database.db.detectionAlert.count({ where: { uploadId, deliveredAt: { not: null } } });
    while ((await delivered()) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    api.kill('SIGKILL');
    await new Promise((resolve) => api.once('exit', resolve));
    const beforeRestart = await delivered();
    expect(beforeRestart).toBeLessThan(pupils.length);

    await apis.start();
    let progress: UploadProgressBody;
    for (;;) {
      progress = (await (await fetch(`${apis.url}/v1/uploads/${uploadId}`, { headers })).json()) as UploadProgressBody;
      if (progress.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(progress).toMatchObject({ alerts: pupils.length, pending: 0, failed: 0, passedToLa: 0 });
    expect(progress.delivered).toHaveLength(pupils.length);

    const cases = await stack.database.db.case.findMany({ include: { pupil: true, auditEntries: true } });
    expect(cases.map((c) => c.pupil?.upn).sort()).toEqual([...pupils].sort());
    for (const kase of cases) {
      expect(kase.auditEntries.filter((entry) => entry.ruleId === 'TRIGGER-T2').map((entry) => entry.action)).toEqual(['case_opened']);
    }
    const alerts = await stack.database.db.detectionAlert.findMany({ where: { uploadId } });
    expect(new Set(alerts.map((alert) => alert.caseId))).toEqual(new Set(cases.map((c) => c.id)));
  }, 180_000);
});
