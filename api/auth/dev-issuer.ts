import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { z } from 'zod';
import type { principalClaims } from './principal';

export type DemoUser = z.input<typeof principalClaims>;

/**
 * The demo's identity provider: signs short-lived ES256 tokens for the demo users with a key made at start-up.
 * Enabled only with AUTH_MODE=dev; production verifies a real provider's tokens against its JWKS.
 */
export async function createDevIssuer(options: { issuer: string; audience: string; users: DemoUser[]; ttlSeconds?: number }) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'dev-1', alg: 'ES256', use: 'sig' };
  const ttl = options.ttlSeconds ?? 8 * 60 * 60;
  return {
    users: options.users,
    jwks: { keys: [publicJwk] },
    keys: createLocalJWKSet({ keys: [publicJwk] }),
    /** A token for any claims: the dev login uses the demo users; tests also make tokens for edge cases. */
    async sign(claims: DemoUser, overrides: { expiresIn?: string | number; audience?: string; issuer?: string } = {}): Promise<string> {
      const { sub, ...rest } = claims;
      return new SignJWT(rest)
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-1' })
        .setSubject(sub)
        .setIssuer(overrides.issuer ?? options.issuer)
        .setAudience(overrides.audience ?? options.audience)
        .setIssuedAt()
        .setExpirationTime(overrides.expiresIn ?? `${ttl}s`)
        .sign(privateKey);
    },
  };
}

export type DevIssuer = Awaited<ReturnType<typeof createDevIssuer>>;
