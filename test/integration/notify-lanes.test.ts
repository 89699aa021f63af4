import pino from 'pino';
import { createChannelNotifier } from '../../activities/notifications/channel-notifier';
import { createConsoleTransport } from '../../activities/notifications/console-notifier';
import { createSmtpTransport, messageIdFor } from '../../activities/notifications/smtp-transport';
import { createWebhookTransport } from '../../activities/notifications/webhook-transport';
import { englandDateOf } from '../../domain/calendar/england-time';
import { serialUpn } from '../helpers/children';
import { startSmtpReceiver } from '../helpers/smtp-receiver';
import { startStack } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const FROM = 'cme@la938.example';
const upn = serialUpn('93855555', 1);

/**
 * Issue #5/#6, a mail relay refusing for a while (451) holds back no decision: the new-pupil return that
 * closes the case is answered through the API at once and the case ends, the old school's message waits in the
 * outbox (the worker's dispatcher backs off), and once the relay accepts it is delivered exactly once; the LA
 * heard at once. Real SMTP server, dev server, database.
 */
describe('a decision while the mail relay defers (smtp-server answering 451, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let relayDefers = true;
  const oakAddress = 'office@oak.example';

  beforeAll(async () => {
    receiver = await startSmtpReceiver(undefined, (mail) => relayDefers && mail.to.includes(oakAddress));
    const smtp = createSmtpTransport({ url: receiver.url, from: FROM });
    const notifier = createChannelNotifier({ console: createConsoleTransport(pino({ level: 'silent' })), smtp, webhook: createWebhookTransport(new Map()) });
    stack = await startStack('notify-lanes', { notifier });
    const admin = await stack.as('admin');
    for (const [urn, name] of [[OAK, 'Oak Primary'], [ELM, 'Elm Academy']]) await admin.put(`/v1/schools/${urn}`).send({ name, laCode: LA }).expect(200);
    await admin.put(`/v1/notification-channels/school:${OAK}`).send({ transport: 'smtp', email: oakAddress }).expect(200);
    await admin.put(`/v1/notification-channels/la_cme_officer:${LA}`).send({ transport: 'smtp', email: 'cme@la938.example' }).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('answers the new-pupil return at once and delivers the old school\'s message once the relay accepts', async () => {
    const oak = await stack.as('oakSchool');
    const { caseId } = (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn, reason: 'unexplained_absence' }).expect(201)).body;
    const elm = await stack.as('elmSchool');
    // Elm may not read Oak's case: it is told only that the LA has its return.
    const answered = await elm.post('/v1/new-pupil-returns').send({ schoolUrn: ELM, upn, registeredOn: englandDateOf(new Date()) }).expect(202);
    expect(answered.body).toMatchObject({ received: true });

    const db = stack.database.db;
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ stage: 'closed', outcome: 'on_roll_elsewhere' });
    // The case has ended with its notifications in the outbox: the worker's dispatcher tells the LA, and tries Oak.
    await stack.env.client.workflow.getHandle(`case-${caseId}`).result();
    const toOak = () => db.notification.findFirstOrThrow({ where: { caseId, recipient: `school:${OAK}` } });
    const toLa = () => db.notification.findFirstOrThrow({ where: { caseId, recipient: `la_cme_officer:${LA}`, template: 'child_on_roll_elsewhere' } });
    for (let waited = 0; (await toLa()).status !== 'sent' || (await toOak()).lastError === null; waited += 100) {
      if (waited > 30_000) throw new Error('the dispatcher neither told the LA nor tried Oak');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await toOak()).toMatchObject({ status: 'pending', lastError: 'smtp 451' });

    relayDefers = false;
    for (let waited = 0; (await toOak()).status !== 'sent'; waited += 500) {
      if (waited > 120_000) throw new Error('the deferred message was never delivered');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const row = await toOak();
    const accepted = receiver.received.filter((mail) => mail.acknowledged && mail.messageId === messageIdFor(row.idempotencyKey, FROM));
    expect(accepted).toHaveLength(1);
    expect(receiver.received.filter((mail) => mail.to.includes(oakAddress) && !mail.acknowledged).length).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
