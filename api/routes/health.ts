import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/prisma';
import { withTemporalDeadline } from '../../temporal/case-deps';
import type { HealthBody } from '../response-schemas';

type Check = 'ok' | 'unreachable';

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return 'ok';
  } catch {
    return 'unreachable';
  }
}

/** Reachability of the two systems every request depends on; 503 when either is down. */
export function healthRouter(deps: { db: Db; temporal: Client; temporalDeadlineMs: number }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const [temporal, database] = await Promise.all([
      check(() => withTemporalDeadline(deps, () => deps.temporal.workflowService.getSystemInfo({}))),
      check(() => deps.db.$queryRaw`SELECT 1`),
    ]);
    const healthy = temporal === 'ok' && database === 'ok';
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', temporal, database } satisfies HealthBody);
  });
  return router;
}
