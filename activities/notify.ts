import { safeErrorMessage } from '../db/error-summary';
import type { Db } from '../db/prisma';
import type { Prisma } from '@prisma/client';
import { composeDeletionReturn } from './notifications/deletion-return';
import { channelOf } from './notifications/directory';
import type { NotificationMessage, Notifier } from './notifications/notifier';
import { isRefusal } from './notifications/refusal';
import { renderNotification } from './notifications/templates';

export interface NotifyInput extends NotificationMessage {
  /** The case step this notification belongs to; with caseId and recipient it is the idempotency key. */
  step: string;
  /** Codes the message's body needs (e.g. a deletion return's ground and date); never personal data. */
  facts?: Record<string, string>;
}

export interface NotifyOptions {
  /** Where staff open a case in the web UI (PUBLIC_URL); messages to LA staff and schools link to it. */
  publicUrl?: string;
  /**
   * How long a claim holds the row. Longer than the activity's 30 s start-to-close timeout, and every
   * transport bounds its own send well inside that, so a live sender always finishes before another may
   * claim the row; a crashed sender's row is free again once it runs out.
   */
  leaseMs?: number;
}

/**
 * Sends through the outbox. The row keyed by (case, step, recipient) is created pending, claimed with a
 * lease (one sender at a time, attempts counted) before sending, and marked sent after; a retried activity
 * finds it sent and sends nothing. A receiver's final refusal marks it failed and the case goes on; any other
 * error is retried by Temporal. The one window left, a crash between the send and the mark, resends with
 * the same key, which receivers de-duplicate (SMTP Message-ID, webhook Idempotency-Key).
 */
export function createNotify(db: Db, notifier: Notifier, { publicUrl, leaseMs = 45_000 }: NotifyOptions = {}) {
  return async function notify(input: NotifyInput): Promise<void> {
    const { step: _step, facts, ...message } = input;
    const idempotencyKey = `${input.caseId}:${input.step}:${input.recipient}`;
    // The body is composed here, from our register, so personal data stays out of Temporal.
    const body = input.template === 'deletion_return' ? await composeDeletionReturn(db, input.caseId, facts ?? {}) : undefined;
    const row = await db.notification.upsert({
      where: { idempotencyKey },
      create: {
        idempotencyKey,
        caseId: input.caseId,
        recipient: input.recipient,
        template: input.template,
        status: 'pending',
        ...(body ? { body: body as Prisma.InputJsonObject } : {}),
      },
      update: {},
    });
    if (row.status !== 'pending') return;
    const channel = await channelOf(db, input.recipient);
    // Database time, so workers' clocks do not matter.
    const claimed = await db.$executeRaw`
      UPDATE "notification" SET "lease_until" = now() + make_interval(secs => ${leaseMs / 1000}), "attempts" = "attempts" + 1, "transport" = ${channel.transport}
      WHERE "id" = ${row.id} AND "status" = 'pending' AND ("lease_until" IS NULL OR "lease_until" < now())`;
    if (claimed === 0) throw new Error(`notification ${row.id} is being sent by another attempt`);
    try {
      const caseFacts = await db.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { laCode: true, schoolUrn: true, stage: true } });
      const rendered = renderNotification({ message, facts: caseFacts, ...(publicUrl ? { publicUrl } : {}), ...(row.body ? { deletionReturn: row.body as Record<string, unknown> } : {}) });
      await notifier.send({ ...message, idempotencyKey, ...rendered }, channel);
    } catch (error) {
      const refusedForGood = isRefusal(error);
      await db.notification.update({
        where: { id: row.id },
        data: { leaseUntil: null, lastError: safeErrorMessage(error).slice(0, 300), ...(refusedForGood ? { status: 'failed' } : {}) },
      });
      if (refusedForGood) return;
      throw error;
    }
    await db.notification.update({ where: { id: row.id }, data: { status: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null } });
  };
}
