import type { Prisma } from '@prisma/client';
import { safeErrorMessage } from '../../db/error-summary';
import type { Db } from '../../db/prisma';
import { channelOf } from './directory';
import type { Channel, Notifier } from './notifier';
import { isRefusal } from './refusal';
import { renderNotification } from './templates';

/** An outbox row its sender holds the lease of: everything needed to render and send it. */
export interface ClaimedNotification {
  id: bigint;
  idempotencyKey: string;
  caseId: string;
  recipient: string;
  template: string;
  ruleId: string | null;
  body: Prisma.JsonValue;
}

export interface SendOptions {
  /** Where staff open a case in the web UI (PUBLIC_URL); messages to LA staff and schools link to it. */
  publicUrl?: string;
}

/**
 * Sends one claimed row over its recipient's channel and settles it: `sent`, or `failed` when the receiver refused
 * it for good (the case goes on). Any other error is recorded on the row and thrown; its lease then ends after
 * `retryInMs` (0: at once, for a sender that is retried from outside, the notify activity). `channel`: as read
 * before the claim, so the lease covers the send alone. Shared by the notify activity (cases begun before the
 * outbox) and the worker's dispatcher.
 */
export function createSendNotification(db: Db, notifier: Notifier, { publicUrl }: SendOptions = {}) {
  return async function sendClaimed(row: ClaimedNotification, retryInMs = 0, channel?: Channel): Promise<'sent' | 'failed'> {
    channel ??= await channelOf(db, row.recipient);
    const message = { caseId: row.caseId, recipient: row.recipient, template: row.template, ...(row.ruleId ? { ruleId: row.ruleId } : {}) };
    try {
      const caseFacts = await db.case.findUniqueOrThrow({ where: { id: row.caseId }, select: { laCode: true, schoolUrn: true, stage: true } });
      const rendered = renderNotification({ message, facts: caseFacts, ...(publicUrl ? { publicUrl } : {}), ...(row.body ? { deletionReturn: row.body as Record<string, unknown> } : {}) });
      await notifier.send({ ...message, idempotencyKey: row.idempotencyKey, ...rendered }, channel);
    } catch (error) {
      const refusedForGood = isRefusal(error);
      // Database time, so workers' clocks do not matter.
      await db.$executeRaw`
        UPDATE "notification" SET "lease_until" = CASE WHEN ${retryInMs}::int > 0 THEN now() + make_interval(secs => ${retryInMs / 1000}) END,
          "last_error" = ${safeErrorMessage(error).slice(0, 300)}, "transport" = ${channel.transport},
          "status" = CASE WHEN ${refusedForGood} THEN 'failed' ELSE "status" END
        WHERE "id" = ${row.id}`;
      if (refusedForGood) return 'failed';
      throw error;
    }
    await db.notification.update({ where: { id: row.id }, data: { status: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null, transport: channel.transport } });
    return 'sent';
  };
}

export type SendNotification = ReturnType<typeof createSendNotification>;
