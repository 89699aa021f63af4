import type { Env } from '../../config/env';
import { demoUsers } from './demo-users';
import { createDevIssuer, type DevIssuer } from './dev-issuer';
import { createTokenVerifier, remoteKeys, type TokenVerifier } from './token-verifier';

export interface Auth {
  verify: TokenVerifier;
  /** Present in dev mode only: signs the demo users' tokens for the login page. */
  devIssuer?: DevIssuer;
}

/** Dev mode signs and verifies its own demo tokens; jwks mode trusts only the configured provider's keys. */
export async function createAuth(env: Pick<Env, 'AUTH_MODE' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_JWKS_URL'>): Promise<Auth> {
  const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = env;
  if (env.AUTH_MODE === 'jwks') {
    if (!env.AUTH_JWKS_URL) throw new Error('AUTH_JWKS_URL is required when AUTH_MODE=jwks');
    return { verify: createTokenVerifier({ issuer, audience, keys: remoteKeys(env.AUTH_JWKS_URL) }) };
  }
  const devIssuer = await createDevIssuer({ issuer, audience, users: demoUsers });
  return { verify: createTokenVerifier({ issuer, audience, keys: devIssuer.keys }), devIssuer };
}
