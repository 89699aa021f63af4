import { Router } from 'express';
import type { DevIssuer } from '../auth/dev-issuer';
import { ApiError } from '../errors';
import type { DevTokenBody } from '../response-schemas';
import { devTokenRequest } from '../schemas';
import { parseOr400 } from '../validate';

/** The demo's sign-in: pick a demo user, get a bearer token. Mounted only when AUTH_MODE=dev. */
export function devLoginRouter(issuer: DevIssuer): Router {
  const router = Router();

  router.get('/dev/users', (_req, res) => {
    res.json({ users: issuer.users.map(({ sub, role, name, la, schools }) => ({ userId: sub, role, name, laCode: la, schoolUrns: schools ?? [] })) });
  });

  router.post('/dev/token', async (req, res) => {
    const { userId } = parseOr400(devTokenRequest, req.body);
    const user = issuer.users.find((candidate) => candidate.sub === userId);
    if (!user) throw new ApiError(422, 'unknown_user', `no demo user ${userId}`, 'userId');
    res.json({ token: await issuer.sign(user), tokenType: 'Bearer' } satisfies DevTokenBody);
  });

  router.get('/dev/jwks.json', (_req, res) => {
    res.json(issuer.jwks);
  });

  return router;
}
