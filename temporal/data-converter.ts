import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, type PayloadKeyRing } from './payload-codec';

/** What client and worker both use: the default JSON converter, then AES-256-GCM on every payload. */
export function caseDataConverter(keys: PayloadKeyRing): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)] };
}
