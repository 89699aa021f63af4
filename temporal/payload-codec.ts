import crypto from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/** Marks a payload this codec encrypted; anything else (older, plain payloads) passes through untouched. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  /** 32 bytes for AES-256. */
  key: Buffer;
}

/** The key ring: the first key encrypts; every key decrypts, so payloads written before a rotation still read. */
export class PayloadKeyRing {
  readonly current: PayloadKey;
  private readonly byId: Map<string, Buffer>;

  constructor(keys: PayloadKey[]) {
    const [current] = keys;
    if (!current) throw new Error('the payload key ring is empty');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`payload key ${id} must be 32 bytes (AES-256), got ${key.length}`);
    }
    this.current = current;
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  key(id: string): Buffer {
    const key = this.byId.get(id);
    if (!key) throw new Error(`no payload key ${id} in the key ring; add it to PAYLOAD_KEYS to read these payloads`);
    return key;
  }

  /** `PAYLOAD_KEYS` format: `id:base64key` entries separated by commas, the current key first. */
  static parse(spec: string): PayloadKeyRing {
    return new PayloadKeyRing(
      spec.split(',').map((entry) => {
        const [id, encoded] = entry.trim().split(':');
        if (!id || !encoded) throw new Error('PAYLOAD_KEYS entries are id:base64key, separated by commas');
        return { id, key: Buffer.from(encoded, 'base64') };
      }),
    );
  }
}

/**
 * AES-256-GCM over whole payloads (metadata and data), shared by the API's client and the worker: Temporal
 * stores only ciphertext, tagged with the id of the key that made it.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys.current;
    return payloads.map((payload) => {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(id) }, data: sealed };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.encoding ?? []).toString() !== ENCRYPTED_ENCODING) return payload;
      const keyId = Buffer.from(payload.metadata?.[KEY_ID_METADATA] ?? []).toString();
      const sealed = Buffer.from(payload.data ?? []);
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.keys.key(keyId), sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain) as Payload;
    });
  }
}
