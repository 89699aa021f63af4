import { randomUUID } from 'node:crypto';
import { startNotificationDispatcher, type NotificationDispatcher } from '../../activities/notifications/dispatcher';
import { createEnqueueNotifications } from '../../activities/notifications/enqueue';
import type { Notifier, OutboundNotification } from '../../activities/notifications/notifier';
import { refused } from '../../activities/notifications/refusal';
import type { NotifyInput } from '../../activities/notify';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/**
 * The worker's dispatcher over the outbox the cases enqueue into (issue 12 item 1), on the real database: each case's
 * recipient is told in order, a recipient whose transport fails holds up no other, a refused row is failed for good,
 * and dispatchers side by side (two workers) never send one row twice.
 */
describe('the notification dispatcher (real PostgreSQL)', () => {
  let database: TestDatabase;
  const caseId = randomUUID();
  const running: NotificationDispatcher[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await db.school.create({ data: { urn: '100001', name: 'Oak Primary', laCode: '938' } });
    const pupil = await db.pupil.create({ data: { upn: 'B801200005002', schoolUrn: '100001' } });
    await db.case.create({ data: { id: caseId, pupilId: pupil.id, laCode: '938', schoolUrn: '100001', stage: 'awaiting_reason', openedAt: new Date() } });
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
  });

  afterAll(async () => {
    await database?.drop();
  });

  const message = (step: string, recipient: string): NotifyInput => ({ caseId, step, recipient, template: 'case_opened:unexplained_absence', ruleId: 'T1' });
  const enqueue = (...messages: NotifyInput[]) => createEnqueueNotifications(database.db)({ notifications: messages });
  const start = (notifier: Notifier, options: { concurrency?: number; pollMs?: number } = {}) => {
    const dispatcher = startNotificationDispatcher(database.db, notifier, { concurrency: 2, pollMs: 50, databaseUrl: database.url, ...options });
    running.push(dispatcher);
    return dispatcher;
  };
  const rowOf = (step: string, recipient: string) => database.db.notification.findUniqueOrThrow({ where: { idempotencyKey: `${caseId}:${step}:${recipient}` } });
  const until = async (check: () => boolean | Promise<boolean>, what: string) => {
    for (let waited = 0; !(await check()); waited += 20) {
      if (waited > 30_000) throw new Error(`never: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stepOf = (sent: OutboundNotification) => sent.idempotencyKey.split(':')[1];

  it('writes a step\'s rows once however often its local activity runs', async () => {
    await enqueue(message('once', 'police:938'), message('once', 'la_manager:938'));
    await enqueue(message('once', 'police:938'), message('once', 'la_manager:938'));
    expect(await database.db.notification.count({ where: { idempotencyKey: { startsWith: `${caseId}:once:` } } })).toBe(2);
    expect(await rowOf('once', 'police:938')).toMatchObject({ status: 'pending', attempts: 0, ruleId: 'T1' });
  });

  it('keeps a recipient\'s order while its transport fails, without holding up another recipient', async () => {
    let schoolReachable = false;
    const attempts: string[] = [];
    const delivered: string[] = [];
    start({
      send: async (sent) => {
        if (!['first', 'second'].includes(stepOf(sent)!)) return;
        attempts.push(`${sent.recipient}/${stepOf(sent)}`);
        if (sent.recipient === 'school:100001' && !schoolReachable) throw new Error('smtp 421');
        delivered.push(`${sent.recipient}/${stepOf(sent)}`);
      },
    });
    await enqueue(message('first', 'school:100001'), message('first', 'la_cme_officer:938'));
    await enqueue(message('second', 'school:100001'), message('second', 'la_cme_officer:938'));
    await until(() => delivered.length === 2, 'the LA told of both steps');
    expect(delivered).toEqual(['la_cme_officer:938/first', 'la_cme_officer:938/second']);
    // The school's later message waits behind its failing first one, which backs off.
    expect(attempts.filter((a) => a.startsWith('school:'))).toEqual(['school:100001/first']);
    expect(await rowOf('first', 'school:100001')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'smtp 421' });
    expect(await rowOf('second', 'school:100001')).toMatchObject({ status: 'pending', attempts: 0 });

    schoolReachable = true;
    await until(() => delivered.length === 4, 'the school told once reachable');
    expect(delivered.slice(2)).toEqual(['school:100001/first', 'school:100001/second']);
    expect(await rowOf('first', 'school:100001')).toMatchObject({ status: 'sent', attempts: 2, lastError: null, leaseUntil: null });
    expect(await rowOf('second', 'school:100001')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('marks a refused row failed for good and goes on to the recipient\'s next one', async () => {
    const delivered: string[] = [];
    let refusals = 0;
    start({
      send: async (sent) => {
        if (stepOf(sent) === 'gone') {
          refusals += 1;
          throw refused('webhook answered 410');
        }
        if (stepOf(sent) === 'after') delivered.push(stepOf(sent)!);
      },
    });
    await enqueue(message('gone', 'childrens_social_care:938'));
    await enqueue(message('after', 'childrens_social_care:938'));
    await until(() => delivered.length === 1, 'the next row sent');
    expect(await rowOf('gone', 'childrens_social_care:938')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook answered 410', sentAt: null });
    expect(await rowOf('after', 'childrens_social_care:938')).toMatchObject({ status: 'sent' });
    expect(refusals).toBe(1);
  });

  it('never sends one row twice with two dispatchers (two workers) side by side, and keeps each recipient\'s order', async () => {
    const sends: OutboundNotification[] = [];
    const notifier: Notifier = {
      send: async (sent) => {
        sends.push(sent);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      },
    };
    start(notifier, { concurrency: 4 });
    start(notifier, { concurrency: 4 });
    const recipients = ['la_send_team:938', 'la_ehe_team:938', 'la_health_officer:938', 'police:938', 'yot_worker_of_child:938'];
    for (let step = 0; step < 8; step += 1) await enqueue(...recipients.map((recipient) => message(`race-${step}`, recipient)));
    const raced = () => database.db.notification.findMany({ where: { idempotencyKey: { contains: ':race-' } } });
    await until(async () => (await raced()).every((row) => row.status === 'sent'), 'every row sent');

    const keys = sends.map((sent) => sent.idempotencyKey).filter((key) => key.includes(':race-'));
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    for (const row of await raced()) expect(row.attempts).toBe(1);
    for (const recipient of recipients) {
      const order = sends.filter((sent) => sent.recipient === recipient && stepOf(sent)!.startsWith('race-')).map(stepOf);
      expect(order).toEqual(Array.from({ length: 8 }, (_, step) => `race-${step}`));
    }
  });

  it('is woken by a new row at once, not at its next poll', async () => {
    const delivered: string[] = [];
    start({ send: async (sent) => void delivered.push(stepOf(sent)!) }, { pollMs: 60_000 });
    // Let the lanes find nothing and go to sleep for their minute.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const enqueuedAt = Date.now();
    await enqueue(message('woken', 'la_manager:938'));
    await until(() => delivered.includes('woken'), 'the new row sent');
    expect(Date.now() - enqueuedAt).toBeLessThan(10_000);
  });
});
