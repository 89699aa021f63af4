import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../config/env';
import { resolveDataDir } from '../config/paths';
import { PayloadKeyRing } from './payload-codec';

/**
 * The payload keys from PAYLOAD_KEYS. Outside production, a missing setting falls back to a key generated
 * once into the data folder (mode 600), so the dev stack's cases stay readable across restarts.
 */
export function loadPayloadKeys(env: Pick<Env, 'PAYLOAD_KEYS' | 'NODE_ENV' | 'DATA_DIR'>): PayloadKeyRing {
  if (env.PAYLOAD_KEYS) return PayloadKeyRing.parse(env.PAYLOAD_KEYS);
  if (env.NODE_ENV === 'production') throw new Error('PAYLOAD_KEYS is required in production: id:base64key of a 32-byte key, current first');
  const file = path.join(resolveDataDir(env.DATA_DIR), 'payload-keys');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `dev-1:${crypto.randomBytes(32).toString('base64')}`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // The worker and the API start together: whichever wrote first made the key; both read it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return PayloadKeyRing.parse(fs.readFileSync(file, 'utf8'));
}
