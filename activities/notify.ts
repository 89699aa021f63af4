import type { Db } from '../db/prisma';
import type { Prisma } from '@prisma/client';
import { composeDeletionReturn } from './notifications/deletion-return';
import type { NotificationMessage, Notifier } from './notifications/notifier';

export interface NotifyInput extends NotificationMessage {
  /** The case step this notification belongs to; with caseId and recipient it is the idempotency key. */
  step: string;
  /** Codes the message's body needs (e.g. a deletion return's ground and date); never personal data. */
  facts?: Record<string, string>;
}

/**
 * Sends through the outbox: the row keyed by (case, step, recipient) is claimed before sending and marked
 * sent after, so a retried activity does not send again once a send has been recorded.
 */
export function createNotify(db: Db, notifier: Notifier) {
  return async function notify(input: NotifyInput): Promise<void> {
    const idempotencyKey = `${input.caseId}:${input.step}:${input.recipient}`;
    // The body is composed here, from our register, so personal data stays out of Temporal.
    const body = input.template === 'deletion_return' ? await composeDeletionReturn(db, input.caseId, input.facts ?? {}) : undefined;
    const row = await db.notification.upsert({
      where: { idempotencyKey },
      create: {
        idempotencyKey,
        caseId: input.caseId,
        recipient: input.recipient,
        template: input.template,
        transport: notifier.transport,
        status: 'pending',
        ...(body ? { body: body as Prisma.InputJsonObject } : {}),
      },
      update: {},
    });
    if (row.status === 'sent') return;
    const { step: _step, facts: _facts, ...message } = input;
    await notifier.send(message);
    await db.notification.update({ where: { id: row.id }, data: { status: 'sent', sentAt: new Date() } });
  };
}
