import { z } from 'zod';
import type { Db } from '../db/prisma';
import { cmeLengthBands, cmeReasons, eheReasons, labelOf } from '../domain/collection/lists';
import { urnSchema } from '../domain/field-schemas';
import { englandDateOf } from '../domain/calendar/england-time';
import { censusChildren } from './census-child';
import { statusesAt, type RegisterScope } from './education-status-at';

/** A register's filters and page, as the API checks them from the query string. */
export const registerQuery = z.strictObject({
  schoolUrn: urnSchema.optional(),
  reason: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'must be a reason code').optional(),
  senStatus: z.enum(['none', 'sen_support', 'ehc_plan']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type RegisterQuery = z.infer<typeof registerQuery>;
export type RegisterKind = 'cme' | 'ehe';

const DAY = 24 * 60 * 60 * 1000;

/** Whole weeks from `since` to `at`, and the collection's band for them. */
export function timeMissing(since: Date, at: Date) {
  const weeks = Math.floor((at.getTime() - since.getTime()) / (7 * DAY));
  const band = cmeLengthBands.items[cmeLengthBands.weeksUpTo.findIndex((upTo) => upTo === null || weeks <= upTo)]?.code ?? 'not_known';
  return { weeks, band };
}

/** What each register shows beyond the child: the CME officer's tracing and clock; the EHE child's old school. */
async function registerRows(db: Db, kind: RegisterKind, scope: RegisterScope, at: Date) {
  const held = await statusesAt(db, scope, [kind], at);
  const children = await censusChildren(db, held.map((row) => row.pupilId), englandDateOf(at));
  const cases = await db.case.findMany({ where: { id: { in: held.map((row) => row.caseId) } }, select: { id: true, stage: true, nextDeadlineAt: true } });
  const traces = await db.auditEntry.groupBy({ by: ['caseId'], where: { caseId: { in: held.map((row) => row.caseId) }, action: 'trace_step' }, _count: true, _max: { occurredAt: true } });
  return held.map((row) => {
    const child = children.get(row.pupilId);
    const kase = cases.find((candidate) => candidate.id === row.caseId);
    const common = {
      pupilId: row.pupilId,
      caseId: row.caseId,
      upn: child?.upn ?? null,
      givenName: child?.givenName ?? null,
      familyName: child?.familyName ?? null,
      dateOfBirth: child?.dateOfBirth ?? null,
      sex: child?.sex ?? 'U',
      yearGroup: child?.yearGroup ?? 'not_known',
      senStatus: child?.senStatus ?? 'none',
      since: row.since.toISOString(),
      reason: row.reason,
      reasonLabel: row.reason ? labelOf(kind === 'cme' ? cmeReasons : eheReasons, row.reason) : null,
    };
    if (kind === 'ehe') return { ...common, fromSchoolUrn: row.schoolUrn };
    const trace = traces.find((candidate) => candidate.caseId === row.caseId);
    const { weeks, band } = timeMissing(row.since, at);
    return {
      ...common,
      schoolUrn: row.schoolUrn,
      weeksMissing: weeks,
      lengthBand: band,
      stage: kase?.stage ?? null,
      traceSteps: trace?._count ?? 0,
      lastTraceStepAt: trace?._max.occurredAt?.toISOString() ?? null,
      nextDeadlineAt: kase?.nextDeadlineAt?.toISOString() ?? null,
    };
  });
}

/** What the engine does not hold for a register, said rather than left blank. */
const notHeld: Record<RegisterKind, string[]> = {
  cme: [],
  ehe: ["the LA's enquiries about the suitability of the education, and when the next is due: not recorded by this engine"],
};

/** The LA's register of children missing education (or electively home educated) now, filtered and paged. */
export async function registerOf(db: Db, kind: RegisterKind, scope: RegisterScope, query: RegisterQuery, now = new Date()) {
  const rows = (await registerRows(db, kind, scope, now)).filter(
    (row) =>
      (!query.schoolUrn || ('schoolUrn' in row ? row.schoolUrn : row.fromSchoolUrn) === query.schoolUrn) &&
      (!query.reason || row.reason === query.reason) &&
      (!query.senStatus || row.senStatus === query.senStatus),
  );
  return {
    register: kind,
    laCode: scope.laCode,
    asOf: now.toISOString(),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    notHeld: notHeld[kind],
    items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
  };
}

export const registerColumns: Record<RegisterKind, string[]> = {
  cme: ['pupilId', 'caseId', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'yearGroup', 'senStatus', 'schoolUrn', 'since', 'weeksMissing', 'lengthBand', 'reason', 'reasonLabel', 'stage', 'traceSteps', 'lastTraceStepAt', 'nextDeadlineAt'],
  ehe: ['pupilId', 'caseId', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'yearGroup', 'senStatus', 'fromSchoolUrn', 'since', 'reason', 'reasonLabel'],
};
