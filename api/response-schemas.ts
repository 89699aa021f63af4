import { z } from 'zod';

// What the routes integrators call most answer with. The routes type their bodies with these (z.infer) and the
// OpenAPI document declares them, so the two cannot drift; extra fields may be added, never these removed.

const dateTime = z.iso.datetime({ offset: true });
const caseId = z.uuid();
const stage = z.string().meta({ description: 'The case stage, e.g. whereabouts_check, awaiting_la_consent, closed', examples: ['whereabouts_check'] });
const nextDeadline = z.object({ at: dateTime, ruleId: z.string(), title: z.string() });

export const passedToLaBody = z
  .object({ received: z.literal(true), message: z.string() })
  .meta({ id: 'PassedToLa', description: "The report was received and passed to the LA; the child's case is not the caller's to read, so nothing of it is named." });

export const concernReceiptBody = z
  .object({ caseId, attached: z.boolean().meta({ description: 'True when the report joined a case already open' }), stage, nextDeadline: nextDeadline.optional() })
  .meta({ id: 'CaseReceipt', description: 'The case the report opened (201) or joined (200)' });

export const newPupilReturnMatchedBody = z
  .object({ matched: z.literal(true), caseId, stage })
  .meta({ id: 'NewPupilReturnMatched', description: "The child's open case at another school, closed: on roll elsewhere" });

export const decisionAnswerBody = z
  .object({
    caseId,
    decisionId: z.string().meta({ description: 'The idempotency key: the caller\'s id, or the one given to the decision' }),
    result: z.unknown().meta({ description: "The case's answer to the decision (its stage, or the record the decision made)" }),
  })
  .meta({ id: 'DecisionAnswer' });

const caseRow = z.object({
  caseId,
  laCode: z.string(),
  schoolUrn: z.string().nullable(),
  schoolName: z.string().nullable(),
  stage,
  sendFlag: z.boolean(),
  openedAt: dateTime,
  nextDeadlineAt: dateTime.nullable(),
  closedAt: dateTime.nullable(),
  outcome: z.string().nullable(),
});

export const caseListBody = z
  .object({ page: z.int().min(1), pageSize: z.int().min(1), total: z.int().min(0), items: z.array(caseRow.meta({ id: 'CaseRow' })) })
  .meta({ id: 'CaseList' });

const overdueStep = z.object({
  kind: z.string(),
  ruleId: z.string(),
  dueAt: dateTime,
  escalatedTo: z.string().nullable(),
  overdueBy: z.object({ count: z.int(), unit: z.string() }),
});
const inboxRows = z.array(caseRow.extend({ overdueSteps: z.array(overdueStep) }));

export const inboxBody = z
  .object({
    consentsToDecide: inboxRows.optional(),
    directionsToRecord: inboxRows.optional(),
    enquiriesToSign: inboxRows.optional(),
    childrenToTrace: inboxRows.optional(),
    escalated: inboxRows,
    overdue: inboxRows,
    dueSoon: inboxRows,
    unresolvedNMarks: z.array(z.unknown()).optional().meta({ description: 'Code N marks past their 5 school days (roles that send the marks)' }),
  })
  .meta({ id: 'Inbox', description: 'A section per decision the caller\'s role takes; the clocks escalated, overdue and due within 5 days' });

export const caseStateBody = z
  .object({
    caseId,
    pupilId: z.string(),
    laCode: z.string(),
    schoolUrn: z.string().optional(),
    stage,
    openedAt: dateTime.optional(),
    nextDeadline: nextDeadline.optional(),
    deadlines: z.array(z.unknown()),
    concerns: z.array(z.unknown()),
    jointEnquiries: z.unknown(),
    refusedDeletions: z.array(z.object({ requestId: z.string(), ground: z.string(), reasons: z.array(z.string()) })),
    safeguarding: z.array(z.unknown()),
  })
  .meta({ id: 'Case', description: 'A live case: opaque ids and codes only, no personal data' });

export const caseExportBody = z
  .object({
    exportedAt: dateTime,
    case: z.object({
      caseId,
      laCode: z.string(),
      school: z.object({ urn: z.string(), name: z.string().optional() }).nullable(),
      stage,
      sendFlag: z.boolean(),
      openedAt: dateTime,
      closedAt: dateTime.nullable(),
      outcome: z.string().nullable(),
    }),
    child: z.unknown(),
    auditChain: z.object({ intact: z.boolean(), problems: z.array(z.unknown()) }),
    audit: z.array(z.object({ id: z.string(), occurredAt: dateTime, actor: z.string(), action: z.string(), ruleId: z.string().nullable(), detail: z.unknown(), hash: z.string(), prevHash: z.string().nullable() })),
    notifications: z.array(z.object({ recipient: z.string(), template: z.string(), status: z.string(), createdAt: dateTime, sentAt: dateTime.nullable(), body: z.unknown() })),
  })
  .meta({ id: 'CaseExport', description: "The case's full record for disclosure, with its audit chain checked" });

const count = z.int().min(0);
const deliveryProgress = {
  alerts: count.meta({ description: "The alerts this upload's detection found" }),
  pending: count.meta({ description: 'Of those, not yet on their case: waiting, being delivered, or retrying' }),
  failed: count.meta({ description: 'Of the pending, those whose last attempt failed; retried with a backoff' }),
  failures: z.array(z.string()).meta({ description: 'Why, up to five distinct reasons' }),
  delivered: z.array(z.object({ caseId, reason: z.string(), attached: z.boolean() })).meta({ description: 'Delivered into cases the caller may read' }),
  passedToLa: count.meta({ description: 'Delivered into cases the caller may not read: only counted' }),
};

export const uploadProgressBody = z
  .object({ uploadId: z.uuid(), kind: z.enum(['attendance_marks', 'register_pupils']), receivedAt: dateTime, ...deliveryProgress })
  .meta({ id: 'UploadProgress', description: "How far an upload's detection alerts have gone into their cases; done when `pending` is 0" });

export const uploadReportBody = z
  .object({
    received: count,
    inserted: count,
    changed: count,
    unchanged: count,
    uploadId: z.uuid().optional().meta({ description: 'When rows were kept: follow delivery at GET /v1/uploads/{uploadId}' }),
    detection: z.object({ newAlerts: count, ...deliveryProgress }).optional().meta({ description: 'What detection found, and delivery so far (it goes on after the answer)' }),
  })
  .meta({ id: 'UploadReport', description: 'Rows received, and of those kept: inserted, changed, unchanged; the refused rows by line and field beside them' });

export const timelineBody = z
  .object({ caseId, entries: z.array(z.object({ at: dateTime, source: z.enum(['audit', 'temporal', 'outbox']), what: z.string(), actor: z.string().optional() })) })
  .meta({ id: 'Timeline', description: "The audit log merged with the case's Temporal history, oldest first" });

export type PassedToLaBody = z.infer<typeof passedToLaBody>;
export type ConcernReceiptBody = z.infer<typeof concernReceiptBody>;
export type NewPupilReturnMatchedBody = z.infer<typeof newPupilReturnMatchedBody>;
export type DecisionAnswerBody = z.infer<typeof decisionAnswerBody>;
export type CaseListBody = z.infer<typeof caseListBody>;
export type InboxBody = z.infer<typeof inboxBody>;
export type CaseStateBody = z.infer<typeof caseStateBody>;
export type CaseExportBody = z.infer<typeof caseExportBody>;
export type UploadReportBody = z.infer<typeof uploadReportBody>;
export type UploadProgressBody = z.infer<typeof uploadProgressBody>;
export type TimelineBody = z.infer<typeof timelineBody>;
