import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadKeyRing } from '../../temporal/payload-codec';
import { loadPayloadKeys } from '../../temporal/payload-keys';
import { testPayloadKeys } from '../helpers/payload-keys';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const secret = { reason: 'Rowan Testchild is home educated at 12 Juniper Wharf' };

describe('AES-256-GCM payload codec', () => {
  const codec = new AesGcmPayloadCodec(testPayloadKeys);

  it('stores ciphertext only, tagged with the current key id, and decrypts to the same payload', async () => {
    const payload = defaultPayloadConverter.toPayload(secret);
    const [sealed] = await codec.encode([payload]);
    expect(Buffer.from(sealed!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(sealed!.metadata![KEY_ID_METADATA]!).toString()).toBe('test-2');
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('Testchild');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(secret);
  });

  it('reads payloads written under an older key after rotation, and names a key it does not hold', async () => {
    const before = new AesGcmPayloadCodec(new PayloadKeyRing([{ id: 'test-1', key: Buffer.alloc(32, 1) }]));
    const [old] = await before.encode([defaultPayloadConverter.toPayload(secret)]);
    expect(defaultPayloadConverter.fromPayload((await codec.decode([old!]))[0]!)).toEqual(secret);
    const stranger = new AesGcmPayloadCodec(new PayloadKeyRing([{ id: 'other', key: Buffer.alloc(32, 9) }]));
    await expect(stranger.decode([old!])).rejects.toThrow(/no payload key test-1/);
  });

  it('refuses a tampered payload (GCM authentication) and passes plain payloads through', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(secret)]);
    const data = Buffer.from(sealed!.data!);
    data[20] = (data[20] ?? 0) ^ 1;
    await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow();
    const plain = defaultPayloadConverter.toPayload({ old: 'history' });
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('parses PAYLOAD_KEYS, refuses short keys, requires keys in production and keeps a dev key across restarts', () => {
    const ring = PayloadKeyRing.parse(`k2:${Buffer.alloc(32, 7).toString('base64')}, k1:${Buffer.alloc(32, 8).toString('base64')}`);
    expect(ring.current.id).toBe('k2');
    expect(() => PayloadKeyRing.parse(`k:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => loadPayloadKeys({ NODE_ENV: 'production', DATA_DIR: '.data', PAYLOAD_KEYS: undefined })).toThrow(/PAYLOAD_KEYS is required in production/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-keys-'));
    const first = loadPayloadKeys({ NODE_ENV: 'development', DATA_DIR: dir, PAYLOAD_KEYS: undefined });
    const again = loadPayloadKeys({ NODE_ENV: 'development', DATA_DIR: dir, PAYLOAD_KEYS: undefined });
    expect(again.current.key.equals(first.current.key)).toBe(true);
    expect(fs.statSync(path.join(dir, 'payload-keys')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
