import pino from 'pino';
import { createChannelNotifier } from '../../activities/notifications/channel-notifier';
import { createConsoleTransport } from '../../activities/notifications/console-notifier';
import { createSmtpTransport, messageIdFor } from '../../activities/notifications/smtp-transport';
import { createWebhookTransport } from '../../activities/notifications/webhook-transport';
import { englandDateOf } from '../../domain/calendar/england-time';
import { zephyrine, zephyrineIdentifying } from '../helpers/children';
import { startSmtpReceiver } from '../helpers/smtp-receiver';
import { startStack, type ApiAgent } from '../helpers/stack';
import { settledOutbox } from '../helpers/outbox';

const LA = '938';
const URN = '100001';
const FROM = 'cme@la938.example';
const child = zephyrine;
const identifying = [...zephyrineIdentifying, zephyrine.dateOfBirth];
const channels: Record<string, string> = {
  [`la_cme_officer:${LA}`]: 'cme-officer@la938.example',
  [`la_send_team:${LA}`]: 'send-team@la938.example',
  [`la_ehe_team:${LA}`]: 'ehe-team@la938.example',
  [`police:${LA}`]: 'missing-persons@police.example',
  [`childrens_social_care:${LA}`]: 'mash@la938.example',
  [`school:${URN}`]: 'office@oak.example',
};

/**
 * Issue #5: e-mail through a real SMTP server. The worker's channel notifier with the nodemailer transport,
 * the directory set through the admin API, cases driven through the API; the server sees each message once
 * with its Message-ID derived from the outbox key, and each recipient only what its role needs.
 */
