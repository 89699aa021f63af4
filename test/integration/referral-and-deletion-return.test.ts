import { randomUUID } from 'node:crypto';
import { englandDateOf } from '../../domain/calendar/england-time';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import { zephyrine, zephyrineIdentifying } from '../helpers/children';
import { startStack, type ApiAgent } from '../helpers/stack';
import { settledOutbox } from '../helpers/outbox';

const LA = '938';
const URN = '100001';
const child = zephyrine;
const identifying = zephyrineIdentifying;

describe('T15 referrals and the reg 13(4) deletion return (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let officer: ApiAgent;
  let school: ApiAgent;

  beforeAll(async () => {
    stack = await startStack('referral-it');
    officer = await stack.as('cmeOfficer');
    school = await stack.as('oakSchool');
    await (await stack.as('admin')).put(`/v1/schools/${URN}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const rawHistory = async (caseId: string) => JSON.stringify(await stack.env.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory());

  it('TRIGGER-T15 (EA96 s436A): a referral of a child on no roll opens the LA CME enquiry; a retry reaches the same case', async () => {
    const referralId = randomUUID();
    const body = { laCode: LA, referrer: { kind: 'health', organisation: 'Health visiting team' }, child, referralId };
    const opened = await officer.post('/v1/referrals').send(body).expect(201);
    expect(opened.body).toMatchObject({ attached: false, stage: 'cme_tracing' });
    const retried = await officer.post('/v1/referrals').send(body);
    expect(retried.body.caseId).toBe(opened.body.caseId);

    const row = await stack.database.db.case.findUniqueOrThrow({ where: { id: opened.body.caseId }, include: { pupil: { include: { details: true } } } });
    expect(row).toMatchObject({ laCode: LA, schoolUrn: null, stage: 'cme_tracing', pupil: { upn: null, schoolUrn: null, details: { familyName: child.familyName } } });
    const audit = await stack.database.db.auditEntry.findMany({ where: { caseId: opened.body.caseId } });
    expect(audit.map((e) => [e.action, e.ruleId, e.actor])).toEqual([['case_opened', 'TRIGGER-T15', 'la_cme_officer:u-cme for referrer:health']]);
    expect(await stack.database.db.notification.findMany({ where: { caseId: opened.body.caseId }, select: { recipient: true } })).toEqual([{ recipient: `la_cme_officer:${LA}` }]);

    const history = await rawHistory(opened.body.caseId);
    for (const value of identifying) expect(history).not.toContain(value);
  });

  it('refuses a referral without the child\'s name, naming the field, and writes nothing', async () => {
    const before = await stack.database.db.pupil.count();
    const response = await officer
      .post('/v1/referrals')
      .send({ laCode: LA, referrer: { kind: 'public' }, child: { givenName: 'Ann' } })
      .expect(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_request', field: 'child.familyName' });
    const badPhone = await officer
      .post('/v1/referrals')
      .send({ laCode: LA, referrer: { kind: 'police' }, child: { ...child, emergencyPhones: ['call me'] } })
      .expect(400);
    expect(badPhone.body.error.field).toBe('child.emergencyPhones.0');
    expect(await stack.database.db.pupil.count()).toBe(before);
  });

  it('DELETION-RETURN (SAR24 reg 13(4)): the LA receives name, address, parents and emergency numbers before the deletion, and none of it enters Temporal', async () => {
    const opened = await school
      .post('/v1/concerns')
      .send({ schoolUrn: URN, upn: 'B801200005001', reason: 'ehe_written_notice', child: { ...child, newAddress: '3 Alder Row, Reading' } })
      .expect(201);
    const caseId: string = opened.body.caseId;
    const today = englandDateOf(new Date());
    const deletion = await school
      .post(`/v1/cases/${caseId}/deletion-requests`)
      .send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } })
      .expect(200);
    expect(deletion.body.result.status).toBe('confirmed');

    const returnRow = await stack.database.db.notification.findFirstOrThrow({ where: { caseId, template: 'deletion_return' } });
    expect(returnRow.body).toEqual({
      regulation: 'SAR24 reg 13(4)',
      school: { urn: URN, name: 'Oak Primary' },
      upn: 'B801200005001',
      ground: 'F',
      deleteOn: today,
      child: { name: 'Zephyrine Quillfeather', dateOfBirth: child.dateOfBirth, address: child.address, parents: child.parents, emergencyPhones: child.emergencyPhones },
      destination: { newAddress: '3 Alder Row, Reading' },
      notHeld: [],
    });
    const confirmed = await stack.database.db.notification.findFirstOrThrow({ where: { caseId, template: 'deletion_confirmed' } });
    expect(returnRow.id < confirmed.id).toBe(true);

    await settledOutbox(stack.database.db, { caseId });
    const history = await rawHistory(caseId);
    for (const value of [...identifying, 'Alder Row']) expect(history).not.toContain(value);
    // The return reaches the LA's CME officer; no other message carries the child's name.
    const carrying = stack.notifier.sent.filter((m) => JSON.stringify(m).includes(child.familyName));
    expect(carrying.map((m) => [m.recipient, m.template])).toEqual([[`la_cme_officer:${LA}`, 'deletion_return']]);
  });

  it('a deletion return for a child whose details were never given says what is not held', async () => {
    const opened = await school.post('/v1/concerns').send({ schoolUrn: URN, upn: 'D93812340012A', reason: 'ehe_written_notice' }).expect(201);
    const today = englandDateOf(new Date());
    await school
      .post(`/v1/cases/${opened.body.caseId}/deletion-requests`)
      .send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } })
      .expect(200);
    const returnRow = await stack.database.db.notification.findFirstOrThrow({ where: { caseId: opened.body.caseId, template: 'deletion_return' } });
    expect(returnRow.body).toMatchObject({ upn: 'D93812340012A', notHeld: ['name', 'dateOfBirth', 'address', 'parents', 'emergencyPhones'] });
  });
});
