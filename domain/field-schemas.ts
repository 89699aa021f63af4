import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';
import { LA_CODE_SHAPE, UPN_SHAPE, URN_SHAPE, isValidUpn } from './identifiers';

/**
 * The identifiers and dates every input names, checked the same way wherever they arrive (API body, upload row).
 * The shapes are regexes so the OpenAPI document declares them as `pattern`; the examples pass every check. Each
 * is checked as sent, neither trimmed nor upper-cased first, so the code refuses what the published pattern
 * refuses (" 100001", a lower-case UPN); a CSV cell arrives trimmed by the upload's parser.
 */
export const urnSchema = z.string().regex(URN_SHAPE, 'must be a 6-digit URN').meta({ description: 'GIAS unique reference number of a school', examples: ['100001'] });
export const laCodeSchema = z.string().regex(LA_CODE_SHAPE, 'must be a 3-digit LA code').meta({ description: 'Old-style 3-digit local authority code', examples: ['938'] });
/**
 * A calendar day from 1900 to 2199: no date this service records (a birth, a register mark, a closure) falls
 * outside, and year 53 or 9999 is a typing slip, not a day to store. The year range is the declared pattern.
 */
export const isoDateSchema = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD, from 1900 to 2199')
  .refine(isIsoDate, 'must be a date as YYYY-MM-DD, from 1900 to 2199')
  .meta({ format: 'date', examples: ['2026-11-30'] });

/** What String.prototype.trim removes: a text of only these is blank. */
const SPACE = '\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
/**
 * Not blank and without NUL (PostgreSQL text cannot hold it). Spelt with \u escapes and no flag, so the published
 * pattern reads the same to JavaScript, to Python and to Rust's regex engines (outside fuzzers generate from it).
 */
const STORABLE_TEXT = new RegExp(`^[^\\u0000]*[^\\u0000${SPACE}][^\\u0000]*$`);
/** With the `u` flag a surrogate pair is one character, so this finds only a lone surrogate. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Free text a person types (a name, a reason, an address): not blank, without NUL, at most `max` characters
 * (code points, as JSON Schema counts them, before trimming); stored trimmed. The pattern and maxLength are
 * published and checked exactly as published. Also refused: a lone UTF-16 surrogate (PostgreSQL cannot store
 * it), which only a JSON `\uD800` escape can send; no pattern can say so, as a surrogate is no character to the
 * regex engines of JSON Schema tools, so the description says it.
 */
export const textSchema = (max: number) =>
  z
    .string()
    .refine((text) => !LONE_SURROGATE.test(text), 'must be well-formed Unicode, without lone surrogates')
    .regex(STORABLE_TEXT, 'must be text that is not blank, without NUL')
    .refine((text) => [...text].length <= max, `must be at most ${max} characters`)
    .trim()
    .meta({ pattern: STORABLE_TEXT.source, minLength: 1, maxLength: max, description: 'Text, not blank, without NUL or lone surrogates; stored trimmed' });
export const upnSchema = z
  .string()
  .regex(UPN_SHAPE, 'must be a 13-character UPN with a valid check letter')
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter')
  .meta({ description: 'Unique pupil number: a check letter, then 12 characters (the letter is checked)', format: 'upn', examples: ['B801200005001'] });
