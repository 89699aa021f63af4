import { Router } from 'express';
import { Prisma, type NotificationChannel } from '@prisma/client';
import type { Db } from '../../db/prisma';
import { requireRole } from '../../domain/access';
import { principalOf } from '../auth/authenticate';
import { ApiError } from '../errors';
import { notificationChannelBody, notificationChannelParams } from '../schemas';
import { parseOr400 } from '../validate';
import type { NotificationChannelViewBody } from '../response-schemas';

const view = ({ recipient, transport, email, url, secretName, updatedAt, updatedBy }: NotificationChannel): NotificationChannelViewBody => ({
  recipient,
  transport,
  ...(email ? { email } : {}),
  ...(url ? { url } : {}),
  ...(secretName ? { secretName } : {}),
  updatedAt: updatedAt.toISOString(),
  updatedBy,
});

const noChannel = () => new ApiError(404, 'not_found', 'no channel for this recipient: it is told on the console');

/** The notification directory (admin): how each party is reached. A recipient without one gets the console. */
export function notificationChannelsRouter(db: Db): Router {
  const router = Router();

  router.get('/notification-channels', async (_req, res) => {
    requireRole(principalOf(res), ['admin']);
    const channels = await db.notificationChannel.findMany({ orderBy: { recipient: 'asc' } });
    res.json({ channels: channels.map(view) });
  });

  router.get('/notification-channels/:recipient', async (req, res) => {
    requireRole(principalOf(res), ['admin']);
    const { recipient } = parseOr400(notificationChannelParams, req.params);
    const channel = await db.notificationChannel.findUnique({ where: { recipient } });
    if (!channel) throw noChannel();
    res.json(view(channel));
  });

  router.put('/notification-channels/:recipient', async (req, res) => {
    const principal = principalOf(res);
    requireRole(principal, ['admin']);
    const { recipient } = parseOr400(notificationChannelParams, req.params);
    const body = parseOr400(notificationChannelBody, req.body);
    const channel = {
      transport: body.transport,
      email: body.transport === 'smtp' ? body.email : null,
      url: body.transport === 'webhook' ? body.url : null,
      secretName: body.transport === 'webhook' ? body.secretName : null,
      updatedBy: `${principal.role}:${principal.userId}`,
    };
    const saved = await db.notificationChannel.upsert({ where: { recipient }, create: { recipient, ...channel }, update: channel });
    res.json(view(saved));
  });

  router.delete('/notification-channels/:recipient', async (req, res) => {
    requireRole(principalOf(res), ['admin']);
    const { recipient } = parseOr400(notificationChannelParams, req.params);
    // Messages already in the outbox keep the transport they were sent with; new ones go to the console.
    const removed = await db.notificationChannel.delete({ where: { recipient } }).catch((error: unknown) => {
      // P2025: no row to delete.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw noChannel();
      throw error;
    });
    res.json(view(removed));
  });

  return router;
}
