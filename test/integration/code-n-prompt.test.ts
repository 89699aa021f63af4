import { demoTerms } from '../../config/demo';
import { isEnglandBankHoliday } from '../../domain/calendar/england-bank-holidays';
import { englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import { SchoolCalendar } from '../../domain/calendar/school-calendar';
import { marksCsv, testUpn, type Mark } from '../fixtures/register-data';
import type { UploadProgressBody } from '../../api/response-schemas';
import { deliveredUpload } from '../helpers/upload-progress';
import { startStack, type ApiAgent } from '../helpers/stack';
import { settledOutbox } from '../helpers/outbox';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const csv = { 'content-type': 'text/csv' };

const today = englandDateOf(new Date());
const laCalendar = new SchoolCalendar({ terms: demoTerms, closures: [], isBankHoliday: isEnglandBankHoliday });
/** The LA's school days before today, most recent first. */
const laDays: string[] = [];
for (let day = addCalendarDays(today, -1); laDays.length < 12; day = addCalendarDays(day, -1)) if (laCalendar.isSchoolDay(day)) laDays.push(day);
// Oak closed for an INSET day two school days ago: on Oak's own calendar that day does not count.
const inset = laDays[1]!;
const oakCalendar = new SchoolCalendar({ terms: demoTerms, closures: [inset], isBankHoliday: isEnglandBankHoliday });
const oakDays = laDays.filter((day) => day !== inset);

const pupil = {
  late: testUpn(301), // N on Oak's 8th and 7th school days back: past the 5 school days
  within: testUpn(302), // N on Oak's 5th school day back: not yet overdue on Oak's calendar (it would be on the LA's)
  elm: testUpn(303),
};
const present = (schoolUrn: string, upn: string, days: string[]): Mark[] =>
  days.flatMap((date) => [{ schoolUrn, upn, date, session: 'AM' as const, code: '/' }, { schoolUrn, upn, date, session: 'PM' as const, code: '\\' }]);
const withCode = (marks: Mark[], upn: string, sessions: [string, 'AM' | 'PM'][], code: string): Mark[] =>
  marks.map((m) => (m.upn === upn && sessions.some(([date, session]) => m.date === date && m.session === session) ? { ...m, code } : m));

const lateSessions: [string, 'AM' | 'PM'][] = [[oakDays[7]!, 'AM'], [oakDays[7]!, 'PM'], [oakDays[6]!, 'AM']];
const withinSessions: [string, 'AM' | 'PM'][] = [[oakDays[4]!, 'AM'], [oakDays[4]!, 'PM']];
const oakDays10 = oakDays.slice(0, 10);
const oakMarks = withCode(withCode([...present(OAK, pupil.late, oakDays10), ...present(OAK, pupil.within, oakDays10)], pupil.late, lateSessions, 'N'), pupil.within, withinSessions, 'N');

/**
 * T1 (reasonForAbsenceRule, SAR24 reg 10(7)-(9) [S]): code N must be replaced within 5 school days of the
 * school's own calendar. The attendance feed prompts the school when it is not: its inbox lists the pupil, the
 * school is told through the outbox, the case records the rule; once per pupil and N-episode; a replacement clears
 * it. Real API, worker, dev server and database.
 */
describe('T1: code N left past 5 school days prompts the school (attendance feed, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let oak: ApiAgent;
  let first: { status: number; body: { uploadId: string; detection: { newAlerts: number } } };
  let firstDelivered: UploadProgressBody;

  const prompts = () => stack.notifier.sent.filter((m) => m.template === 'code_n_unresolved');
  const inboxItems = async (agent: ApiAgent) => (await agent.get('/v1/inbox').expect(200)).body.unresolvedNMarks as { upn: string; caseId: string | null }[];

  beforeAll(async () => {
    stack = await startStack('code-n-prompt-it');
    const admin = await stack.as('admin');
    await admin.post('/v1/register/schools').set(csv).send(`urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n${ELM},Elm Academy,${LA},N\n`).expect(200);
    await (await stack.as('manager')).put(`/v1/las/${LA}/terms`).send({ terms: demoTerms }).expect(200);
    await admin.put(`/v1/schools/${OAK}/closures`).send({ closures: [{ date: inset, reason: 'INSET day' }] }).expect(200);
    await (await stack.as('cmeOfficer')).post('/v1/register/pupils').set(csv).send(`school_urn,upn\n${OAK},${pupil.late}\n${OAK},${pupil.within}\n${ELM},${pupil.elm}\n`).expect(200);
    oak = await stack.as('oakSchool');
    const response = await oak.post('/v1/attendance-marks').set(csv).send(marksCsv(oakMarks));
    first = { status: response.status, body: response.body };
    firstDelivered = await deliveredUpload(oak, first.body.uploadId);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it("prompts once for the pupil whose N sessions are past 5 of Oak's school days, opening the pupil's T1 case", async () => {
    expect(first.status).toBe(200);
    expect(first.body.detection).toMatchObject({ newAlerts: 1, alerts: 1 });
    expect(firstDelivered).toMatchObject({ alerts: 1, pending: 0, delivered: [{ reason: 'unexplained_absence', attached: false }] });
    const alert = await stack.database.db.detectionAlert.findFirstOrThrow({ where: { pupil: { upn: pupil.late } } });
    expect(alert).toMatchObject({ kind: 'unresolved_code_n', episode: `run:${oakDays[7]}`, detail: { ruleId: 'T1', from: oakDays[7], to: oakDays[6], sessions: 3 } });
  });

  it("N within 5 school days of Oak's calendar prompts nothing (its INSET day does not count)", async () => {
    // On the LA's calendar, without Oak's INSET day, the same session would already be overdue.
    expect(laCalendar.addSchoolDays(withinSessions[0]![0], 5).date < today).toBe(true);
    expect(oakCalendar.addSchoolDays(withinSessions[0]![0], 5).date < today).toBe(false);
    expect(await stack.database.db.detectionAlert.count({ where: { pupil: { upn: pupil.within } } })).toBe(0);
    expect(await stack.database.db.case.count({ where: { pupil: { upn: pupil.within } } })).toBe(0);
  });

  it("lists the pupil, the sessions still N and the school days overdue in Oak's inbox and the LA officer's", async () => {
    const [caseId] = firstDelivered.delivered.map((d) => d.caseId);
    // The limit ran out at the end of the 5th school day after the oldest session; today counts if Oak meets.
    const overdue = oakCalendar.schoolDaysBetween(oakCalendar.addSchoolDays(oakDays[7]!, 5).date, today);
    expect(overdue).toBe(2 + (oakCalendar.isSchoolDay(today) ? 1 : 0));
    const item = {
      upn: pupil.late,
      schoolUrn: OAK,
      caseId,
      ruleId: 'T1',
      sessions: lateSessions.map(([date, session]) => ({ date, session })),
      schoolDaysOverdue: overdue,
      promptedAt: expect.any(String),
    };
    expect(await inboxItems(oak)).toEqual([item]);
    expect(await inboxItems(await stack.as('cmeOfficer'))).toEqual([item]);
  });

  it('is not shown to another school, nor to a school of another LA', async () => {
    expect(await inboxItems(await stack.as('elmSchool'))).toEqual([]);
    expect(await inboxItems(await stack.as('ashHighSchool926'))).toEqual([]);
  });

  it('tells the school through the outbox, and the case timeline shows the rule', async () => {
    const [caseId] = firstDelivered.delivered.map((d) => d.caseId);
    await settledOutbox(stack.database.db, { caseId });
    expect(prompts().map((m) => [m.caseId, m.recipient, m.ruleId])).toEqual([[caseId, `school:${OAK}`, 'T1']]);
    expect(prompts()[0]!.subject).not.toContain(pupil.late);
    const timeline = (await oak.get(`/v1/cases/${caseId}/timeline`).expect(200)).body as { entries: { what: string; ruleId?: string; source?: string }[] };
    expect(JSON.stringify(timeline)).toContain('code_n_unresolved');
    const audit = await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => [e.action, e.ruleId, e.actor])).toEqual([
      ['case_opened', 'TRIGGER-T1', 'system:attendance-detection'],
      ['code_n_unresolved', 'T1', 'system:attendance-detection'],
    ]);
  });

  it('the same upload again prompts nothing new', async () => {
    const notifications = await stack.database.db.notification.count();
    const audit = await stack.database.db.auditEntry.count();
    const again = await oak.post('/v1/attendance-marks').set(csv).send(marksCsv(oakMarks)).expect(200);
    expect(again.body).toMatchObject({ inserted: 0, changed: 0, detection: { newAlerts: 0, alerts: 0, delivered: [] } });
    expect(await stack.database.db.notification.count()).toBe(notifications);
    expect(await stack.database.db.auditEntry.count()).toBe(audit);
    expect(prompts()).toHaveLength(1);
  });

  it("an upload replacing the N codes takes the pupil off Oak's inbox", async () => {
    const replaced = lateSessions.map(([date, session]) => ({ schoolUrn: OAK, upn: pupil.late, date, session, code: 'M' }));
    const response = await oak.post('/v1/attendance-marks').send(replaced).expect(200);
    expect(response.body).toMatchObject({ changed: 3, detection: { newAlerts: 0 } });
    expect(await inboxItems(oak)).toEqual([]);
    expect(prompts()).toHaveLength(1);
  });
});
