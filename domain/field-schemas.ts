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

/**
 * What PostgreSQL text cannot hold: NUL, and a lone UTF-16 surrogate (not a character at all). Spelt with \u
 * escapes and matched by code point, so the published pattern means the same to a JSON Schema validator.
 */
const UNSTORABLE = '\\u0000\\uD800-\\uDFFF';
/** What String.prototype.trim removes: a text of only these is blank. */
const SPACE = '\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
const WELL_FORMED_TEXT = new RegExp(`^[^${UNSTORABLE}]*[^${UNSTORABLE}${SPACE}][^${UNSTORABLE}]*$`, 'u');

/**
 * Free text a person types (a name, a reason, an address): not blank, well-formed Unicode without NUL, at most
 * `max` characters (code points, as JSON Schema counts them); stored trimmed. The pattern and maxLength are published.
 */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .refine((text) => WELL_FORMED_TEXT.test(text), 'must be text that is not blank, without NUL or lone surrogates')
    .refine((text) => [...text].length <= max, `must be at most ${max} characters`)
    // Published without the `u` flag a pattern cannot carry; JSON Schema matches by code point anyway.
    .meta({ pattern: WELL_FORMED_TEXT.source, minLength: 1, maxLength: max });
export const upnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(UPN_SHAPE, 'must be a 13-character UPN with a valid check letter')
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter')
  .meta({ description: 'Unique pupil number: a check letter, then 12 characters (the letter is checked)', format: 'upn', examples: ['B801200005001'] });
