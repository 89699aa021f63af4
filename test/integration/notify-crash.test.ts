import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messageIdFor } from '../../activities/notifications/smtp-transport';
import { startSmtpReceiver } from '../helpers/smtp-receiver';
import { serialUpn } from '../helpers/children';
import { startStack, type ApiAgent } from '../helpers/stack';
import { retryUntilAnswered } from '../helpers/retry';
import { spawnWorker } from '../helpers/worker-process';

const TASK_QUEUE = 'notify-crash';
const FROM = 'cme@la938.example';
const upn = (serial: number) => serialUpn('93844443', serial);

/**
 * Issue #5, exactly once under crash and retry: a worker process (`dist/worker/main.js`) is SIGKILLed while
 * the SMTP server holds a message mid-send (DATA received, no answer yet); a second worker takes over.
 * What SMTP allows: the message in flight at the kill is transmitted again after the lease runs out, with the
 * same Message-ID (the kill waits until the message answered before it is marked sent, the window where SMTP
 * can only be at least once); the server never acknowledged the first transmission and acknowledges each Message-ID
 * exactly once; every other notification is transmitted exactly once.
 */
describe('notifications when a worker dies mid-send (separate processes, smtp-server, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let school: ApiAgent;
  let holding = true;
  const workers: ChildProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-notify-crash-'));

  const markedSent = async (messageIds: Set<string>) => {
    const sent = await stack.database.db.notification.findMany({ where: { status: 'sent' }, select: { idempotencyKey: true } });
    return sent.filter((row) => messageIds.has(messageIdFor(row.idempotencyKey, FROM))).length;
  };

  const startWorker = () => {
    const env = { SMTP_URL: receiver.url, SMTP_FROM: FROM };
    const child = spawnWorker({ databaseUrl: stack.database.url, temporalAddress: stack.env.address, taskQueue: TASK_QUEUE, dataDir, env });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    // The first message is answered; the second is held until the sender is gone.
    receiver = await startSmtpReceiver(() => holding && receiver.received.length >= 2);
    stack = await startStack(TASK_QUEUE, { inProcessWorker: false });
    const admin = await stack.as('admin');
    await admin.put('/v1/schools/100001').send({ name: 'Oak Primary', laCode: '938' }).expect(200);
    await admin.put('/v1/notification-channels/la_send_team:938').send({ transport: 'smtp', email: 'send-team@la938.example' }).expect(200);
    await admin.put('/v1/notification-channels/la_cme_officer:938').send({ transport: 'smtp', email: 'cme-officer@la938.example' }).expect(200);
    school = await stack.as('oakSchool');
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await stack?.stop();
    await receiver?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every (case, step, recipient) once when the sending worker is SIGKILLed mid-send', async () => {
    const victim = startWorker();
    // Severe absence of a pupil with an EHC plan (T5): the SEND team and the CME officer are mailed.
    const reports = Array.from({ length: 3 }, (_, i) => ({ schoolUrn: '100001', upn: upn(i), reason: 'severe_absence_send', reportId: `00000000-0000-4000-8000-00000000000${i}` }));
    const firstTry = Promise.all(reports.map((report) => school.post('/v1/concerns').send(report)));
    while (!receiver.received.some((mail) => !mail.acknowledged)) await new Promise((resolve) => setTimeout(resolve, 20));
    // Kill outside the one window SMTP leaves (answered, not yet marked sent: at least once, by design): the
    // messages the server has answered are marked first. Every later message is held, so this set is final.
    const answered = new Set(receiver.received.filter((mail) => mail.acknowledged).map((mail) => mail.messageId));
    while ((await markedSent(answered)) < answered.size) await new Promise((resolve) => setTimeout(resolve, 20));
    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.once('exit', resolve));
    holding = false;
    startWorker();
    await firstTry;
    for (const report of reports) await retryUntilAnswered(() => school.post('/v1/concerns').send(report));

    const db = stack.database.db;
    const expected = reports.length * 2;
    for (let waited = 0; (await db.notification.count({ where: { status: 'sent' } })) < expected; waited += 500) {
      if (waited > 150_000) throw new Error('notifications not all sent');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const rows = await db.notification.findMany();
    expect(rows).toHaveLength(expected);
    const idOf = new Map(rows.map((row) => [messageIdFor(row.idempotencyKey, FROM), row]));

    // The server acknowledged each outbox row's Message-ID exactly once, and nothing else.
    const acknowledged = receiver.received.filter((mail) => mail.acknowledged).map((mail) => mail.messageId);
    expect(acknowledged.sort()).toEqual([...idOf.keys()].sort());
    // The only other transmissions are those held at the kill (one, or more if sends overlapped), never
    // acknowledged, each repeated once under its own Message-ID: a receiver that had kept one would
    // recognise the resend.
    const held = receiver.received.filter((mail) => !mail.acknowledged);
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(receiver.received).toHaveLength(expected + held.length);
    const heldRows = held.map((mail) => idOf.get(mail.messageId));
    for (const row of heldRows) expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    // Other rows took one attempt, or two where the killed worker had claimed one but not yet transmitted it.
    for (const row of rows) expect([1, 2]).toContain(row.attempts);
  }, 240_000);
});

