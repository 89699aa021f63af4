import { z } from 'zod';
import { openSendRequest } from './send-link-schemas';
import { lapsedAction, supportPlanBody } from './support-plan-schemas';

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

/** As people read it next to the name; the return counts the same (read-model/census-child.ts). */
const yearGroup = z.string().nullable().meta({ description: "Today's year group (R, 1-11): from the date of birth, else as the school last reported it; null when neither tells", examples: ['4'] });

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
  child: z
    .object({
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      dateOfBirth: z.iso.date().nullable(),
      yearGroup,
      senStatus: z.string().meta({ description: 'none, sen_support or ehc_plan', examples: ['ehc_plan'] }),
    })
    .meta({ description: 'The child, named for the caller who may read the case (names null when the register holds none)' }),
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
    supportActionsLapsed: z.array(caseRow.extend({ lapsedActions: z.array(lapsedAction) })).optional().meta({ description: 'Support plan actions past their due date and still open: the owner\'s (school and SENCo, LA SEND team) and, for the LA CME officer, every one; absent for the roles that neither own nor oversee actions' }),
    sendRequests: z.array(caseRow.extend({ sendRequests: z.array(openSendRequest) })).optional().meta({ description: 'Requests to the SEND team awaiting its answer, overdue once their clock has run out; the SEND officer\'s only' }),
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
    deadlines: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        ruleId: z.string(),
        title: z.string(),
        at: dateTime.meta({ description: 'The instant the clock runs out: the end of its last day in England' }),
        unit: z.enum(['school_days', 'days']).optional(),
        daysLeft: z
          .object({ count: z.int().min(0), unit: z.enum(['school_days', 'days']) })
          .meta({ description: "Days after today up to its last day, as the clock counts them (school days on the case's calendar, or days); 0 on the last day or once run out" }),
      }),
    ),
    concerns: z.array(z.unknown()),
    jointEnquiries: z.unknown(),
    refusedDeletions: z.array(z.object({ requestId: z.string(), ground: z.string(), reasons: z.array(z.string()) })),
    safeguarding: z.array(z.unknown()),
    supportPlan: supportPlanBody.optional(),
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
    supportPlan: z.union([supportPlanBody, z.null()]),
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
    rejected: z
      .object({ count, rows: z.array(z.object({ line: z.int(), field: z.string(), message: z.string() })), truncated: z.boolean().optional() })
      .optional()
      .meta({ description: 'The refused rows by line and field (the first ones when `truncated`); values are never echoed' }),
    uploadId: z.uuid().optional().meta({ description: 'When rows were kept: follow delivery at GET /v1/uploads/{uploadId}' }),
    detection: z.object({ newAlerts: count, ...deliveryProgress }).optional().meta({ description: 'What detection found, and delivery so far (it goes on after the answer)' }),
  })
  .meta({ id: 'UploadReport', description: 'Rows received, and of those kept: inserted, changed, unchanged; the refused rows by line and field beside them' });

export const timelineBody = z
  .object({ caseId, entries: z.array(z.object({ at: dateTime, source: z.enum(['audit', 'temporal', 'outbox']), what: z.string(), actor: z.string().optional() })) })
  .meta({ id: 'Timeline', description: "The audit log merged with the case's Temporal history, oldest first" });

const isoDate = z.iso.date();
const urn = z.string().meta({ examples: ['100001'] });
const laCode = z.string().meta({ examples: ['938'] });
const check = z.enum(['ok', 'unreachable']);

export const healthBody = z
  .object({ status: z.enum(['ok', 'degraded']), temporal: check, database: check })
  .meta({ id: 'Health', description: 'Reachability of Temporal and the database; 503 with this body when either is down' });

export const demoUsersBody = z
  .object({ users: z.array(z.object({ userId: z.string(), role: z.string(), name: z.string().optional(), laCode: laCode.optional(), schoolUrns: z.array(urn) })) })
  .meta({ id: 'DemoUsers' });

export const devTokenBody = z.object({ token: z.string(), tokenType: z.literal('Bearer') }).meta({ id: 'DevToken' });

export const uiConfigBody = z
  .object({ authMode: z.enum(['dev', 'jwks']), temporalUiUrl: z.string().optional(), namespace: z.string() })
  .meta({ id: 'UiConfig' });

export const childBody = z
  .object({
    upn: z.string().nullable(),
    schoolUrn: urn.nullable(),
    senStatus: z.string().meta({ description: 'none, sen_support or ehc_plan' }),
    placedByLa: z.boolean(),
    yearGroup,
    details: z
      .object({
        givenName: z.string().nullable(),
        familyName: z.string().nullable(),
        dateOfBirth: isoDate.nullable(),
        address: z.unknown(),
        parents: z.unknown(),
        emergencyPhones: z.unknown(),
        newSchoolUrn: urn.nullable(),
        newAddress: z.unknown(),
      })
      .nullable(),
  })
  .meta({ id: 'Child', description: 'Who the child is: personal data, for those who may see the case' });

const reasonCounts = z.array(
  z.object({ reason: z.string().meta({ description: "A code of the CME reason list (CME-REASONS); not_known while none was given" }), label: z.string(), count }),
);

