import type { Prisma } from '@prisma/client';
import type { Db } from '../../db/prisma';

/**
 * The outbox rows matching `where` once the worker's dispatcher has settled them all (none pending): cases enqueue
 * their notifications and answer, and the dispatcher sends them a moment later.
 */
export async function settledOutbox(db: Db, where: Prisma.NotificationWhereInput, timeoutMs = 60_000) {
  for (let waited = 0; ; waited += 100) {
    const rows = await db.notification.findMany({ where, orderBy: { id: 'asc' } });
    if (rows.length > 0 && rows.every((row) => row.status !== 'pending')) return rows;
    if (waited > timeoutMs) throw new Error(`outbox rows still pending after ${timeoutMs} ms: ${rows.filter((row) => row.status === 'pending').length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
