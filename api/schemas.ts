import { z } from 'zod';
import { isoDateSchema, laCodeSchema, textSchema, upnSchema, urnSchema } from '../domain/field-schemas';
import { parseRecipient, recipientKinds } from '../domain/recipients';
import { webhookSecretName } from '../config/webhook-secrets';

export const newPupilReturnBody = z.strictObject({
  /** The school whose admission register the child was entered in. */
  schoolUrn: urnSchema,
  upn: upnSchema,
  registeredOn: isoDateSchema,
});

/** The dev sign-in: which demo user to sign a token for. */
export const devTokenRequest = z.strictObject({ userId: z.string().min(1).max(200).meta({ examples: ['demo-oak-attendance'] }) });

export const caseIdParams = z.strictObject({ caseId: z.uuid() });
export const uploadIdParams = z.strictObject({ uploadId: z.uuid() });

export const exportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

export const schoolUrnParams = z.strictObject({ urn: urnSchema });
export const schoolBody = z.strictObject({
  name: textSchema(200),
  laCode: laCodeSchema,
  /** A special school: LA-placed pupils there are not deleted without LA consent. */
  isSpecial: z.boolean().default(false),
});

export const laCodeParams = z.strictObject({ laCode: laCodeSchema });
export const termDatesBody = z.strictObject({
  terms: z
    .array(z.strictObject({ name: textSchema(60), start: isoDateSchema, end: isoDateSchema }))
    .max(60),
});

export const closuresBody = z.strictObject({
  closures: z.array(z.strictObject({ date: isoDateSchema, reason: textSchema(200) })).max(100),
});

/** Either `add` or `to`, never both: a conflict no schema of separate query parameters can declare, so 422 (calendars route). */
export const schoolDaysQuery = z.strictObject({ from: isoDateSchema, add: z.coerce.number().int().min(0).max(400).optional(), to: isoDateSchema.optional() });

export const ruleSettingParams = z.strictObject({ laCode: laCodeSchema, ruleId: z.string().min(1).max(40) });
/** Any JSON value but null; the rule's own setting schema checks it (422). */
export const ruleSettingBody = z.strictObject({ value: z.union([z.string(), z.number(), z.boolean(), z.array(z.unknown()), z.record(z.string(), z.unknown())]) });

/** A school's token names its URN (6 digits); every other party's its LA code (3 digits). */
const laKinds = Object.keys(recipientKinds).filter((kind) => kind !== 'school');
const recipientPattern = `^((${laKinds.join('|')}):\\d{3}|school:\\d{6})$`;

/** A party token as the cases address it: `la_cme_officer:938`, `school:100001`, `police:938` … */
export const notificationChannelParams = z.strictObject({
  recipient: z
    .string()
    .refine((token) => parseRecipient(token) !== undefined, 'must be a recipient such as la_cme_officer:938 or school:100001')
    .meta({ pattern: recipientPattern, examples: ['la_cme_officer:938', 'school:100001'] }),
});
/** How the recipient is reached; a webhook names its signing secret (WEBHOOK_SECRETS), never carries it. */
export const notificationChannelBody = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('console') }),
  z.strictObject({ transport: z.literal('smtp'), email: z.email({ pattern: z.regexes.html5Email }).max(254) }),
  z.strictObject({
    transport: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    secretName: z.string().regex(webhookSecretName, 'must be the name of a secret in WEBHOOK_SECRETS (letters, digits, _ or -)'),
  }),
]);
