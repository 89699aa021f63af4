import { randomUUID } from 'node:crypto';
import type { Channel, Notifier, OutboundNotification } from '../../activities/notifications/notifier';
import { refused } from '../../activities/notifications/refusal';
import { createNotify, type NotifyInput } from '../../activities/notify';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/**
 * The outbox in front of the transports, on the real database: a row is claimed (leased) before it is sent and
 * marked after, so a retry after the mark sends nothing and two senders never send one row at once.
 */
describe('the notification outbox (real PostgreSQL)', () => {
  let database: TestDatabase;
  const caseId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await db.school.create({ data: { urn: '100001', name: 'Oak Primary', laCode: '938' } });
    const pupil = await db.pupil.create({ data: { upn: 'B801200005001', schoolUrn: '100001' } });
    await db.case.create({ data: { id: caseId, pupilId: pupil.id, laCode: '938', schoolUrn: '100001', stage: 'awaiting_reason', openedAt: new Date() } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A transport that records each send and finishes only when the test says so. */
  function gatedNotifier() {
    const sent: { notification: OutboundNotification; channel: Channel }[] = [];
    const gates: (() => void)[] = [];
    const notifier: Notifier = {
      send: (notification, channel) =>
        new Promise<void>((resolve) => {
          sent.push({ notification, channel });
          gates.push(resolve);
        }),
    };
    return { notifier, sent, open: (index: number) => gates[index]?.() };
  }

  const input = (step: string, recipient = 'la_cme_officer:938', template = 'case_opened:unexplained_absence'): NotifyInput => ({ caseId, step, recipient, template, ruleId: 'T1' });
  const row = (step: string, recipient = 'la_cme_officer:938') => database.db.notification.findUniqueOrThrow({ where: { idempotencyKey: `${caseId}:${step}:${recipient}` } });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('lets one sender at a time hold a row: a concurrent attempt sends nothing and is retried later', async () => {
    const { notifier, sent, open } = gatedNotifier();
    const notify = createNotify(database.db, notifier);
    const first = notify(input('concurrent'));
    await until(() => sent.length === 1);
    await expect(notify(input('concurrent'))).rejects.toThrow(/being sent by another attempt/);
    expect(sent).toHaveLength(1);
    open(0);
    await first;
    expect(await row('concurrent')).toMatchObject({ status: 'sent', attempts: 1, transport: 'console', leaseUntil: null });
  });

  it('sends nothing again once the row is marked sent (a retried activity)', async () => {
    const { notifier, sent, open } = gatedNotifier();
    const notify = createNotify(database.db, notifier);
    const first = notify(input('retried'));
    await until(() => sent.length === 1);
    open(0);
    await first;
    await notify(input('retried'));
    expect(sent).toHaveLength(1);
    expect((await row('retried')).attempts).toBe(1);
  });

  it('frees the row of a sender that died mid-send once its lease runs out; the next one sends with the same key', async () => {
    const { notifier, sent, open } = gatedNotifier();
    const notify = createNotify(database.db, notifier, { leaseMs: 300 });
    void notify(input('crashed')); // never finishes: the sender "died" holding the row
    await until(() => sent.length === 1);
    await expect(notify(input('crashed'))).rejects.toThrow(/being sent by another attempt/);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const second = notify(input('crashed'));
    await until(() => sent.length === 2);
    open(1); // the dead sender's gate stays shut
    await second;
    expect(sent.map((s) => s.notification.idempotencyKey)).toEqual([`${caseId}:crashed:la_cme_officer:938`, `${caseId}:crashed:la_cme_officer:938`]);
    expect(await row('crashed')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a final refusal failed and lets the case go on; a failed row is not sent again', async () => {
    let sends = 0;
    const notify = createNotify(database.db, { send: async () => { sends += 1; throw refused('webhook answered 400'); } });
    await notify(input('refused'));
    await notify(input('refused'));
    expect(sends).toBe(1);
    expect(await row('refused')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook answered 400', leaseUntil: null, sentAt: null });
  });

  it('keeps a transiently failed row pending with its error, frees it at once for the retry, and counts each attempt', async () => {
    let sends = 0;
    const notify = createNotify(database.db, { send: async () => { sends += 1; if (sends < 3) throw new Error('webhook answered 503'); } });
    await expect(notify(input('flaky'))).rejects.toThrow('webhook answered 503');
    expect(await row('flaky')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'webhook answered 503', leaseUntil: null });
    await expect(notify(input('flaky'))).rejects.toThrow('webhook answered 503');
    await notify(input('flaky'));
    expect(await row('flaky')).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('routes by the recipient\'s channel and records the transport used', async () => {
    await database.db.notificationChannel.create({ data: { recipient: 'police:938', transport: 'webhook', url: 'https://police.example/cme', secretName: 'police938', updatedBy: 'test' } });
    const { notifier, sent, open } = gatedNotifier();
    const done = createNotify(database.db, notifier)(input('routed', 'police:938', 'safeguarding_missing_child'));
    await until(() => sent.length === 1);
    open(0);
    await done;
    expect(sent[0]?.channel).toEqual({ transport: 'webhook', url: 'https://police.example/cme', secretName: 'police938' });
    expect(await row('routed', 'police:938')).toMatchObject({ status: 'sent', transport: 'webhook' });
  });

  it('refuses a deletion return to anyone but the case\'s own LA, without sending', async () => {
    let sends = 0;
    const notify = createNotify(database.db, { send: async () => void (sends += 1) });
    await notify({ ...input('return', 'school:100001', 'deletion_return'), facts: { ground: 'F', deleteOn: '2026-12-01' } });
    expect(sends).toBe(0);
    expect(await row('return', 'school:100001')).toMatchObject({ status: 'failed', lastError: "a deletion return goes only to the case's own LA, not to school" });
  });
});
