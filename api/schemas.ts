import { z } from 'zod';
import { concernReasons } from '../domain/case';
import { isValidLaCode, isValidUpn, isValidUrn } from '../domain/identifiers';

export const urnSchema = z.string().trim().refine(isValidUrn, 'must be a 6-digit URN');
export const laCodeSchema = z.string().trim().refine(isValidLaCode, 'must be a 3-digit LA code');
export const upnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter');

export const reportConcernBody = z.strictObject({
  schoolUrn: urnSchema,
  upn: upnSchema,
  reason: z.enum(concernReasons),
  /** The caller's idempotency key: the same report sent twice is recorded once. */
  reportId: z.uuid().optional(),
});

export const caseIdParams = z.strictObject({ caseId: z.uuid() });

export const schoolUrnParams = z.strictObject({ urn: urnSchema });
export const schoolBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  laCode: laCodeSchema,
});
