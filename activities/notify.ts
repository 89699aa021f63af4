import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { composeDeletionReturn } from './notifications/deletion-return';
import { channelOf } from './notifications/directory';
import type { NotificationMessage, Notifier } from './notifications/notifier';
import { createSendNotification, type SendOptions } from './notifications/send-notification';

export interface NotifyInput extends NotificationMessage {
  /** The case step this notification belongs to; with caseId and recipient it is the idempotency key. */
  step: string;
  /** Codes the message's body needs (e.g. a deletion return's ground and date); never personal data. */
  facts?: Record<string, string>;
}

export interface NotifyOptions extends SendOptions {
  /**
   * How long a claim holds the row. Longer than the activity's 30 s start-to-close timeout, and every
   * transport bounds its own send well inside that, so a live sender always finishes before another may
   * claim the row; a crashed sender's row is free again once it runs out.
   */
  leaseMs?: number;
}

/** The outbox row of one notification, pending: keyed by (case, step, recipient), so it is written once. */
export async function outboxRow(db: Db, input: NotifyInput): Promise<Prisma.NotificationCreateManyInput> {
  // The body is composed here, from our register, so personal data stays out of Temporal.
  const body = input.template === 'deletion_return' ? await composeDeletionReturn(db, input.caseId, input.facts ?? {}) : undefined;
  return {
    idempotencyKey: `${input.caseId}:${input.step}:${input.recipient}`,
    caseId: input.caseId,
    recipient: input.recipient,
    template: input.template,
    ruleId: input.ruleId ?? null,
    status: 'pending',
    ...(body ? { body: body as Prisma.InputJsonObject } : {}),
  };
}

/**
 * Sends through the outbox (cases begun before the dispatcher; newer ones enqueue, notifications/enqueue.ts).
 * The row keyed by (case, step, recipient) is created pending, claimed with a lease (one sender at a time,
 * attempts counted) before sending, and marked sent after; a retried activity finds it sent and sends nothing.
 * A receiver's final refusal marks it failed and the case goes on; any other error is retried by Temporal. The
 * one window left, a crash between the send and the mark, resends with the same key, which receivers
 * de-duplicate (SMTP Message-ID, webhook Idempotency-Key).
 */
export function createNotify(db: Db, notifier: Notifier, { leaseMs = 45_000, ...send }: NotifyOptions = {}) {
  const sendClaimed = createSendNotification(db, notifier, send);
  return async function notify(input: NotifyInput): Promise<void> {
    const create = await outboxRow(db, input);
    const row = await db.notification.upsert({ where: { idempotencyKey: create.idempotencyKey }, create, update: {} });
    if (row.status !== 'pending') return;
    const channel = await channelOf(db, input.recipient);
    // Database time, so workers' clocks do not matter.
    const claimed = await db.$executeRaw`
      UPDATE "notification" SET "lease_until" = now() + make_interval(secs => ${leaseMs / 1000}), "attempts" = "attempts" + 1
      WHERE "id" = ${row.id} AND "status" = 'pending' AND ("lease_until" IS NULL OR "lease_until" < now())`;
    if (claimed === 0) throw new Error(`notification ${row.id} is being sent by another attempt`);
    await sendClaimed(row, 0, channel);
  };
}
