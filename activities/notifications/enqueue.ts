import type { Db } from '../../db/prisma';
import { outboxRow, type NotifyInput } from '../notify';

/** The channel the worker's dispatcher listens on, so a new row is sent at once rather than at its next poll. */
export const outboxChannel = 'notification_outbox';

/**
 * A step's notifications written to the outbox as pending rows, in one transaction: a local activity run inside the
 * step's workflow task (patched: notification-outbox). The dispatcher (dispatcher.ts) sends them. Keyed by
 * (case, step, recipient) and inserted ON CONFLICT DO NOTHING, so a retried or re-run activity writes nothing twice.
 */
export function createEnqueueNotifications(db: Db) {
  return async function enqueueNotifications({ notifications }: { notifications: NotifyInput[] }): Promise<void> {
    const rows = await Promise.all(notifications.map((input) => outboxRow(db, input)));
    await db.$transaction([
      db.notification.createMany({ data: rows, skipDuplicates: true }),
      // Delivered to listeners when the transaction commits.
      db.$executeRaw`SELECT pg_notify(${outboxChannel}, '')`,
    ]);
  };
}
