import { WorkflowNotFoundError } from '@temporalio/client';
import { decodeArrayFromPayloads, decodeUserMetadata } from '@temporalio/common/lib/internal-non-workflow';
import { optionalTsToDate } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { withTemporalDeadline, type CaseDeps } from '../temporal/case-deps';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

export interface TimelineEntry {
  at: string;
  /**
   * `audit`: our record (who, why, under which rule); `temporal`: what the engine did (timers, activities,
   * updates); `outbox`: a notification's delivery (recipient, template, status, attempts, transport).
   */
  source: 'audit' | 'temporal' | 'outbox';
  what: string;
  actor?: string;
  ruleId?: string;
  detail?: Record<string, unknown>;
  eventId?: number;
}

/**
 * One case's history for a reader: our audit log (kept for years) merged with the decoded events of the
 * workflow's current run (timers with their summaries, notifications scheduled, decisions received), and
 * each notification's delivery from the outbox.
 */
export async function caseTimeline(deps: CaseDeps, caseId: string): Promise<TimelineEntry[]> {
  const [audit, notifications, events] = await Promise.all([
    deps.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    deps.db.notification.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    withTemporalDeadline(deps, () => deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory()).then(
      (history) => history.events ?? [],
      // Temporal keeps a closed case only for the namespace's retention; our audit log remains.
      (error: unknown) => {
        if (error instanceof WorkflowNotFoundError) return [];
        throw error;
      },
    ),
  ]);
  const fromAudit: TimelineEntry[] = audit.map((entry) => ({
    at: entry.occurredAt.toISOString(),
    source: 'audit',
    what: entry.action,
    actor: entry.actor,
    ...(entry.ruleId ? { ruleId: entry.ruleId } : {}),
    detail: entry.detail as Record<string, unknown>,
  }));
  // The outbox body (a deletion return's personal data) stays out of the timeline: the export carries it.
  // Since the outbox (patched: notification-outbox) the row is where a notification is scheduled, with its rule.
  const fromOutbox: TimelineEntry[] = notifications.map((n) => ({
    at: n.createdAt.toISOString(),
    source: 'outbox',
    what: `notification_${n.status}`,
    ...(n.ruleId ? { ruleId: n.ruleId } : {}),
    detail: {
      recipient: n.recipient,
      template: n.template,
      status: n.status,
      attempts: n.attempts,
      ...(n.transport ? { transport: n.transport } : {}),
      ...(n.sentAt ? { sentAt: n.sentAt.toISOString() } : {}),
      ...(n.lastError ? { lastError: n.lastError } : {}),
    },
  }));
  const fromTemporal = (await Promise.all(events.map((event) => describeEvent(deps, event)))).filter((entry): entry is TimelineEntry => entry !== undefined);
  const order = { temporal: 0, audit: 1, outbox: 2 };
  return [...fromAudit, ...fromOutbox, ...fromTemporal].sort((a, b) => a.at.localeCompare(b.at) || order[a.source] - order[b.source]);
}

async function describeEvent(deps: CaseDeps, event: HistoryEvent): Promise<TimelineEntry | undefined> {
  const converter = deps.temporal.options.loadedDataConverter;
  const at = optionalTsToDate(event.eventTime)?.toISOString() ?? '';
  const base = { at, source: 'temporal' as const, eventId: Number(event.eventId) };
  switch (event.eventType) {
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
      return { ...base, what: 'workflow_started' };
    case EventType.EVENT_TYPE_TIMER_STARTED: {
      const { staticSummary: summary } = await decodeUserMetadata(converter, event.userMetadata);
      const seconds = Number(event.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 0);
      return { ...base, what: 'timer_started', detail: { summary, firesAt: new Date(Date.parse(at) + seconds * 1000).toISOString() } };
    }
    case EventType.EVENT_TYPE_TIMER_FIRED:
      return { ...base, what: 'timer_fired' };
    case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
      const attributes = event.activityTaskScheduledEventAttributes;
      const activity = attributes?.activityType?.name ?? 'activity';
      if (activity === 'assessDeletion') return { ...base, what: 'deletion_ground_checked' };
      if (activity === 'checkDeletionRegister') return { ...base, what: 'deletion_register_checked' };
      // The engine's own bookkeeping (read model, clocks, context) is already in the audit log and the timers.
      if (activity !== 'notify') return undefined;
      const [input] = (await decodeArrayFromPayloads(converter, attributes?.input?.payloads)) as { recipient: string; template: string; ruleId?: string }[];
      return { ...base, what: 'notification_scheduled', ...(input?.ruleId ? { ruleId: input.ruleId } : {}), detail: { recipient: input?.recipient, template: input?.template } };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
      const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
      const [input] = (await decodeArrayFromPayloads(converter, request?.input?.args?.payloads)) as { actor?: { role: string; userId: string }; reason?: string }[];
      const actor = input?.actor ? `${input.actor.role}:${input.actor.userId}` : undefined;
      return { ...base, what: `decision_received:${request?.input?.name ?? 'update'}`, ...(actor ? { actor } : {}), ...(input?.reason ? { detail: { reason: input.reason } } : {}) };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
      return { ...base, what: 'continued_as_new' };
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      return { ...base, what: 'workflow_completed' };
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
      return { ...base, what: 'workflow_terminated' };
    default:
      return undefined;
  }
}