describe('notifications by e-mail (smtp-server, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let smtp: ReturnType<typeof createSmtpTransport>;
  let admin: ApiAgent;
  let school: ApiAgent;

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    smtp = createSmtpTransport({ url: receiver.url, from: FROM });
    const notifier = createChannelNotifier({ console: createConsoleTransport(pino({ level: 'silent' })), smtp, webhook: createWebhookTransport(new Map()) });
    stack = await startStack('notify-smtp', { notifier, notify: { publicUrl: 'https://cme.la938.example' } });
    admin = await stack.as('admin');
    school = await stack.as('oakSchool');
    await admin.put(`/v1/schools/${URN}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
    smtp?.close();
    await receiver?.close();
  });

  const mailsTo = (address: string) => receiver.received.filter((mail) => mail.to.includes(address));

  it('keeps the directory through the admin API: validated, admins only, no secret in it', async () => {
    for (const [recipient, email] of Object.entries(channels)) {
      const saved = await admin.put(`/v1/notification-channels/${recipient}`).send({ transport: 'smtp', email }).expect(200);
      expect(saved.body).toMatchObject({ recipient, transport: 'smtp', email, updatedBy: 'admin:u-admin' });
    }
    expect((await admin.get('/v1/notification-channels').expect(200)).body.channels).toHaveLength(Object.keys(channels).length);
    expect((await admin.get(`/v1/notification-channels/police:${LA}`).expect(200)).body.email).toBe(channels[`police:${LA}`]);
    expect((await admin.get('/v1/notification-channels/la_manager:938').expect(404)).body.error.code).toBe('not_found');

    const refused = async (recipient: string, body: object, field: string) =>
      expect((await admin.put(`/v1/notification-channels/${recipient}`).send(body).expect(400)).body.error.field).toBe(field);
    await refused('press:938', { transport: 'console' }, 'recipient');
    await refused('school:93', { transport: 'console' }, 'recipient');
    await refused('police:938', { transport: 'smtp' }, 'email');
    await refused('police:938', { transport: 'smtp', email: 'not-an-address' }, 'email');
    await refused('police:938', { transport: 'pigeon' }, 'transport');
    await refused('police:938', { transport: 'webhook', url: 'ftp://x.example/', secretName: 'p' }, 'url');
    await refused('police:938', { transport: 'webhook', url: 'https://x.example/', secretName: 'p', secret: 'x'.repeat(40) }, 'secret');
    const officer = await stack.as('cmeOfficer');
    await officer.put(`/v1/notification-channels/police:${LA}`).send({ transport: 'console' }).expect(403);
    await officer.get('/v1/notification-channels').expect(403);
    await officer.delete(`/v1/notification-channels/police:${LA}`).expect(403);
    expect((await admin.get(`/v1/notification-channels/police:${LA}`)).body.email).toBe(channels[`police:${LA}`]);

    // Removed, the party is told on the console again; removing what is not there is 404.
    await admin.put(`/v1/notification-channels/la_manager:${LA}`).send({ transport: 'smtp', email: 'managers@la938.example' }).expect(200);
    expect((await admin.delete(`/v1/notification-channels/la_manager:${LA}`).expect(200)).body).toMatchObject({ recipient: `la_manager:${LA}`, email: 'managers@la938.example' });
    await admin.get(`/v1/notification-channels/la_manager:${LA}`).expect(404);
    expect((await admin.delete(`/v1/notification-channels/la_manager:${LA}`).expect(404)).body.error.code).toBe('not_found');
    expect((await admin.delete('/v1/notification-channels/press:938').expect(400)).body.error.field).toBe('recipient');
  });

  it('mails each party of a case only what its role needs, with Message-IDs from the outbox keys', async () => {
    const opened = await school
      .post('/v1/concerns')
      .send({ schoolUrn: URN, upn: 'B801200005001', reason: 'severe_absence_send', child, send: { status: 'ehc_plan', placedByLa: false } })
      .expect(201);
    const caseId: string = opened.body.caseId;
    await (await stack.as('cmeOfficer')).post(`/v1/cases/${caseId}/safeguarding-concerns`).send({ concern: 'missing_child' }).expect(200);

    const rows = await settledOutbox(stack.database.db, { caseId });
    expect(rows.map((r) => [r.recipient, r.status, r.transport, r.attempts])).toEqual([
      [`la_send_team:${LA}`, 'sent', 'smtp', 1],
      [`la_cme_officer:${LA}`, 'sent', 'smtp', 1],
      [`childrens_social_care:${LA}`, 'sent', 'smtp', 1],
      [`police:${LA}`, 'sent', 'smtp', 1],
    ]);
    for (const row of rows) {
      const mails = mailsTo(channels[row.recipient] as string);
      expect(mails.map((m) => m.messageId)).toEqual([messageIdFor(row.idempotencyKey, FROM)]);
    }

    const [toOfficer] = mailsTo(channels[`la_cme_officer:${LA}`] as string);
    expect(toOfficer?.subject).toBe(`[CME] A case has been opened (TRIGGER-T5), case ${caseId}`);
    expect(toOfficer?.text).toContain(`caseUrl: https://cme.la938.example/ui/#/cases/${caseId}`);
    expect(toOfficer?.text).toContain(`schoolUrn: ${URN}`);
    expect(toOfficer?.text).toContain('stage: support_first');

    const [toPolice] = mailsTo(channels[`police:${LA}`] as string);
    expect(toPolice?.subject).toBe(`[CME] Safeguarding referral (SAFEGUARDING-REFERRAL), case ${caseId}`);
    expect(toPolice?.text).toContain('code: missing_child');
    expect(toPolice?.text).toContain(`contact: the CME officer of LA ${LA}`);
    // The police and social care learn of the referral, not where the child lives or studies.
    for (const mail of [toPolice, ...mailsTo(channels[`childrens_social_care:${LA}`] as string)]) {
      expect(mail?.text).not.toContain(URN);
      expect(mail?.text).not.toContain('caseUrl');
    }
    for (const mail of receiver.received) for (const value of identifying) expect(`${mail.subject}\n${mail.text}`).not.toContain(value);
  });

  it('mails the reg 13(4) deletion return to the LA only; the school hears of the deletion without it', async () => {
    const opened = await school.post('/v1/concerns').send({ schoolUrn: URN, upn: 'D93812340012A', reason: 'ehe_written_notice', child }).expect(201);
    const caseId: string = opened.body.caseId;
    const today = englandDateOf(new Date());
    await school
      .post(`/v1/cases/${caseId}/deletion-requests`)
      .send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } })
      .expect(200);

    const keys = (await settledOutbox(stack.database.db, { caseId })).map((row) => messageIdFor(row.idempotencyKey, FROM));
    const mails = receiver.received.filter((mail) => keys.includes(mail.messageId));
    expect(mails.map((m) => [m.to, m.subject.replace(`, case ${caseId}`, '')]).sort()).toEqual([
      [[channels[`la_cme_officer:${LA}`]], '[CME] Deletion return (SAR24 reg 13(4)) (DELETION-RETURN)'],
      [[channels[`la_ehe_team:${LA}`]], '[CME] A case has been opened (TRIGGER-T8)'],
      [[channels[`school:${URN}`]], '[CME] The deletion from the roll is confirmed (GROUND-F)'],
    ].sort());
    const carrying = mails.filter((mail) => identifying.some((value) => mail.text.includes(value)));
    expect(carrying.map((mail) => mail.to)).toEqual([[channels[`la_cme_officer:${LA}`]]]);
    expect(carrying[0]?.text).toContain('12 Juniper Wharf, Bracknell');
    for (const mail of mails) for (const value of identifying) expect(mail.subject).not.toContain(value);
  });

  it('shows each notification\'s delivery on the case timeline', async () => {
    const [row] = await stack.database.db.notification.findMany({ where: { recipient: `police:${LA}` } });
    const timeline = (await (await stack.as('cmeOfficer')).get(`/v1/cases/${row?.caseId}/timeline`).expect(200)).body.entries as { source: string; what: string; detail: Record<string, unknown> }[];
    const deliveries = timeline.filter((entry) => entry.source === 'outbox');
    expect(deliveries.map((entry) => [entry.what, entry.detail.recipient, entry.detail.status, entry.detail.attempts, entry.detail.transport])).toEqual([
      ['notification_sent', `la_send_team:${LA}`, 'sent', 1, 'smtp'],
      ['notification_sent', `la_cme_officer:${LA}`, 'sent', 1, 'smtp'],
      ['notification_sent', `childrens_social_care:${LA}`, 'sent', 1, 'smtp'],
      ['notification_sent', `police:${LA}`, 'sent', 1, 'smtp'],
    ]);
    expect(deliveries.every((entry) => typeof entry.detail.sentAt === 'string' && typeof entry.detail.template === 'string')).toBe(true);
  });
});
