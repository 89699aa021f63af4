import { z } from 'zod';
import type { CsvLayout } from '../bulk/read-records';
import { codesInForceFrom, isAttendanceCode } from '../../domain/attendance/codes';
import { isoDateSchema, upnSchema, urnSchema } from '../../domain/field-schemas';

/** The columns of an attendance CSV (all required) and the JSON keys they stand for. */
const columns = { school_urn: 'schoolUrn', upn: 'upn', date: 'date', session: 'session', code: 'code' };
export const markLayout: CsvLayout = { columns, required: Object.keys(columns) };

/**
 * One register mark, as a school's MIS exports it (SAR24 reg 10; codes of August 2024), checked against the
 * English date the upload began (`today`), once for the whole upload.
 */
export const markRowAsOf = (today: string) => z.strictObject({
  schoolUrn: urnSchema,
  upn: upnSchema,
  date: isoDateSchema
    .refine((date) => date >= codesInForceFrom, `must be on or after ${codesInForceFrom}, when the 2024 codes came into force`)
    .refine((date) => date <= today, 'must not be in the future'),
  session: z.string().trim().toUpperCase().pipe(z.enum(['AM', 'PM'], 'must be AM or PM')),
  code: z.string().trim().toUpperCase().refine(isAttendanceCode, 'must be a national attendance code of 2024 (e.g. /, \\, L, I, N, G, O, U, C2, Y1)'),
});
