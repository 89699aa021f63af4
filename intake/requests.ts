import { z } from 'zod';
import { concernReasons } from '../domain/case';
import { codesOf, sexCodes, yearGroups } from '../domain/collection/lists';
import { isoDateSchema, laCodeSchema, textSchema as text, upnSchema, urnSchema } from '../domain/field-schemas';

// What a concern or a referral carries into a case, checked at the API's edge before anything starts.

/**
 * 6 to 20 digits, spaces, brackets or hyphens, after an optional +; no space first or last, so the number is
 * checked as sent and as published (trimming after the check would accept what the pattern refuses).
 */
const phone = z.string().regex(/^\+?[0-9()-][0-9 ()-]{4,18}[0-9()-]$/, 'must be a telephone number (6 to 20 digits, spaces, brackets or hyphens, after an optional +)');

/**
 * Who the child is and how to reach the family: the data a deletion return carries (SAR24 reg 13(4)).
 * Kept in `child_details` only; Temporal sees the pupil's opaque id.
 */
export const childDetailsSchema = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  dateOfBirth: isoDateSchema.optional(),
  address: text(400).optional(),
  parents: z
    .array(z.strictObject({ name: text(200), relationship: text(60).optional(), address: text(400).optional(), phone: phone.optional() }))
    .max(6)
    .optional(),
  emergencyPhones: z.array(phone).max(6).optional(),
  /** Where the child went, where known: the return names the new school or address. */
  newSchoolUrn: urnSchema.optional(),
  newAddress: text(400).optional(),
  /** The census fields the termly CME and EHE return counts by (kept on the pupil, not with the personal data). */
  sex: z.enum(codesOf(sexCodes) as [string, ...string[]]).optional(),
  /** For a child whose date of birth is not known. */
  yearGroup: z.enum(codesOf(yearGroups) as [string, ...string[]]).optional(),
});
export type ChildDetailsInput = z.infer<typeof childDetailsSchema>;

export const reportConcernBody = z.strictObject({
  schoolUrn: urnSchema,
  upn: upnSchema,
  reason: z.enum(concernReasons).exclude(['referral_no_roll']),
  /** What the school knows of the child and family; needed for a deletion return (reg 13(4)). */
  child: childDetailsSchema.optional(),
  /** The pupil's SEN status and whether the LA arranged the place: the consent gate depends on both. */
  send: z.strictObject({ status: z.enum(['none', 'sen_support', 'ehc_plan']), placedByLa: z.boolean().default(false) }).optional(),
  /** The caller's idempotency key: the same report sent twice is recorded once. */
  reportId: z.uuid().optional(),
});

export const referrerKinds = ['public', 'agency', 'other_la', 'health', 'police', 'school', 'la_officer'] as const;

/** T15: anyone may refer a child who is on no school roll; the LA's CME enquiry starts (EA96 s436A). */
export const referralBody = z.strictObject({
  /** The LA in whose area the child is believed to be. */
  laCode: laCodeSchema,
  referrer: z.strictObject({ kind: z.enum(referrerKinds), organisation: text(200).optional() }),
  child: childDetailsSchema,
  /** When the child once had one; links the referral to a case already open for the child. */
  upn: upnSchema.optional(),
  /** The caller's idempotency key: the same referral sent twice is recorded once. */
  referralId: z.uuid().optional(),
});