const reasonsBody = z
  .object({
    episodes: count.meta({ description: 'Times a child went missing education (unbroken runs of status cme in the status history)' }),
    byTerm: z.array(z.object({ term: z.string().nullable(), start: isoDate.nullable(), reasons: reasonCounts })).meta({ description: "Per LA term the runs began in, term on term (a holiday counts with the term before it; null: before the LA's first term)" }),
    bySen: z.array(z.object({ senStatus: z.string().meta({ description: "none, sen_support or ehc_plan: the child's now" }), reasons: reasonCounts })),
    bySchool: z.array(z.object({ schoolUrn: urn.nullable(), name: z.string(), reasons: reasonCounts })).meta({ description: 'The school whose roll the child was on when the case opened; null: on no roll' }),
    byYearGroup: z.array(z.object({ yearGroup: z.string().meta({ description: 'R to 11 on the day the run began, or not_known' }), reasons: reasonCounts })),
    resolutionUnit: z.literal('school_days').meta({ description: "Times to resolution are school days on the LA's calendar after the day the run began, up to the day it ended" }),
    outcomes: z.array(
      z.object({
        reason: z.string(),
        label: z.string(),
        episodes: count,
        stillMissing: count,
        endedIn: z.array(z.object({ status: z.string().meta({ description: 'The education status the run ended in, e.g. on_roll, ehe, moved_abroad' }), label: z.string(), count })),
        medianSchoolDays: z.number().nullable(),
        longestSchoolDays: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'ReasonsAnalytics', description: 'Why children went missing education, from the status history, and how each time ended' });

export const dashboardBody = z
  .object({
    openByStage: z.array(z.object({ stage, count })),
    openBySchool: z.array(z.object({ schoolUrn: urn.nullable(), name: z.string(), count })),
    openBySend: z.array(z.object({ send: z.boolean(), count })),
    overdue: count,
    breached: count,
    weekly: z.array(z.object({ week: isoDate, opened: count, closed: count })),
    undeliveredAlerts: z.array(z.object({ kind: z.string(), count, oldestDetectedAt: dateTime.nullable() })),
    reasons: reasonsBody,
  })
  .meta({ id: 'Dashboard' });

export const schoolSavedBody = z.object({ urn, name: z.string(), laCode, isSpecial: z.boolean() }).meta({ id: 'School' });

export const termsBody = z.object({ laCode, terms: z.array(z.object({ name: z.string(), start: isoDate, end: isoDate })) }).meta({ id: 'Terms' });

export const closuresListBody = z.object({ urn, closures: z.array(z.object({ date: isoDate, reason: z.string() })) }).meta({ id: 'Closures' });

export const schoolDaysBody = z
  .union([
    z.object({ urn, from: isoDate, to: isoDate, schoolDays: count }),
    z.object({ urn, from: isoDate, schoolDays: count, date: isoDate, endsAt: dateTime, provisional: z.boolean() }),
  ])
  .meta({ id: 'SchoolDays', description: 'With `to`: the school days after `from` up to `to`; with `add`: the school day reached and when it ends' });

export const rulesBody = z
  .object({
    laCode,
    rules: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: z.string(),
        source: z.string(),
        confidence: z.string(),
        setting: z.object({ describe: z.string(), value: z.unknown(), isDefault: z.boolean(), defaultValue: z.unknown() }).optional(),
        codes: z
          .array(z.object({ code: z.string(), label: z.string() }))
          .optional()
          .meta({ description: "A collection code list: the LA's codes in force (its setting, else the collection's list), each with its label" }),
      }),
    ),
  })
  .meta({ id: 'Rules' });

export const ruleSettingSavedBody = z.object({ laCode, ruleId: z.string(), value: z.unknown() }).meta({ id: 'RuleSetting' });

export const notificationChannelViewBody = z
  .object({
    recipient: z.string(),
    transport: z.string().meta({ description: 'console, smtp or webhook' }),
    email: z.string().optional(),
    url: z.string().optional(),
    secretName: z.string().optional(),
    updatedAt: dateTime,
    updatedBy: z.string(),
  })
  .meta({ id: 'NotificationChannel' });

export const notificationChannelsBody = z.object({ channels: z.array(notificationChannelViewBody) }).meta({ id: 'NotificationChannels' });

export type PassedToLaBody = z.infer<typeof passedToLaBody>;
export type ConcernReceiptBody = z.infer<typeof concernReceiptBody>;
export type NewPupilReturnMatchedBody = z.infer<typeof newPupilReturnMatchedBody>;
export type DecisionAnswerBody = z.infer<typeof decisionAnswerBody>;
export type CaseListBody = z.infer<typeof caseListBody>;
export type InboxBody = z.infer<typeof inboxBody>;
export const schoolListBody = z
  .object({ schools: z.array(z.object({ urn: z.string(), name: z.string(), laCode: z.string(), isSpecial: z.boolean() }).meta({ id: 'School' })) })
  .meta({ id: 'SchoolList', description: "The caller's schools by name, sorted by name" });
export type SchoolListBody = z.infer<typeof schoolListBody>;

export type CaseStateBody = z.infer<typeof caseStateBody>;
export type CaseExportBody = z.infer<typeof caseExportBody>;
export type UploadReportBody = z.infer<typeof uploadReportBody>;
export type UploadProgressBody = z.infer<typeof uploadProgressBody>;
export type TimelineBody = z.infer<typeof timelineBody>;
export type HealthBody = z.infer<typeof healthBody>;
export type ChildBody = z.infer<typeof childBody>;
export type DashboardBody = z.infer<typeof dashboardBody>;
export type TermsBody = z.infer<typeof termsBody>;
export type ClosuresListBody = z.infer<typeof closuresListBody>;
export type SchoolDaysBody = z.infer<typeof schoolDaysBody>;
export type RulesBody = z.infer<typeof rulesBody>;
export type NotificationChannelViewBody = z.infer<typeof notificationChannelViewBody>;
export type DevTokenBody = z.infer<typeof devTokenBody>;
