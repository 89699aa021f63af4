import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';
import { LA_CODE_SHAPE, UPN_SHAPE, URN_SHAPE, isValidUpn } from './identifiers';

/**
 * The identifiers and dates every input names, checked the same way wherever they arrive (API body, upload row).
 * The shapes are regexes so the OpenAPI document declares them as `pattern`; the examples pass every check.
 */
export const urnSchema = z.string().trim().regex(URN_SHAPE, 'must be a 6-digit URN').meta({ description: 'GIAS unique reference number of a school', examples: ['100001'] });
export const laCodeSchema = z.string().trim().regex(LA_CODE_SHAPE, 'must be a 3-digit LA code').meta({ description: 'Old-style 3-digit local authority code', examples: ['938'] });
/**
 * A calendar day from 1900 to 2199: no date this service records (a birth, a register mark, a closure) falls
 * outside, and year 53 or 9999 is a typing slip, not a day to store. The year range is the declared pattern.
 */
export const isoDateSchema = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD, from 1900 to 2199')
  .refine(isIsoDate, 'must be a date as YYYY-MM-DD, from 1900 to 2199')
  .meta({ format: 'date', examples: ['2026-11-30'] });

/** A lone UTF-16 surrogate: not a character, and not storable as PostgreSQL text. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Free text a person types (a name, a reason, an address): trimmed, not blank, bounded, well-formed Unicode. */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !LONE_SURROGATE.test(text), 'must be well-formed Unicode text (no lone surrogates)');
export const upnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(UPN_SHAPE, 'must be a 13-character UPN with a valid check letter')
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter')
  .meta({ description: 'Unique pupil number: a check letter, then 12 characters (the letter is checked)', format: 'upn', examples: ['B801200005001'] });
