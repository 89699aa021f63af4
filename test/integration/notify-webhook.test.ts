import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createChannelNotifier } from '../../activities/notifications/channel-notifier';
import { createConsoleTransport } from '../../activities/notifications/console-notifier';
import { createWebhookTransport } from '../../activities/notifications/webhook-transport';
import { startStack } from '../helpers/stack';
import { settledOutbox } from '../helpers/outbox';

const LA = '938';
const URN = '100001';
const LA_SECRET = crypto.randomBytes(32).toString('hex');
const POLICE_SECRET = crypto.randomBytes(32).toString('hex');
const STALE_SECRET = crypto.randomBytes(32).toString('hex');

interface Delivery {
  path: string;
  key: string | undefined;
  status: number;
  body: Record<string, unknown>;
}

/**
 * A receiver as a partner service would write it: it checks the HMAC-SHA256 signature over
 * `<timestamp>.<body>` with its own copy of the secret, and refuses stale timestamps. `/flaky` fails twice
 * first; `/bad` refuses every request.
 */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const secretOf: Record<string, string> = { '/ok': LA_SECRET, '/flaky': LA_SECRET, '/bad': LA_SECRET, '/police': POLICE_SECRET };
  let flakyCalls = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      const [, timestamp, signature] = String(req.headers['cme-signature'] ?? '').match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
      const expected = crypto.createHmac('sha256', secretOf[path] ?? '').update(`${timestamp}.${raw}`).digest();
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
      const signed = signature !== undefined && fresh && crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'));
      let status = signed ? 204 : 401;
      if (signed && path === '/flaky' && (flakyCalls += 1) <= 2) status = 500;
      if (signed && path === '/bad') status = 400;
      deliveries.push({ path, key: req.headers['idempotency-key'] as string | undefined, status, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { deliveries, base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Issue #5: signed webhooks with retries, against a local receiver that verifies signatures. */
describe('notifications by webhook (local receiver, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let caseId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    // The worker's secrets: the police channel names one the receiver no longer holds.
    const secrets = new Map([['la938', LA_SECRET], ['police-stale', STALE_SECRET]]);
    const notifier = createChannelNotifier({ console: createConsoleTransport(pino({ level: 'silent' })), webhook: createWebhookTransport(secrets) });
    stack = await startStack('notify-webhook', { notifier });
    const admin = await stack.as('admin');
    await admin.put(`/v1/schools/${URN}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    const channel = (recipient: string, path: string, secretName: string) =>
      admin.put(`/v1/notification-channels/${recipient}`).send({ transport: 'webhook', url: `${receiver.base}${path}`, secretName }).expect(200);
    await channel(`la_cme_officer:${LA}`, '/ok', 'la938');
    await channel(`la_send_team:${LA}`, '/flaky', 'la938');
    await channel(`childrens_social_care:${LA}`, '/bad', 'la938');
    await channel(`police:${LA}`, '/police', 'police-stale');

    const school = await stack.as('oakSchool');
    const opened = await school.post('/v1/concerns').send({ schoolUrn: URN, upn: 'B801200005001', reason: 'severe_absence_send' }).expect(201);
    caseId = opened.body.caseId;
    await (await stack.as('cmeOfficer')).post(`/v1/cases/${caseId}/safeguarding-concerns`).send({ concern: 'risk_of_harm' }).expect(200);
    // The worker's dispatcher sends what the case enqueued, retrying /flaky.
    await settledOutbox(stack.database.db, { caseId });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  const row = (recipient: string) => stack.database.db.notification.findFirstOrThrow({ where: { caseId, recipient } });

  it('delivers a signed message once, keyed by the outbox key, with only what the LA officer needs', async () => {
    const { idempotencyKey } = await row(`la_cme_officer:${LA}`);
    const delivered = receiver.deliveries.filter((d) => d.path === '/ok');
    expect(delivered.map((d) => [d.key, d.status])).toEqual([[idempotencyKey, 204]]);
    expect(delivered[0]?.body).toEqual({
      idempotencyKey,
      caseId,
      recipient: `la_cme_officer:${LA}`,
      template: 'case_opened:severe_absence_send',
      ruleId: 'TRIGGER-T5',
      subject: `[CME] A case has been opened (TRIGGER-T5), case ${caseId}`,
      data: { reference: caseId, event: 'case_opened', code: 'severe_absence_send', ruleId: 'TRIGGER-T5', stage: 'support_first', laCode: LA, schoolUrn: URN },
    });
  });

  it('retries a receiver that fails twice (500) and delivers once, the attempts recorded', async () => {
    const { idempotencyKey } = await row(`la_send_team:${LA}`);
    expect(receiver.deliveries.filter((d) => d.path === '/flaky').map((d) => [d.key, d.status])).toEqual([
      [idempotencyKey, 500],
      [idempotencyKey, 500],
      [idempotencyKey, 204],
    ]);
    expect(await row(`la_send_team:${LA}`)).toMatchObject({ status: 'sent', attempts: 3, lastError: null, transport: 'webhook' });
  });

  it('marks a 400 failed after one attempt, and the case goes on to tell the police', async () => {
    expect(receiver.deliveries.filter((d) => d.path === '/bad').map((d) => d.status)).toEqual([400]);
    expect(await row(`childrens_social_care:${LA}`)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook answered 400', sentAt: null });
  });

  it('is rejected by a receiver holding another secret (401), which is final', async () => {
    expect(receiver.deliveries.filter((d) => d.path === '/police').map((d) => d.status)).toEqual([401]);
    expect(await row(`police:${LA}`)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook answered 401' });
  });

  it('shows delivered and failed notifications, with attempts and errors, on the case timeline', async () => {
    const timeline = (await (await stack.as('cmeOfficer')).get(`/v1/cases/${caseId}/timeline`).expect(200)).body.entries as { source: string; what: string; detail: Record<string, unknown> }[];
    expect(timeline.filter((e) => e.source === 'outbox').map((e) => [e.what, e.detail.recipient, e.detail.attempts, e.detail.lastError ?? null])).toEqual([
      ['notification_sent', `la_send_team:${LA}`, 3, null],
      ['notification_sent', `la_cme_officer:${LA}`, 1, null],
      ['notification_failed', `childrens_social_care:${LA}`, 1, 'webhook answered 400'],
      ['notification_failed', `police:${LA}`, 1, 'webhook answered 401'],
    ]);
  });
});
