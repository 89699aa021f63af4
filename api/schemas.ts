import { z } from 'zod';
import { concernReasons } from '../domain/case';
import { isIsoDate } from '../domain/calendar/iso-date';
import { isValidLaCode, isValidUpn, isValidUrn } from '../domain/identifiers';
import { parseRecipient } from '../domain/recipients';
import { webhookSecretName } from '../config/webhook-secrets';

export const urnSchema = z.string().trim().refine(isValidUrn, 'must be a 6-digit URN');
export const laCodeSchema = z.string().trim().refine(isValidLaCode, 'must be a 3-digit LA code');
export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD');
export const upnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUpn, 'must be a 13-character UPN with a valid check letter');

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a telephone number');

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
  referrer: z.strictObject({ kind: z.enum(referrerKinds), organisation: z.string().trim().min(1).max(200).optional() }),
  child: childDetailsSchema,
  /** When the child once had one; links the referral to a case already open for the child. */
  upn: upnSchema.optional(),
  /** The caller's idempotency key: the same referral sent twice is recorded once. */
  referralId: z.uuid().optional(),
});

export const newPupilReturnBody = z.strictObject({
  /** The school whose admission register the child was entered in. */
  schoolUrn: urnSchema,
  upn: upnSchema,
  registeredOn: isoDateSchema,
});

export const caseIdParams = z.strictObject({ caseId: z.uuid() });

export const exportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const caseListQuery = z.strictObject({
  stage: z.string().regex(/^[a-z_]{3,40}$/, 'must be a case stage').optional(),
  schoolUrn: urnSchema.optional(),
  send: queryBoolean.optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  /** `overdue`: a clock has run out; `due_soon`: one runs out within `dueWithinDays`. */
  deadline: z.enum(['overdue', 'due_soon']).optional(),
  dueWithinDays: z.coerce.number().int().min(1).max(60).default(5),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const schoolUrnParams = z.strictObject({ urn: urnSchema });
export const schoolBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  laCode: laCodeSchema,
  /** A special school: LA-placed pupils there are not deleted without LA consent. */
  isSpecial: z.boolean().default(false),
});


export const laCodeParams = z.strictObject({ laCode: laCodeSchema });
export const termDatesBody = z.strictObject({
  terms: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(60), start: isoDateSchema, end: isoDateSchema }))
    .max(60),
});

export const closuresBody = z.strictObject({
  closures: z.array(z.strictObject({ date: isoDateSchema, reason: z.string().trim().min(1).max(200) })).max(100),
});

export const schoolDaysQuery = z
  .strictObject({ from: isoDateSchema, add: z.coerce.number().int().min(0).max(400).optional(), to: isoDateSchema.optional() })
  .refine((query) => (query.add === undefined) !== (query.to === undefined), { message: 'give either add or to', path: ['add'] });

export const ruleSettingParams = z.strictObject({ laCode: laCodeSchema, ruleId: z.string().min(1).max(40) });
export const ruleSettingBody = z.strictObject({ value: z.unknown() });

/** A party token as the cases address it: `la_cme_officer:938`, `school:100001`, `police:938` … */
export const notificationChannelParams = z.strictObject({
  recipient: z.string().refine((token) => parseRecipient(token) !== undefined, 'must be a recipient such as la_cme_officer:938 or school:100001'),
});
/** How the recipient is reached; a webhook names its signing secret (WEBHOOK_SECRETS), never carries it. */
export const notificationChannelBody = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('console') }),
  z.strictObject({ transport: z.literal('smtp'), email: z.email().max(254) }),
  z.strictObject({
    transport: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    secretName: z.string().regex(webhookSecretName, 'must be the name of a secret in WEBHOOK_SECRETS (letters, digits, _ or -)'),
  }),
]);
