import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { requireRole } from '../domain/access';
import type { Principal } from '../domain/principal';
import { caseScope } from './list-cases';
import { hasOverdueStep } from './overdue-steps';
import { reasonsAnalytics } from './reasons-analytics';

/**
 * Managers' figures over the read model: open cases by stage, school and SEND flag, clocks, weekly flow, and
 * attendance-feed crossings not yet on a case; and why children went missing education (reasons-analytics.ts).
 */
export async function dashboardOf(db: Db, principal: Principal, now = new Date(), weeks = 12) {
  requireRole(principal, ['manager', 'la_cme_officer', 'la_send_officer']);
  const scope = caseScope(principal);
  const openInScope: Prisma.CaseWhereInput = { AND: [scope, { closedAt: null }] };
  const laFilter = principal.laCode ? Prisma.sql`AND la_code = ${principal.laCode}` : Prisma.empty;
  const since = new Date(now.getTime() - weeks * 7 * 24 * 60 * 60 * 1000);
  const [byStage, bySchool, bySend, overdue, breached, schools, flow, undelivered, reasons] = await Promise.all([
    db.case.groupBy({ by: ['stage'], where: openInScope, _count: { _all: true }, orderBy: { stage: 'asc' } }),
    db.case.groupBy({ by: ['schoolUrn'], where: openInScope, _count: { _all: true }, orderBy: { schoolUrn: 'asc' } }),
    db.case.groupBy({ by: ['sendFlag'], where: openInScope, _count: { _all: true }, orderBy: { sendFlag: 'asc' } }),
    db.case.count({ where: { AND: [openInScope, { OR: [{ nextDeadlineAt: { lt: now } }, hasOverdueStep] }] } }),
    // A breach: a clock ran out (lapsed or escalated) and its step is still not done.
    db.case.count({ where: { AND: [openInScope, hasOverdueStep] } }),
    db.school.findMany({ select: { urn: true, name: true } }),
    db.$queryRaw<{ week: Date; opened: number; closed: number }[]>`
      WITH weeks AS (SELECT generate_series(date_trunc('week', ${since}::timestamptz), date_trunc('week', ${now}::timestamptz), interval '1 week') AS week)
      SELECT weeks.week,
        (SELECT count(*)::int FROM "case" WHERE date_trunc('week', opened_at) = weeks.week ${laFilter}) AS opened,
        (SELECT count(*)::int FROM "case" WHERE date_trunc('week', closed_at) = weeks.week ${laFilter}) AS closed
      FROM weeks ORDER BY weeks.week`,
    // Crossings the attendance feed found that no case has taken yet (retried on the school's next upload).
    db.detectionAlert.groupBy({
      by: ['kind'],
      where: { deliveredAt: null, pupil: { school: principal.laCode ? { laCode: principal.laCode } : {} } },
      _count: { _all: true },
      _min: { detectedAt: true },
      orderBy: { kind: 'asc' },
    }),
    reasonsAnalytics(db, principal.laCode, now),
  ]);
  const schoolName = new Map(schools.map((school) => [school.urn, school.name]));
  return {
    openByStage: byStage.map((row) => ({ stage: row.stage, count: row._count._all })),
    openBySchool: bySchool.map((row) => ({ schoolUrn: row.schoolUrn, name: row.schoolUrn ? (schoolName.get(row.schoolUrn) ?? row.schoolUrn) : 'no roll', count: row._count._all })),
    openBySend: bySend.map((row) => ({ send: row.sendFlag, count: row._count._all })),
    overdue,
    breached,
    weekly: flow.map((row) => ({ week: row.week.toISOString().slice(0, 10), opened: row.opened, closed: row.closed })),
    undeliveredAlerts: undelivered.map((row) => ({ kind: row.kind, count: row._count._all, oldestDetectedAt: row._min.detectedAt?.toISOString() ?? null })),
    reasons,
  };
}
