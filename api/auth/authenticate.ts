import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from '../errors';
import type { Principal } from '../../domain/principal';
import { InvalidTokenError, type TokenVerifier } from './token-verifier';

/** Where a request carries its token: undefined when it carries none; throws an ApiError for a carrier it may not use. */
export type TokenSource = (req: Request) => string | undefined;

export const bearerToken: TokenSource = (req) => /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(req.get('authorization') ?? '')?.[1];

/** Verifies the request's token (the bearer header by default); the principal is then read with `principalOf(res)`. */
export function authenticate(verify: TokenVerifier, tokenOf: TokenSource = bearerToken): RequestHandler {
  return async (req, res, next) => {
    res.set('WWW-Authenticate', 'Bearer');
    let token: string | undefined;
    try {
      token = tokenOf(req);
    } catch (error) {
      return next(error);
    }
    if (!token) return next(new ApiError(401, 'unauthenticated', 'a bearer token is required', 'authorization'));
    try {
      res.locals.principal = await verify(token);
      next();
    } catch (error) {
      next(error instanceof InvalidTokenError ? new ApiError(401, 'unauthenticated', error.message, 'authorization') : error);
    }
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('route mounted without authenticate()');
  return principal;
}
