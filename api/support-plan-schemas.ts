import { z } from 'zod';
import { actionOutcomes, planOwners, planTextMax, reviewNextSteps, supportActionRule } from '../domain/support/plan';
import { textSchema } from '../domain/field-schemas';
import { partTimeTimetable } from './part-time-schemas';
import { sendRequestRecord } from './send-link-schemas';

/** The caller's idempotency key, as every decision's; it becomes the Update id and the barrier's, action's or review's id. */
const optionalId = z.uuid().optional();
const actionId = z.uuid().meta({ description: 'The id the action was added with' });

export const supportBarrierBody = z.strictObject({
  barrierId: optionalId,
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'must be a barrier code').meta({ description: "A code of the LA's SUPPORT-BARRIERS list (GET /v1/rules); another is refused, naming `code`" }),
});

export const supportActionBody = z.strictObject({
  actionId: optionalId,
  owner: z.enum(planOwners),
  what: textSchema(planTextMax.what).meta({ description: 'What the owner will do' }),
  dueInSchoolDays: z.int().min(1).max(supportActionRule.maxSchoolDays).meta({ description: "School days from today on the school's calendar" }),
});

export const supportActionStatusBody = z.strictObject({ decisionId: optionalId, actionId, status: z.enum(['done', 'dropped']) });

export const supportReviewBody = z.strictObject({
  reviewId: optionalId,
  outcomes: z.array(z.strictObject({ actionId, outcome: z.enum(actionOutcomes) })).max(100).meta({ description: 'One outcome for each open action' }),
  nextStep: z.enum(reviewNextSteps),
  note: textSchema(planTextMax.note),
});

/** Each support plan decision under /v1/cases/{caseId}/ (joined to the decision routes). */
export const supportPlanRoutes = {
  'support-barriers': { body: supportBarrierBody, summary: 'The school or LA records a barrier to attendance (WTISA) from the LA\'s list' },
  'support-actions': { body: supportActionBody, summary: 'The school or LA adds a support plan action: an owner, what they will do, due in school days; the owner is told' },
  'support-action-status': { body: supportActionStatusBody, summary: 'A support plan action is done or dropped' },
  'support-reviews': { body: supportReviewBody, summary: "A support review: each open action's outcome and the next step (continue, change, formalise, enforce)" },
} as const;

const dateTime = z.iso.datetime({ offset: true });

/** The plan as the case holds it: on the case page (GET /v1/cases/{caseId}) and in the export. */
export const supportPlanBody = z
  .object({
    version: z.int(),
    barriers: z.array(z.object({ barrierId: z.string(), code: z.string(), identifiedBy: z.string(), identifiedAt: dateTime })),
    actions: z.array(
      z.object({
        actionId: z.string(),
        owner: z.enum(planOwners),
        what: z.string(),
        dueInSchoolDays: z.int(),
        dueAt: dateTime,
        status: z.enum(['open', 'done', 'dropped']),
        assignedBy: z.string(),
        assignedAt: dateTime,
        lapsedAt: dateTime.optional(),
        statusChangedBy: z.string().optional(),
      }),
    ),
    reviews: z.array(
      z.object({
        reviewId: z.string(),
        reviewedBy: z.string(),
        reviewedAt: dateTime,
        outcomes: z.array(z.object({ actionId: z.string(), outcome: z.enum(actionOutcomes) })),
        nextStep: z.enum(reviewNextSteps),
        note: z.string(),
      }),
    ),
    timetables: z.array(partTimeTimetable).optional().meta({ description: 'Part-time timetables (T7), at most one in place; absent until the first' }),
    sendRequests: z.array(sendRequestRecord).optional().meta({ description: 'Requests to the SEND team; absent on plans from before the SEND link' }),
  })
  .meta({ id: 'SupportPlan', description: 'Barriers, actions with owners and due dates, reviews and requests to the SEND team of a support-first case' });

/** A support plan action past its due date and still open, as the inbox lists it on its case's row. */
export const lapsedAction = z.object({ actionId: z.string(), owner: z.enum(planOwners), what: z.string(), dueAt: dateTime });
