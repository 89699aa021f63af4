import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createDb } from '../../db/prisma';
import { testPayloadKeys } from '../helpers/payload-keys';
import { startStack, type ApiAgent } from '../helpers/stack';
import { settledOutbox } from '../helpers/outbox';

const URN = '100001';
const LA = '938';
const UPN = 'B801200005001';

describe('a first case end to end: API -> workflow -> Postgres (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  let admin: ApiAgent;

  beforeAll(async () => {
    stack = await startStack('first-case-it');
    school = await stack.as('oakSchool');
    admin = await stack.as('admin');
    await admin.put(`/v1/schools/${URN}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const report = (body: Record<string, unknown>) => school.post('/v1/concerns').send(body);

  it('opens a case: read-model row, audit entry and one LA notification', async () => {
    const response = await report({ schoolUrn: URN, upn: UPN, reason: 'unexplained_absence' }).expect(201);
    const { caseId } = response.body;
    expect(response.headers.location).toBe(`/v1/cases/${caseId}`);
    expect(response.body).toMatchObject({ attached: false, stage: 'awaiting_reason', nextDeadline: { ruleId: 'T1' } });

    const row = await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ laCode: LA, schoolUrn: URN, stage: 'awaiting_reason' });
    expect(row.nextDeadlineAt?.toISOString()).toBe(response.body.nextDeadline.at);
    const audit = await stack.database.db.auditEntry.findMany({ where: { caseId } });
    expect(audit.map((entry) => [entry.action, entry.ruleId, entry.actor])).toEqual([['case_opened', 'TRIGGER-T1', `school:${URN}:u-oak`]]);
    const outbox = await settledOutbox(stack.database.db, { caseId });
    expect(outbox.map((n) => [n.recipient, n.template, n.status])).toEqual([[`la_cme_officer:${LA}`, 'case_opened:unexplained_absence', 'sent']]);
    expect(stack.notifier.sent.filter((m) => m.caseId === caseId)).toHaveLength(1);
  });

  it('attaches a second report for the same pupil to the open case', async () => {
    const first = await school.post('/v1/concerns').send({ schoolUrn: URN, upn: UPN, reason: 'unexplained_absence' });
    const second = await report({ schoolUrn: URN, upn: UPN.toLowerCase().replace(/^b/, 'B'), reason: 'continuous_unauthorised_absence' }).expect(200);
    expect(second.body).toMatchObject({ caseId: first.body.caseId, attached: true });
    expect(await stack.database.db.case.count()).toBe(1);
    const actions = (await stack.database.db.auditEntry.findMany({ orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions.filter((a) => a === 'case_opened')).toHaveLength(1);
    expect(actions.filter((a) => a === 'concern_attached').length).toBeGreaterThanOrEqual(2);
  });

  it('records a retried report (same reportId) once', async () => {
    const reportId = randomUUID();
    const body = { schoolUrn: URN, upn: UPN, reason: 'unexplained_absence', reportId };
    const first = await report(body);
    const retry = await report(body);
    expect(retry.body).toEqual(first.body);
    const state = await school.get(`/v1/cases/${first.body.caseId}`).expect(200);
    expect(state.body.concerns.filter((c: { reportId: string }) => c.reportId === reportId)).toHaveLength(1);
  });

  it('opens exactly one case when reports for a new pupil arrive at once', async () => {
    const upn = 'D93812340012A';
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => report({ schoolUrn: URN, upn, reason: 'unexplained_absence' })),
    );
    const caseIds = new Set(responses.map((r) => r.body.caseId));
    expect(caseIds.size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const pupil = await stack.database.db.pupil.findUniqueOrThrow({ where: { upn } });
    expect(await stack.database.db.case.count({ where: { pupilId: pupil.id } })).toBe(1);
  });

  it('returns the stage and next deadline from the live workflow', async () => {
    const opened = await report({ schoolUrn: URN, upn: UPN, reason: 'unexplained_absence' });
    const response = await school.get(`/v1/cases/${opened.body.caseId}`).expect(200);
    expect(response.body).toMatchObject({
      caseId: opened.body.caseId,
      stage: 'awaiting_reason',
      laCode: LA,
      schoolUrn: URN,
      nextDeadline: { ruleId: 'T1', at: opened.body.nextDeadline.at },
    });
    expect(JSON.stringify(response.body)).not.toContain(UPN);
  });

  it('answers 404 for an unknown case and 400 naming the field for a malformed id', async () => {
    const missing = await school.get(`/v1/cases/${randomUUID()}`).expect(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'case not found' } });
    const malformed = await school.get('/v1/cases/not-a-case').expect(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_request', field: 'caseId' });
  });

  it.each([
    [{ schoolUrn: URN, upn: 'A801200005001', reason: 'unexplained_absence' }, 400, 'upn'],
    [{ schoolUrn: '12345', upn: UPN, reason: 'unexplained_absence' }, 400, 'schoolUrn'],
    [{ schoolUrn: URN, upn: UPN, reason: 'bored' }, 400, 'reason'],
    [{ schoolUrn: URN, upn: UPN, reason: 'unexplained_absence', childName: 'Ann' }, 400, 'childName'],
    [{ schoolUrn: URN, upn: UPN, reason: 'unexplained_absence', reportId: 'r1' }, 400, 'reportId'],
    [{ schoolUrn: '999999', upn: 'P207000016049', reason: 'unexplained_absence' }, 422, 'schoolUrn'],
  ])('refuses %j with %i naming %s, and starts or writes nothing', async (body, status, field) => {
    const before = await counts();
    const response = await report(body).expect(status);
    expect(response.body.error.field).toBe(field);
    expect(response.body.error.message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await school.post('/v1/concerns').set('content-type', 'application/json').send('{"upn":').expect(400);
    expect(response.body.error.code).toBe('malformed_json');
  });

  it('reports Temporal and database reachability', async () => {
    const healthy = await request(stack.app).get('/healthz').expect(200);
    expect(healthy.body).toEqual({ status: 'ok', temporal: 'ok', database: 'ok' });

    const brokenDb = createDb('postgresql://nobody@127.0.0.1:1/none');
    const degraded = createApp({ db: brokenDb, pool: stack.pool, uploadMaxBytes: 2 ** 20, temporal: stack.env.client, logger: pino({ level: 'silent' }), auth: stack.auth, payloadKeys: testPayloadKeys, ui: { authMode: 'dev', namespace: 'default' }, taskQueue: 'x', temporalDeadlineMs: 2000 });
    const response = await request(degraded).get('/healthz').expect(503);
    expect(response.body).toEqual({ status: 'degraded', temporal: 'ok', database: 'unreachable' });
  });

  it('lists the case with its search attributes in `temporal workflow list`, with no pupil data in its history', async () => {
    const opened = await report({ schoolUrn: URN, upn: UPN, reason: 'unexplained_absence' });
    const workflowId = `case-${opened.body.caseId}`;
    const cli = (args: string[]) =>
      execFileSync(process.env.TEMPORAL_CLI_PATH!, [...args, '--address', stack.env.address, '--output', 'json'], { encoding: 'utf8' });

    let listed: Array<{ execution: { workflowId: string } }> = [];
    for (let attempt = 0; attempt < 40 && listed.length === 0; attempt += 1) {
      listed = JSON.parse(cli(['workflow', 'list', '--query', `CaseStage = "awaiting_reason" AND LaCode = "${LA}" AND SchoolUrn = "${URN}" AND WorkflowId = "${workflowId}"`]) || '[]');
      if (listed.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(listed.map((w) => w.execution.workflowId)).toEqual([workflowId]);

    const history = cli(['workflow', 'show', '--workflow-id', workflowId]);
    expect(history).toContain('caseWorkflow');
    expect(history).not.toContain(UPN);
    expect(Buffer.from(history).toString('base64')).not.toContain(Buffer.from(UPN).toString('base64'));
  });

  it('NEW-PUPIL-RETURN (SAR24 reg 13(1) [P]): another school\'s return closes the open case; the next report opens a new one', async () => {
    await admin.put('/v1/schools/100005').send({ name: 'Ash High', laCode: '926' }).expect(200);
    const upn = 'P207000016049';
    const opened = await report({ schoolUrn: URN, upn, reason: 'no_show' }).expect(201);

    // Ash High may not read the case it closes: its answer names nothing of it.
    const matched = await (await stack.as('ashHighSchool926')).post('/v1/new-pupil-returns').send({ schoolUrn: '100005', upn, registeredOn: '2026-11-30' }).expect(202);
    expect(matched.body).toEqual({ received: true, message: expect.any(String) });
    const row = await stack.database.db.case.findUniqueOrThrow({ where: { id: opened.body.caseId } });
    expect(row).toMatchObject({ stage: 'closed', outcome: 'on_roll_elsewhere' });
    expect(row.closedAt).not.toBeNull();
    const audit = await stack.database.db.auditEntry.findMany({ where: { caseId: opened.body.caseId }, orderBy: { id: 'asc' } });
    expect(audit.at(-1)).toMatchObject({ action: 'case_closed', ruleId: 'NEW-PUPIL-RETURN' });

    // No open case any more: the same answer, so a return never tells whether the child had a case.
    const unmatched = await (await stack.as('ashHighSchool926')).post('/v1/new-pupil-returns').send({ schoolUrn: '100005', upn, registeredOn: '2026-11-30' }).expect(202);
    expect(unmatched.body).toEqual(matched.body);
    const reopened = await report({ schoolUrn: URN, upn, reason: 'unexplained_absence' }).expect(201);
    expect(reopened.body.caseId).not.toBe(opened.body.caseId);
    await (await stack.as('ashHighSchool926')).post('/v1/new-pupil-returns').send({ schoolUrn: '100005', upn, registeredOn: '30/11/2026' }).expect(400);
  });

  async function counts() {
    const db = stack.database.db;
    const workflows = await stack.env.client.workflow.count();
    return { pupils: await db.pupil.count(), cases: await db.case.count(), audit: await db.auditEntry.count(), workflows: workflows.count };
  }
});
