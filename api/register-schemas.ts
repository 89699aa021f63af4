import { z } from 'zod';
import { isoDateSchema, laCodeSchema } from '../domain/field-schemas';

// The registers' and the termly return's requests and answers: the routes type their bodies with these and the
// OpenAPI document declares them.

const dateTime = z.iso.datetime({ offset: true });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const returnParams = z.strictObject({ laCode: laCodeSchema, censusDate: isoDateSchema });
export const returnItemParams = returnParams.extend({ item: z.string().regex(/^[A-Za-z0-9_]{3,80}$/, 'must be an item of the return') });
export const returnQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

const censusChild = {
  pupilId: z.uuid(),
  upn: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  dateOfBirth: isoDay.nullable(),
  sex: z.string().meta({ description: 'M, F, or U (not known)' }),
  yearGroup: z.string().meta({ description: 'R, 1-11, or not_known' }),
  senStatus: z.string().meta({ description: 'none, sen_support or ehc_plan' }),
};

const registerChild = {
  ...censusChild,
  caseId: z.string(),
  since: dateTime.meta({ description: 'When this status began, without a break since' }),
  reason: z.string().nullable().meta({ description: "A code of the LA's reason list (CME-REASONS or EHE-REASONS); null while not known" }),
  reasonLabel: z.string().nullable(),
};

const page = { register: z.enum(['cme', 'ehe']), laCode: z.string(), asOf: dateTime, total: z.int().min(0), page: z.int().min(1), pageSize: z.int().min(1), notHeld: z.array(z.string()) };

export const cmeRegisterBody = z
  .object({
    ...page,
    items: z.array(
      z.object({
        ...registerChild,
        schoolUrn: z.string().nullable(),
        weeksMissing: z.int().min(0),
        lengthBand: z.string(),
        stage: z.string().nullable(),
        traceSteps: z.int().min(0),
        lastTraceStepAt: dateTime.nullable(),
        nextDeadlineAt: dateTime.nullable().meta({ description: "The case's next clock" }),
      }),
    ),
  })
  .meta({ id: 'CmeRegister', description: 'Children missing education now; `format=csv` gives the same rows as CSV' });

export const eheRegisterBody = z
  .object({ ...page, items: z.array(z.object({ ...registerChild, fromSchoolUrn: z.string().nullable() })) })
  .meta({ id: 'EheRegister', description: 'Children electively home educated now (those who became so through a case); `format=csv` gives CSV' });

const returnItem = {
  item: z.string(),
  label: z.string(),
  value: z.int().min(0).nullable().meta({ description: 'null when the engine does not hold the figure (held: false)' }),
  held: z.boolean(),
  note: z.string().optional(),
};

export const termlyReturnBody = z
  .object({ laCode: z.string(), censusDate: isoDay, items: z.array(z.object({ ...returnItem, drillDown: z.string() })) })
  .meta({ id: 'TermlyReturn', description: 'The termly CME and EHE return for a census date; `format=csv` gives item,label,value,held,note' });

export const returnItemBody = z
  .object({ laCode: z.string(), censusDate: isoDay, ...returnItem, children: z.array(z.object(censusChild)) })
  .meta({ id: 'TermlyReturnItem', description: 'The children counted in one figure of the return' });

export type CmeRegisterBody = z.infer<typeof cmeRegisterBody>;
export type EheRegisterBody = z.infer<typeof eheRegisterBody>;
export type TermlyReturnBody = z.infer<typeof termlyReturnBody>;
export type ReturnItemBody = z.infer<typeof returnItemBody>;
