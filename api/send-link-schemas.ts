import { z } from 'zod';
import { textSchema } from '../domain/field-schemas';
import { sendAnswers, sendRequestKinds, sendTextMax } from '../domain/support/send-link';

const dateTime = z.iso.datetime({ offset: true });

export const sendRequestBody = z.strictObject({
  requestId: z.uuid().optional().meta({ description: 'The caller\'s idempotency key; it becomes the request\'s id' }),
  kind: z.enum(sendRequestKinds).meta({ description: 'early_ehcp_review for a pupil with an EHC plan; ehc_needs_assessment for a pupil on SEN support (refused naming `kind` when the register shows otherwise)' }),
  barrierId: z.uuid().meta({ description: 'The unmet_send_need barrier on the plan the request rests on (refused naming `barrierId` for another barrier)' }),
  reason: textSchema(sendTextMax).meta({ description: 'Why the party asks' }),
});

export const sendAnswerBody = z.strictObject({
  decisionId: z.uuid().optional(),
  requestId: z.uuid().meta({ description: 'The id of the request answered' }),
  decision: z.enum(sendAnswers),
  note: textSchema(sendTextMax),
});

/** The SEND link's decisions under /v1/cases/{caseId}/ (joined to the decision routes). */
export const sendLinkRoutes = {
  'send-requests': {
    body: sendRequestBody,
    summary: 'The school or LA asks the SEND team to consider an early EHC plan review (SEND-EARLY-REVIEW-RESPONSE), or records a request for an EHC needs assessment (EHC-ASSESSMENT-DECISION); the SEND team is told and its clock runs',
  },
  'send-request-answers': { body: sendAnswerBody, summary: 'The SEND officer answers a request: agreed or declined, with why; its clock stops' },
} as const;

/** A request as the plan holds it (on the case page and in the export). */
export const sendRequestRecord = z.object({
  requestId: z.string(),
  kind: z.enum(sendRequestKinds),
  barrierId: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: dateTime,
  respondBy: dateTime,
  lapsedAt: dateTime.optional(),
  answer: z.object({ decision: z.enum(sendAnswers), note: z.string(), answeredBy: z.string(), answeredAt: dateTime }).optional(),
});

/** A request awaiting the SEND team's answer, as the SEND officer's inbox lists it on its case's row. */
export const openSendRequest = z.object({
  requestId: z.string(),
  kind: z.enum(sendRequestKinds),
  requestedAt: dateTime,
  respondBy: dateTime,
  overdue: z.boolean().meta({ description: 'Its clock has run out unanswered' }),
});
