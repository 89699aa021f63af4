import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';

export interface CaseEventRecord {
  /** Unique per workflow event, so a retried activity writes the audit entry once. */
  eventId: string;
  caseId: string;
  pupilId: string;
  laCode: string;
  schoolUrn?: string;
  stage: string;
  nextDeadlineAt: string | null;
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
}

/** Writes the case's read-model row and its audit entry in one transaction. */
export function createRecordCaseEvent(db: Db) {
  return async function recordCaseEvent(event: CaseEventRecord): Promise<void> {
    const row = {
      stage: event.stage,
      nextDeadlineAt: event.nextDeadlineAt ? new Date(event.nextDeadlineAt) : null,
      ...(event.sendFlag === undefined ? {} : { sendFlag: event.sendFlag }),
      ...(event.outcome ? { outcome: event.outcome, closedAt: new Date(event.occurredAt) } : {}),
    };
    await db.$transaction([
      db.case.upsert({
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
      }),
      db.auditEntry.createMany({
        data: [
          {
            eventId: event.eventId,
            caseId: event.caseId,
            occurredAt: new Date(event.occurredAt),
            actor: event.actor,
            action: event.action,
            ruleId: event.ruleId ?? null,
            detail: (event.detail ?? {}) as Prisma.InputJsonObject,
          },
        ],
        skipDuplicates: true,
      }),
      ...(event.outcome
        ? [db.pupil.updateMany({ where: { id: event.pupilId, openCaseId: event.caseId }, data: { openCaseId: null } })]
        : []),
    ]);
  };
}
