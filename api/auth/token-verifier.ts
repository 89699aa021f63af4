import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalClaims, toPrincipal } from './principal';
import type { Principal } from '../../domain/principal';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** The issuer's signing keys: a remote JWKS in production, the dev issuer's in-memory set for the demo. */
  keys: JWTVerifyGetKey;
}

export class InvalidTokenError extends Error {}

/** Asymmetric algorithms only: `none` and shared-secret HMAC tokens are refused whatever the header says. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl));
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  return async function verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, { issuer: options.issuer, audience: options.audience, algorithms: ALGORITHMS, clockTolerance: 30 }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('token expired');
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(`token rejected (${error.code})`);
      throw error;
    }
    const claims = principalClaims.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`token claims: ${claims.error.issues[0]?.path.join('.')} ${claims.error.issues[0]?.message}`);
    return toPrincipal(claims.data);
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
