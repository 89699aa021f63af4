import { z } from 'zod';
import { planOwners } from '../domain/support/plan';
import { inclusionReasons, termSeasons } from '../domain/support/targeted-support';
import { supportChanges } from '../read-model/attendance-series';

const isoDate = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });
const percent = z.union([z.number(), z.null()]).meta({ description: 'Present sessions over possible ones, in percent to one decimal place; null with no possible session' });
const categories = z.enum(['present', 'authorised_absence', 'unauthorised_absence', 'exceptional', 'not_counted']);

const figures = {
  possibleSessions: z.int().meta({ description: 'Sessions coded present, authorised or unauthorised absent (EES): exceptional and not-counted codes are none' }),
  present: z.int(),
  authorisedAbsence: z.int(),
  unauthorisedAbsence: z.int(),
  attendancePercent: percent,
};

/** GET /v1/cases/{caseId}/attendance: the pupil's school year week by week, and where the case's support changed. */
export const attendanceSeriesBody = z
  .object({
    caseId: z.string(),
    schoolYear: z.string().meta({ examples: ['2026/27'] }),
    from: isoDate,
    weeks: z.array(z.object({ weekOf: isoDate.meta({ description: 'The Monday of the week' }), ...figures, codes: z.array(z.object({ code: z.string(), category: categories, sessions: z.int() })) }).meta({ id: 'AttendanceWeek' })),
    total: z.object(figures),
    supportChanges: z.array(
      z.object({ at: dateTime, weekOf: isoDate, action: z.enum(supportChanges), actor: z.string(), changed: z.record(z.string(), z.string()).meta({ description: 'The coded fields of the change: to (stage), code (barrier), owner and what (action), status, nextStep (review)' }) }),
    ),
  })
  .meta({ id: 'AttendanceSeries', description: "The case's pupil's attendance this school year, week by week from the attendance feed, with the support changes to mark on it" });

export const targetedSupportQuery = z.strictObject({
  term: z.string().regex(new RegExp(`^\\d{4}-(${termSeasons.join('|')})$`), 'must be a school year and term, e.g. 2026-autumn (autumn, spring or summer)').meta({ examples: ['2026-autumn'] }),
});

/** GET /v1/schools/{urn}/targeted-support: the pupils the termly targeted support meeting discusses. */
export const targetedSupportBody = z
  .object({
    urn: z.string(),
    term: z.string(),
    from: isoDate,
    to: isoDate,
    ratesFrom: isoDate.meta({ description: 'Absence rates are over the school year from this day to the term\'s end' }),
    pupils: z.array(
      z.object({
        pupilId: z.uuid(),
        upn: z.union([z.string(), z.null()]),
        name: z.union([z.string(), z.null()]),
        senStatus: z.string(),
        yearGroup: z.union([z.string(), z.null()]),
        reasons: z.array(z.enum(inclusionReasons)).min(1),
        possibleSessions: z.int(),
        absentSessions: z.int(),
        attendancePercent: percent,
        caseId: z.union([z.string(), z.null()]).meta({ description: 'The open case the outcome is recorded on (POST /v1/cases/{caseId}/support-actions); null: the outcome opens one through POST /v1/concerns' }),
        caseStage: z.union([z.string(), z.null()]),
        lapsedActions: z.array(z.object({ actionId: z.string(), owner: z.enum(planOwners), what: z.string(), dueAt: dateTime })),
      }).meta({ id: 'TargetedSupportPupil' }),
    ),
  })
  .meta({ id: 'TargetedSupportList', description: 'The pupils on the school\'s roll its termly targeted support meeting discusses (TSM-TERMLY), each with why' });

export type AttendanceSeriesBody = z.infer<typeof attendanceSeriesBody>;
export type TargetedSupportBody = z.infer<typeof targetedSupportBody>;
