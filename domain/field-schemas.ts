import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';
import { LA_CODE_SHAPE, UPN_SHAPE, URN_SHAPE, isValidUpn } from './identifiers';

/**
 * The identifiers and dates every input names, checked the same way wherever they arrive (API body, upload row).
 * The shapes are regexes so the OpenAPI document declares them as `pattern`; the examples pass every check.
 */
export const urnSchema = z.string().trim().regex(URN_SHAPE, 'must be a 6-digit URN').meta({ description: 'GIAS unique reference number of a school', examples: ['100001'] });
export const laCodeSchema = z.string().trim().regex(LA_CODE_SHAPE, 'must be a 3-digit LA code').meta({ description: 'Old-style 3-digit local authority code', examples: ['938'] });
export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').meta({ format: 'date', examples: ['2026-11-30'] });
export const upnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(UPN_SHAPE, 'must be a 13-character UPN with a valid check letter')
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter')
  .meta({ description: 'Unique pupil number: a check letter, then 12 characters (the letter is checked)', format: 'upn', examples: ['B801200005001'] });
