import { Client } from 'pg';
import type { Prisma } from '@prisma/client';
import { safeErrorMessage } from '../../db/error-summary';
import { idlePauses } from '../../db/idle-pauses';
import type { Db } from '../../db/prisma';
import { outboxChannel } from './enqueue';
import type { Notifier } from './notifier';
import { createSendNotification, type ClaimedNotification, type SendOptions } from './send-notification';

export interface DispatcherOptions extends SendOptions {
  /** Rows sent at once (NOTIFY_DISPATCH_CONCURRENCY). */
  concurrency: number;
  /** How long an idle dispatcher waits before looking again when no LISTEN wakes it (NOTIFY_DISPATCH_POLL_MS). */
  pollMs: number;
  /** How long a claim holds the row: every transport bounds its send well inside it (as the notify activity's). */
  leaseMs?: number;
  /** Where to LISTEN for new rows; without it the dispatcher only polls. */
  databaseUrl?: string;
}

/** A row whose send failed waits 1 s, 2 s, 4 s … up to a minute (the notify activity's retry policy) before its next attempt. */
export const backoffMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60_000);

/**
 * Claims the earliest pending row that heads its recipient's queue within its case (no earlier row of the same case
 * and recipient still pending, whether leased, backing off or being sent), so a recipient's messages go out in
 * order while other recipients are not held up; a refused (failed) row no longer holds the queue. SKIP LOCKED lets
 * several workers claim side by side; the lease (lease_until past now) keeps the row theirs once the claim
 * commits, and gives it back if the worker dies.
 */
async function claim(db: Db, leaseMs: number): Promise<(ClaimedNotification & { attempts: number }) | undefined> {
  const [row] = await db.$queryRaw<(Omit<ClaimedNotification, 'body'> & { body: Prisma.JsonValue; attempts: number })[]>`
    UPDATE "notification" n SET "lease_until" = now() + make_interval(secs => ${leaseMs / 1000}), "attempts" = n."attempts" + 1
    FROM (
      SELECT h."id" FROM "notification" h
      WHERE h."status" = 'pending' AND (h."lease_until" IS NULL OR h."lease_until" < now())
        AND NOT EXISTS (
          SELECT 1 FROM "notification" e
          WHERE e."case_id" = h."case_id" AND e."recipient" = h."recipient" AND e."status" = 'pending' AND e."id" < h."id")
      ORDER BY h."id"
      LIMIT 1
      FOR UPDATE OF h SKIP LOCKED
    ) claimed
    WHERE n."id" = claimed."id"
    RETURNING n."id", n."idempotency_key" AS "idempotencyKey", n."case_id" AS "caseId", n."recipient", n."template", n."rule_id" AS "ruleId", n."body", n."attempts"`;
  return row;
}

/**
 * Sends the notification outbox from the worker process, `concurrency` rows at a time, until stopped: cases enqueue
 * their notifications (enqueue.ts) and go on. Exactly once as the notify activity was: a row is claimed with a
 * lease before its send and marked after; the one window left, a crash between the send and the mark, resends
 * with the same key, which receivers de-duplicate. Woken by NOTIFY when a row is written; polls as well, for
 * backoffs and leases that ran out, and while the LISTEN connection is down.
 */
export function startNotificationDispatcher(db: Db, notifier: Notifier, options: DispatcherOptions, log: (message: string) => void = () => undefined) {
  const { concurrency, pollMs, leaseMs = 45_000, databaseUrl, ...send } = options;
  const sendClaimed = createSendNotification(db, notifier, send);
  let stopping = false;
  const { pause, wakeAll } = idlePauses();

  let listener: Client | undefined;
  async function listen(): Promise<void> {
    if (!databaseUrl || listener || stopping) return;
    const client = new Client({ connectionString: databaseUrl });
    listener = client;
    // A lost connection (a database restart) leaves the dispatcher polling until the next lane listens again.
    client.on('error', () => {
      if (listener === client) listener = undefined;
      void client.end().catch(() => undefined);
    });
    client.on('notification', wakeAll);
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel}`);
    } catch {
      if (listener === client) listener = undefined;
      await client.end().catch(() => undefined);
    }
  }

  async function lane(): Promise<void> {
    while (!stopping) {
      let row: Awaited<ReturnType<typeof claim>>;
      try {
        await listen();
        row = await claim(db, leaseMs);
      } catch (error) {
        log(`notification dispatch: could not claim a row: ${safeErrorMessage(error)}`);
      }
      if (!row) {
        await pause(pollMs);
        continue;
      }
      // The send records its own failure and backoff on the row; a refusal marks it failed.
      await sendClaimed(row, backoffMs(row.attempts)).catch(() => undefined);
    }
  }

  const lanes = Array.from({ length: concurrency }, () => lane());
  return {
    /** Lets the sends in flight finish, then stops. */
    async stop(): Promise<void> {
      stopping = true;
      wakeAll();
      await Promise.all(lanes);
      await listener?.end().catch(() => undefined);
    },
  };
}

export type NotificationDispatcher = ReturnType<typeof startNotificationDispatcher>;
