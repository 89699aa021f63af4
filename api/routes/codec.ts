import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, type PayloadKeyRing } from '../../temporal/payload-codec';
import { requireRole } from '../../domain/access';
import { authenticate, principalOf } from '../auth/authenticate';
import { clearCodecCookie, codecToken, setCodecCookie } from '../auth/codec-cookie';
import type { TokenVerifier } from '../auth/token-verifier';
import { ApiError } from '../errors';
import { parseOr400 } from '../validate';

/** Temporal's remote codec protocol: payloads as JSON, bytes as base64. */
const jsonPayloads = z.strictObject({
  payloads: z.array(z.strictObject({ metadata: z.record(z.string(), z.base64()).optional(), data: z.base64().optional() })).max(1000),
});

const toPayload = (json: z.infer<typeof jsonPayloads>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
  data: Buffer.from(json.data ?? '', 'base64'),
});
const toJson = (payload: Payload) => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});

/** The Temporal UI's origin, and only it, may call the codec from the browser with credentials. */
function cors(origin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (origin && req.get('origin') === origin) {
      res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': 'authorization, content-type, x-namespace', 'Access-Control-Allow-Methods': 'POST' });
    }
    if (req.method === 'OPTIONS') return void res.sendStatus(204);
    next();
  };
}

/**
 * `/codec/encode` and `/codec/decode` for the Temporal UI and CLI (`--codec-endpoint`): LA staff who may read
 * case histories see them decrypted; anyone else gets 401 or 403 and ciphertext stays ciphertext. The CLI sends a
 * bearer token; the Temporal UI sends the cookie `POST /codec/session` sets (see api/auth/codec-cookie.ts).
 */
export function codecRouter(keys: PayloadKeyRing, verify: TokenVerifier, temporalUiOrigin: string | undefined): Router {
  const codec = new AesGcmPayloadCodec(keys);
  const router = Router();
  router.use('/codec', cors(temporalUiOrigin));
  // Signing out clears the cookie whatever became of the token.
  router.delete('/codec/session', (req, res) => {
    clearCodecCookie(req, res);
    res.sendStatus(204);
  });
  router.use('/codec', authenticate(verify, codecToken(temporalUiOrigin)), (_req, res, next) => {
    requireRole(principalOf(res), ['la_cme_officer', 'la_send_officer', 'manager']);
    next();
  });
  router.post('/codec/session', (req, res) => {
    if (!temporalUiOrigin) throw new ApiError(404, 'not_found', 'no Temporal UI is configured');
    setCodecCookie(req, res);
    res.sendStatus(204);
  });
  for (const direction of ['encode', 'decode'] as const) {
    router.post(`/codec/${direction}`, async (req, res) => {
      const { payloads } = parseOr400(jsonPayloads, req.body);
      res.json({ payloads: (await codec[direction](payloads.map(toPayload))).map(toJson) });
    });
  }
  return router;
}
