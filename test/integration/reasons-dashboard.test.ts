import { randomUUID } from 'node:crypto';
import { createRecordCaseEvent } from '../../activities/case-record';
import { testUpn } from '../fixtures/register-data';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';

// Issue 15 item 5: the dashboard's reasons section (read-model/reasons-analytics.ts) over the status history. Reason
// codes and labels are CME-REASONS (domain/collection/lists.ts); times to resolution are school days on the LA's
// calendar (its terms and England's bank holidays).

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const SUMMER = { name: 'Summer 2026', start: '2026-04-20', end: '2026-07-22' };
const AUTUMN = { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18' };
const wu = { reason: 'whereabouts_unknown', label: 'Whereabouts unknown' };
const nk = { reason: 'not_known', label: 'Reason not known' };

describe("the dashboard's reasons section (dev server, real database)", () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let officer: ApiAgent;
  const upns = { a: testUpn(601), b: testUpn(602), c: testUpn(603) };

  beforeAll(async () => {
    stack = await startStack('reasons-dashboard-it');
    officer = await stack.as('cmeOfficer');
    const admin = await stack.as('admin');
    await admin.put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    await admin.put(`/v1/schools/${ELM}`).send({ name: 'Elm Academy', laCode: LA }).expect(200);
    await (await stack.as('manager')).put(`/v1/las/${LA}/terms`).send({ terms: [SUMMER, AUTUMN] }).expect(200);
    const register = ['school_urn,upn,sex,year_group,sen_status,placed_by_la', `${OAK},${upns.a},F,4,K,N`, `${ELM},${upns.b},M,9,N,N`, `${ELM},${upns.c},F,9,E,N`].join('\n');
    await officer.post('/v1/register/pupils').set({ 'content-type': 'text/csv' }).send(register).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('counts every CME run by its primary reason per term, SEN status, school and year group, with its outcome and school days', async () => {
    // Past summer-term runs, written by the engine's own writer (time on the dev server cannot be moved back), each
    // going missing with whereabouts unknown (cme_opened).
    const record = createRecordCaseEvent(stack.database.db);
    const pastCase = async (upn: string, schoolUrn: string, missingAt: string, closed?: { at: string; outcome: string }) => {
      const pupilId = (await stack.database.db.pupil.findUniqueOrThrow({ where: { upn } })).id;
      const base = { caseId: randomUUID(), pupilId, laCode: LA, schoolUrn, nextDeadlineAt: null, openedAt: missingAt, actor: 'system' };
      await record({ ...base, eventId: randomUUID(), stage: 'awaiting_reason', occurredAt: missingAt, action: 'case_opened', detail: { reason: 'unexplained_absence' } });
      await record({ ...base, eventId: randomUUID(), stage: 'cme_tracing', occurredAt: missingAt, action: 'cme_opened' });
      if (closed) await record({ ...base, eventId: randomUUID(), stage: 'closed', occurredAt: closed.at, action: 'case_closed', outcome: closed.outcome, detail: { outcome: closed.outcome } });
    };
    // A: Tue 12 May to Tue 26 May: 10 weekdays after the 12th, less the spring bank holiday (25 May) = 9 school days.
    await pastCase(upns.a, OAK, '2026-05-12T09:00:00Z', { at: '2026-05-26T09:00:00Z', outcome: 'located_and_attending' });
    // B: Tue 2 June to Fri 5 June = 3 school days, moved abroad.
    await pastCase(upns.b, ELM, '2026-06-02T09:00:00Z', { at: '2026-06-05T09:00:00Z', outcome: 'moved_abroad' });
    // C: in the summer holiday (counts with the summer term), still missing.
    await pastCase(upns.c, ELM, '2026-08-10T09:00:00Z');
    // This term, through the API: two children on no roll referred (reason not yet known); one found home educated.
    const refer = (child: object) => officer.post('/v1/referrals').send({ laCode: LA, referrer: { kind: 'health' }, child }).expect(201);
    const found = (await refer({ givenName: 'Eve', familyName: 'Five', sex: 'F', yearGroup: '7' })).body.caseId as string;
    await refer({ givenName: 'Fin', familyName: 'Six', sex: 'M', yearGroup: '3' });
    await officer.post(`/v1/cases/${found}/close`).send({ outcome: 'elective_home_education', reason: 'reasons test', primaryReason: 'lifestyle' }).expect(200);

    const answer = expectDocumented('get', '/v1/dashboard', await (await stack.as('manager')).get('/v1/dashboard').expect(200));
    // By hand: A (Oak, SEN support, year 4), B (Elm, no SEN, year 9), C (Elm, EHC plan, year 9): whereabouts unknown,
    // summer; Eve (no roll, year 7) and Fin (no roll, year 3): not known, autumn.
    expect(answer.body.reasons).toEqual({
      episodes: 5,
      byTerm: [
        { term: SUMMER.name, start: SUMMER.start, reasons: [{ ...wu, count: 3 }] },
        { term: AUTUMN.name, start: AUTUMN.start, reasons: [{ ...nk, count: 2 }] },
      ],
      bySen: [
        { senStatus: 'sen_support', reasons: [{ ...wu, count: 1 }] },
        { senStatus: 'none', reasons: [{ ...wu, count: 1 }, { ...nk, count: 2 }] },
        { senStatus: 'ehc_plan', reasons: [{ ...wu, count: 1 }] },
      ],
      bySchool: [
        { schoolUrn: OAK, name: 'Oak Primary', reasons: [{ ...wu, count: 1 }] },
        { schoolUrn: ELM, name: 'Elm Academy', reasons: [{ ...wu, count: 2 }] },
        { schoolUrn: null, name: 'no roll', reasons: [{ ...nk, count: 2 }] },
      ],
      byYearGroup: [
        { yearGroup: '4', reasons: [{ ...wu, count: 1 }] },
        { yearGroup: '9', reasons: [{ ...wu, count: 2 }] },
        { yearGroup: '7', reasons: [{ ...nk, count: 1 }] },
        { yearGroup: '3', reasons: [{ ...nk, count: 1 }] },
      ],
      resolutionUnit: 'school_days',
      outcomes: [
        {
          ...wu,
          episodes: 3,
          stillMissing: 1,
          endedIn: [
            { status: 'on_roll', label: 'On a school roll', count: 1 },
            { status: 'moved_abroad', label: 'Moved abroad', count: 1 },
          ],
          medianSchoolDays: 6,
          longestSchoolDays: 9,
        },
        { ...nk, episodes: 2, stillMissing: 1, endedIn: [{ status: 'ehe', label: 'Electively home educated', count: 1 }], medianSchoolDays: 0, longestSchoolDays: 0 },
      ],
    });
    // Another LA's officer sees none of these runs.
    expect((await (await stack.as('otherLaOfficer')).get('/v1/dashboard').expect(200)).body.reasons).toMatchObject({ episodes: 0, byTerm: [], outcomes: [] });
  });
});
