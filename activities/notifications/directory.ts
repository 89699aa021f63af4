import type { Db } from '../../db/prisma';
import type { Channel } from './notifier';

/** Where a recipient is reached: its `notification_channel` row, or the console when it has none (the demo). */
export async function channelOf(db: Db, recipient: string): Promise<Channel> {
  const row = await db.notificationChannel.findUnique({ where: { recipient } });
  if (row?.transport === 'smtp' && row.email) return { transport: 'smtp', email: row.email };
  if (row?.transport === 'webhook' && row.url && row.secretName) return { transport: 'webhook', url: row.url, secretName: row.secretName };
  return { transport: 'console' };
}
