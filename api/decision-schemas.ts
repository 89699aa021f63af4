import { z } from 'zod';
import { attendanceCodes, type AttendanceCode } from '../domain/attendance/codes';
import { codeSchema } from '../domain/collection/rules';
import { caseOutcomes, contactMethods, contactOutcomes, safeguardingConcerns, supportStages, traceSteps } from '../domain/case';
import type { DeletionRequestDetails, GroundEvidence } from '../domain/deletion/evidence';
import { isoDateSchema, laCodeSchema, textSchema } from '../domain/field-schemas';
import { partTimeRoutes } from './part-time-schemas';
import { sendLinkRoutes } from './send-link-schemas';
import { supportPlanRoutes } from './support-plan-schemas';

/** Every decision may carry the caller's idempotency key; it becomes the Temporal update id. */
const decisionId = z.uuid().optional();
const reason = textSchema(2000);
const yes = z.boolean();

/**
 * Ground O: the dates of the exclusion process (EXCL12); a date left out is a step not yet taken. Which steps
 * may go together is checked by the route (422, domain/deletion/exclusion-process.ts), not here: the document
 * publishes this shape, and a body it allows is not malformed.
 */
function exclusionProcess() {
  const date = isoDateSchema.optional();
  return z.strictObject({ exclusionNotifiedOn: isoDateSchema, boardDecisionOn: date, reviewApplied: yes, noReviewStatementOn: date, reviewDecidedOn: date, reconsiderationRequired: yes, reconsideredOn: date });
}

