import { z } from 'zod';
import type { CsvLayout } from '../bulk/read-records';
import { codesOf, sexCodes, yearGroups } from '../../domain/collection/lists';
import { isoDateSchema, laCodeSchema, textSchema as text, upnSchema, urnSchema } from '../../domain/field-schemas';

/** Y/N in a CSV cell, or a JSON boolean. */
const yesNo = z.union(
  [
    z.boolean(),
    z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(['Y', 'N', 'YES', 'NO', 'TRUE', 'FALSE']))
      .transform((value) => value.startsWith('Y') || value === 'TRUE'),
  ],
  'must be Y or N',
);

/** SEN provision as the school census codes it (N, K, E) or as this API names it. */
const senStatus = z
  .string()
  .trim()
  .transform((value) => ({ N: 'none', K: 'sen_support', E: 'ehc_plan' })[value.toUpperCase()] ?? value.toLowerCase())
  .pipe(z.enum(['none', 'sen_support', 'ehc_plan'], 'must be N, K or E (census), or none, sen_support, ehc_plan'));

/** Sex and year group as the school census codes them (domain/collection/lists.ts). */
const sex = z.string().trim().toUpperCase().pipe(z.enum(codesOf(sexCodes) as [string, ...string[]], 'must be M, F or U'));
const yearGroup = z.string().trim().toUpperCase().pipe(z.enum(codesOf(yearGroups) as [string, ...string[]], 'must be R or 1 to 11'));

/** The school register CSV: `urn,name,la_code,is_special`. */
export const schoolLayout: CsvLayout = { columns: { urn: 'urn', name: 'name', la_code: 'laCode', is_special: 'isSpecial' }, required: ['urn', 'name', 'la_code'] };
export const schoolRow = z.strictObject({
  urn: urnSchema,
  name: text(200),
  laCode: laCodeSchema,
  isSpecial: yesNo.optional().transform((value) => value ?? false),
});

/**
 * The pupil register CSV: one row per pupil on a school's roll, or who left it. The SEN columns drive the
 * case's consent gate (a special-school place arranged by the LA); the name and address are what a deletion
 * return must carry (SAR24 reg 13(4)); sex and year group (or the date of birth) are what the termly CME and EHE
 * return counts by.
 */
export const pupilLayout: CsvLayout = {
  columns: {
    school_urn: 'schoolUrn', upn: 'upn', sen_status: 'senStatus', placed_by_la: 'placedByLa', leaving_date: 'leavingDate',
    standard_transition: 'standardTransition', given_name: 'givenName', family_name: 'familyName', date_of_birth: 'dateOfBirth', address: 'address',
    sex: 'sex', year_group: 'yearGroup',
  },
  required: ['school_urn', 'upn'],
};
export const pupilRow = z
  .strictObject({
    schoolUrn: urnSchema,
    upn: upnSchema,
    senStatus: senStatus.optional().transform((value) => value ?? 'none'),
    placedByLa: yesNo.optional().transform((value) => value ?? false),
    leavingDate: isoDateSchema.optional(),
    standardTransition: yesNo.optional().transform((value) => value ?? false),
    givenName: text(100).optional(),
    familyName: text(100).optional(),
    dateOfBirth: isoDateSchema.optional(),
    address: text(400).optional(),
    sex: sex.optional(),
    yearGroup: yearGroup.optional(),
  })
  .refine((row) => (row.givenName === undefined) === (row.familyName === undefined), { message: 'given and family name come together', path: ['familyName'] });
