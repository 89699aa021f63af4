import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, type PayloadKeyRing } from './payload-codec';

/**
 * What client and worker both use: the default JSON converter, then AES-256-GCM on every payload, failure
 * messages and stack traces included (temporal/failure-converter.ts).
 */
export function caseDataConverter(keys: PayloadKeyRing): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath: require.resolve('./failure-converter') };
}