/** What the school attests for each ground of SAR24 reg 9(1); mirrors `GroundEvidence`. */
const groundEvidence = {
  A: z.strictObject({ newSchoolName: textSchema(200), saoNamesThisSchool: yes, mobileChildWithMainSchoolHere: yes, dualRegistrationAgreed: yes }),
  B: z.strictObject({ completedNursery: yes, reasonableGroundsToExpectReturn: yes }),
  C: z.strictObject({ reasonableGroundsToExpectReturn: yes, everyOtherSchoolConsented: yes, saoNamesThisSchool: yes, mobileChildWithMainSchoolHere: yes }),
  D: z.strictObject({ saoAmendedToNameAnotherSchool: yes }),
  E: z.strictObject({ saoRevokedAsEducationArrangedOtherwise: yes }),
  F: z.strictObject({ writtenNoticeReceived: yes, educationOtherwiseFrom: isoDateSchema, saoInForce: yes }),
  G: z.strictObject({ noLongerResidesWithinReasonableDistance: yes, isBoarder: yes }),
  H: z.strictObject({ leaveEndedOn: isoDateSchema, returnedSince: yes, sicknessOrUnavoidableCauseBelieved: yes }),
  I: z.strictObject({ absentFrom: isoDateSchema, absentTo: isoDateSchema, sessionCodes: z.array(z.string().regex(/^[A-Z#/\\-]{1,2}$/, 'must be a register code')).min(1).max(400), sicknessOrUnavoidableCauseBelieved: yes }),
  J: z.strictObject({ detainedUnderSentence: yes, reasonableGroundsToExpectReturnAfterwards: yes }),
  K: z.strictObject({ died: yes }),
  L: z.strictObject({ ceasesCompulsoryAgeBeforeSchoolNextMeets: yes, notContinuingIntoSixthForm: yes }),
  M: z.strictObject({ boarderWithFeesUnpaid: yes }),
  N: z.strictObject({ ceasedToBePupilOfIndependentOrNonMaintainedSpecialSchool: yes }),
  O: exclusionProcess(),
} satisfies { [G in keyof GroundEvidence]: z.ZodType<GroundEvidence[G]> };

const deletionFor = <G extends keyof GroundEvidence>(ground: G) =>
  z.strictObject({ requestId: decisionId, ground: z.literal(ground), deleteOn: isoDateSchema, evidence: groundEvidence[ground] });

export const deletionRequestBody = z.discriminatedUnion('ground', [
  deletionFor('A'), deletionFor('B'), deletionFor('C'), deletionFor('D'), deletionFor('E'), deletionFor('F'), deletionFor('G'), deletionFor('H'),
  deletionFor('I'), deletionFor('J'), deletionFor('K'), deletionFor('L'), deletionFor('M'), deletionFor('N'), deletionFor('O'),
]);
// The API's parsed request is exactly what the workflow checks.
export type DeletionRequestBody = z.infer<typeof deletionRequestBody> & DeletionRequestDetails;

export const laConsentBody = z.strictObject({ decisionId, decision: z.enum(['grant', 'refuse']), reason });
export const sosDirectionBody = z.strictObject({ decisionId, reference: textSchema(100) });
export const jointEnquiriesBody = z.strictObject({ decisionId, outcome: z.enum(['not_found', 'found_will_not_return', 'found_may_return']) });
export const safeguardingBody = z.strictObject({ referralId: decisionId, concern: z.enum(safeguardingConcerns) });
export const supportStageBody = z.strictObject({ decisionId, to: z.enum(supportStages), reason });
export const traceStepBody = z.strictObject({ decisionId, step: z.enum(traceSteps), otherLaCode: laCodeSchema.optional() });
export const contactAttemptBody = z.strictObject({ attemptId: decisionId, method: z.enum(contactMethods), outcome: z.enum(contactOutcomes) });
export const s437NoticeBody = z.strictObject({ noticeId: textSchema(100) });
export const reasonEstablishedBody = z.strictObject({ decisionId, reasonCode: z.enum(Object.keys(attendanceCodes).filter((code) => code !== 'N') as [AttendanceCode, ...AttendanceCode[]]) });
export const backInSchoolBody = z.strictObject({ decisionId, returnedOn: isoDateSchema });
// Which codes a list holds is the LA's setting: the case refuses one off its list (422 naming the field).
const primaryReason = codeSchema.meta({ description: "A code of the LA's reason list (CME-REASONS or EHE-REASONS, GET /v1/las/{laCode}/rules)" });
export const closeCaseBody = z.strictObject({
  decisionId,
  outcome: z.enum(caseOutcomes),
  reason,
  primaryReason: primaryReason.optional().meta({
    description:
      'elective_home_education: required, a code of EHE-REASONS; a case closing from cme_tracing: why the child was missing, a code of CME-REASONS (moved_abroad infers moved_out_of_country); other outcomes: none',
  }),
});
export const cmeReasonBody = z.strictObject({
  decisionId,
  primaryReason: primaryReason.meta({ description: "A code of the LA's CME-REASONS list" }),
  circumstances: z.array(codeSchema).max(50).optional().meta({ description: "Codes of the LA's CME-RISK-CIRCUMSTANCES list" }),
  knownToSocialCare: yes.optional(),
});

/** Each decision route under /v1/cases/{caseId}/, its body and what it does: the router and the OpenAPI document share it. */
export const decisionRoutes = {
  'deletion-requests': { body: deletionRequestBody, summary: 'The school asks to delete the pupil on a ground A-O (SAR24 reg 9); 422 refused with every reason when the ground does not apply' },
  'la-consent': { body: laConsentBody, summary: 'The SEND officer grants or refuses consent to a special-school deletion' },
  'sos-direction': { body: sosDirectionBody, summary: 'A Secretary of State direction after a refusal' },
  'joint-enquiries': { body: jointEnquiriesBody, summary: 'School or LA signs the outcome of joint reasonable enquiries' },
  'safeguarding-concerns': { body: safeguardingBody, summary: 'Immediate referral to social care and police' },
  'support-stage': { body: supportStageBody, summary: "Moves the case along WTISA's support-first stages" },
  'contact-attempts': { body: contactAttemptBody, summary: 'An attempt to reach the family while whereabouts are checked' },
  'trace-steps': { body: traceStepBody, summary: 'A step taken to trace a child missing education' },
  's437-notices': { body: s437NoticeBody, summary: 'A s437(1) notice served on the parent' },
  'reason-established': { body: reasonEstablishedBody, summary: 'The school established the reason for an unexplained absence (T1): the 2024 code that replaces N; the T1 clock stops' },
  'back-in-school': { body: backInSchoolBody, summary: 'The school records that the child is back in school: the case closes, located and attending' },
  'cme-reason': { body: cmeReasonBody, summary: 'The CME officer records why the child is missing education, the risk circumstances and whether social care knows the child' },
  close: { body: closeCaseBody, summary: 'Closes the case with an outcome; the primary reason where the outcome asks for one (422 naming primaryReason when missing, off the list or contradicting the inferred one)' },
  ...supportPlanRoutes,
  ...partTimeRoutes,
  ...sendLinkRoutes,
} as const;
export type DecisionPath = keyof typeof decisionRoutes;
