import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';
import { isValidLaCode, isValidUpn, isValidUrn } from './identifiers';

/** The identifiers and dates every input names, checked the same way wherever they arrive (API body, upload row). */
export const urnSchema = z.string().trim().refine(isValidUrn, 'must be a 6-digit URN');
export const laCodeSchema = z.string().trim().refine(isValidLaCode, 'must be a 3-digit LA code');
export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD');
export const upnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter');
