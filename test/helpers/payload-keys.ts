import { caseDataConverter } from '../../temporal/data-converter';
import { PayloadKeyRing } from '../../temporal/payload-codec';

/** Fixed test keys: `test-2` encrypts, `test-1` is an older key that still decrypts (rotation). */
export const testPayloadKeys = new PayloadKeyRing([
  { id: 'test-2', key: Buffer.alloc(32, 2) },
  { id: 'test-1', key: Buffer.alloc(32, 1) },
]);

export const testDataConverter = caseDataConverter(testPayloadKeys);

/** The same keys as PAYLOAD_KEYS, for workers started as separate processes. */
export const testPayloadKeysSpec = `test-2:${Buffer.alloc(32, 2).toString('base64')},test-1:${Buffer.alloc(32, 1).toString('base64')}`;
