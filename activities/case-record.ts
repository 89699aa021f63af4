import type { Prisma } from '@prisma/client';
import { entryHash } from '../db/audit-chain';
import type { Db } from '../db/prisma';
import type { OverdueStep } from '../domain/case';
import { writeCaseProjection, type CaseSnapshot } from './case-projection';
import { statusChangeOf } from '../domain/collection/education-status';

export interface CaseEventRecord {
  /** Unique per workflow event, so a retried activity writes the audit entry once. */
  eventId: string;
  caseId: string;
  pupilId: string;
  laCode: string;
  schoolUrn?: string;
  stage: string;
  nextDeadlineAt: string | null;
  /** The case's clocks that ran out with their step not done, replacing those recorded; absent: left as they are. */
  overdueSteps?: OverdueStep[];
  /** The child has SEN support or an EHC plan (dashboards filter on it). */
  sendFlag?: boolean;
  openedAt: string;
  occurredAt: string;
  actor: string;
  action: string;
  ruleId?: string;
  detail?: Record<string, string | number | boolean | null>;
  /** Set when this event closes the case: the pupil's open case is released for a future one. */
  outcome?: string;
  /** The workflow's state with this event; absent on events scheduled before the projection existed. */
  snapshot?: CaseSnapshot;
}

/**
 * Writes the case's read-model row, its projection (the workflow's state, so reading a case asks no workflow) and
 * its audit entry, chained to the case's previous one, and the child's education status when the event changes
 * it, in one transaction.
 */
export function createRecordCaseEvent(db: Db) {
  return async function recordCaseEvent(event: CaseEventRecord): Promise<void> {
    const row = {
      stage: event.stage,
      nextDeadlineAt: event.nextDeadlineAt ? new Date(event.nextDeadlineAt) : null,
      ...(event.sendFlag === undefined ? {} : { sendFlag: event.sendFlag }),
      ...(event.outcome ? { outcome: event.outcome, closedAt: new Date(event.occurredAt) } : {}),
    };
    // One transaction per event; the case row's lock (taken by the upsert) orders the case's chain even when
    // two of its events are recorded at once.
    await db.$transaction(async (tx) => {
      await tx.case.upsert({
        where: { id: event.caseId },
        create: {
          id: event.caseId,
          pupilId: event.pupilId,
          laCode: event.laCode,
          schoolUrn: event.schoolUrn ?? null,
          openedAt: new Date(event.openedAt),
          ...row,
        },
        update: row,
      });
      if (event.overdueSteps) await replaceOverdueSteps(tx, event.caseId, event.overdueSteps);
      if (event.snapshot) await writeCaseProjection(tx, event.caseId, event.snapshot);
      if (await tx.auditEntry.findUnique({ where: { eventId: event.eventId }, select: { id: true } })) return; // a retry
      const previous = await tx.auditEntry.findFirst({ where: { caseId: event.caseId }, orderBy: { id: 'desc' }, select: { hash: true } });
      const content = {
        caseId: event.caseId,
        eventId: event.eventId,
        occurredAt: new Date(event.occurredAt),
        actor: event.actor,
        action: event.action,
        ruleId: event.ruleId ?? null,
        detail: event.detail ?? {},
      };
      const prevHash = previous?.hash ?? '';
      await tx.auditEntry.create({ data: { ...content, detail: content.detail as Prisma.InputJsonObject, prevHash, hash: entryHash(prevHash, content) } });
      await recordStatusChange(tx, event);
      if (event.outcome) await tx.pupil.updateMany({ where: { id: event.pupilId, openCaseId: event.caseId }, data: { openCaseId: null } });
    });
  };
}

async function replaceOverdueSteps(tx: Prisma.TransactionClient, caseId: string, steps: OverdueStep[]): Promise<void> {
  await tx.overdueStep.deleteMany({ where: { caseId } });
  await tx.overdueStep.createMany({
    data: steps.map((step) => ({ caseId, kind: step.kind, ruleId: step.ruleId, dueAt: new Date(step.dueAt), unit: step.unit, escalatedTo: step.escalatedTo })),
  });
}

/** The child's new education status, from the event's own meaning (domain/collection/education-status.ts). */
async function recordStatusChange(tx: Prisma.TransactionClient, event: CaseEventRecord): Promise<void> {
  const change = statusChangeOf(event);
  if (!change) return;
  await tx.educationStatus.create({
    data: {
      pupilId: event.pupilId,
      laCode: event.laCode,
      schoolUrn: event.schoolUrn ?? null,
      caseId: event.caseId,
      eventId: event.eventId,
      status: change.status,
      reason: change.reason ?? null,
      fromAt: new Date(event.occurredAt),
    },
  });
}
