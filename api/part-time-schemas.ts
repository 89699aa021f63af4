import { z } from 'zod';
import { isoDateSchema, textSchema } from '../domain/field-schemas';
import { timetableHours, timetableReviewOutcomes, timetableStatuses, timetableTextMax } from '../domain/support/part-time';

/** The caller's idempotency key, as every decision's; it becomes the Update id (and the timetable's at agreement). */
const optionalId = z.uuid().optional();
const hoursPerWeek = z
  .number()
  .min(timetableHours.min)
  .lt(timetableHours.fullTime)
  .meta({ description: `Hours a week in school: at least ${timetableHours.min}, fewer than a full-time week of ${timetableHours.fullTime}` });
const parentAgreed = z.boolean().meta({ description: 'The parent agreed to the timetable; false is refused, naming `parentAgreed`' });
const terms = {
  endDate: isoDateSchema.meta({ description: 'The last day on the timetable, by when the pupil is back full time' }),
  reviewDate: isoDateSchema.meta({ description: "No later than the end date, nor than the LA's PART-TIME-REVIEW days after the start" }),
  hoursPerWeek,
  parentAgreed,
};

export const partTimeTimetableBody = z.strictObject({
  timetableId: optionalId,
  startDate: isoDateSchema,
  ...terms,
  reason: textSchema(timetableTextMax.reason).meta({ description: 'Why the timetable is needed, as the school records it' }),
});

/** To extend, new terms agreed with the parent; to end (back to full time), none. */
export const partTimeReviewBody = z.strictObject({
  decisionId: optionalId,
  timetableId: z.uuid().meta({ description: 'The id the timetable was agreed with' }),
  outcome: z.enum(timetableReviewOutcomes),
  endDate: terms.endDate.optional(),
  reviewDate: terms.reviewDate.optional(),
  hoursPerWeek: hoursPerWeek.optional(),
  parentAgreed: parentAgreed.optional(),
  note: textSchema(timetableTextMax.note),
});

/** Each part-time timetable decision under /v1/cases/{caseId}/ (joined to the decision routes). */
export const partTimeRoutes = {
  'part-time-timetables': { body: partTimeTimetableBody, summary: 'The school records a part-time timetable agreed with the parent (T7, WTISA): start, end and review dates and hours; the LA is told where PART-TIME-NOTIFY asks' },
  'part-time-timetable-reviews': { body: partTimeReviewBody, summary: 'The school reviews the part-time timetable: extends it with new dates and hours agreed with the parent, or ends it (back to full time)' },
} as const;

const dateTime = z.iso.datetime({ offset: true });

/** A timetable as the case holds it, within its support plan. */
export const partTimeTimetable = z.object({
  timetableId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  reviewDate: z.string(),
  hoursPerWeek: z.number(),
  reason: z.string(),
  agreedBy: z.string(),
  agreedAt: dateTime,
  status: z.enum(timetableStatuses),
  raised: z.array(z.object({ lapse: z.enum(['review', 'end']), at: dateTime })).meta({ description: 'Its review or end date passed with it still in place' }),
  reviews: z.array(z.object({ reviewedBy: z.string(), reviewedAt: dateTime, outcome: z.enum(timetableReviewOutcomes), note: z.string() })),
});
