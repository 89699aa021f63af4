import { z } from 'zod';
import { isoDateSchema, laCodeSchema, upnSchema, urnSchema } from '../domain/field-schemas';
import { parseRecipient, recipientKinds } from '../domain/recipients';
import { webhookSecretName } from '../config/webhook-secrets';

export const newPupilReturnBody = z.strictObject({
  /** The school whose admission register the child was entered in. */
  schoolUrn: urnSchema,
  upn: upnSchema,
  registeredOn: isoDateSchema,
});

export const caseIdParams = z.strictObject({ caseId: z.uuid() });
export const uploadIdParams = z.strictObject({ uploadId: z.uuid() });

export const exportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

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
  recipient: z
    .string()
    .refine((token) => parseRecipient(token) !== undefined, 'must be a recipient such as la_cme_officer:938 or school:100001')
    .meta({ pattern: `^(${Object.keys(recipientKinds).join('|')}):(\\d{3}|\\d{6})$`, examples: ['la_cme_officer:938', 'school:100001'] }),
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
