import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { absenceCodes, possibleSessionCodes } from '../domain/attendance/codes';
import { schoolYearStart } from '../domain/attendance/school-year';
import { persistentAbsenceRule, severeAbsenceRule } from '../domain/attendance/thresholds';
import { percentOf } from '../domain/attendance/weekly-attendance';
import { Refused } from '../domain/errors';
import { resolvePolicy } from '../domain/rules/policy';
import { hasLapsed, type SupportPlan } from '../domain/support/plan';
import { termDates, type InclusionReason, type SchoolTerm } from '../domain/support/targeted-support';
import { createCalendarStore } from '../db/calendar-store';

interface Rate {
  pupilId: string;
  possible: number;
  absent: number;
}

/** Whether a pupil's rate lists them, and as what. */
function absenceReason(rate: Rate | undefined, minimum: number): InclusionReason | undefined {
  if (!rate || rate.possible < minimum) return undefined;
  // A quotient of whole numbers, not rate times sessions: 0.1 * 110 is 11.000000000000002 in floating point.
  const missed = rate.absent / rate.possible;
  if (missed >= severeAbsenceRule.rate) return 'severe_absence';
  if (missed >= persistentAbsenceRule.rate) return 'persistent_absence';
  return undefined;
}

/**
 * The pupils on a school's roll its termly targeted support meeting discusses (TSM-TERMLY): absence rates over the
 * school year to the term's end (PA-10, SA-50, once ABSENCE-RATE-MIN-SESSIONS sessions are possible), open
 * support-first cases, and open support actions past their due date. Each comes with why, and with the case the
 * meeting's outcome is recorded on (none: the outcome opens one through the concern intake).
 */
export async function targetedSupportList(db: Db, school: { urn: string; laCode: string }, term: SchoolTerm, now = new Date()) {
  const dates = termDates(await createCalendarStore(db).termsOf(school.laCode), term);
  if (!dates) throw new Refused([`term: LA ${school.laCode} has no ${term.season} term dates for ${term.year}/${String(term.year + 1).slice(2)}`]);
  const policy = resolvePolicy(await db.laRuleSetting.findMany({ where: { laCode: school.laCode } }));
  const roll = await db.pupil.findMany({
    where: { schoolUrn: school.urn, leftOn: null },
    select: { id: true, upn: true, senStatus: true, yearGroup: true, details: { select: { givenName: true, familyName: true } } },
  });
  const onRoll = roll.map((pupil) => pupil.id);
  const [rates, cases] = await Promise.all([
    db.$queryRaw<Rate[]>(Prisma.sql`
      SELECT pupil_id::text AS "pupilId", count(*) FILTER (WHERE code = ANY(${possibleSessionCodes}))::int AS possible,
        count(*) FILTER (WHERE code = ANY(${absenceCodes}))::int AS absent
      FROM attendance_mark WHERE school_urn = ${school.urn} AND date BETWEEN ${schoolYearStart(term.year)}::date AND ${dates.to}::date
        AND pupil_id = ANY(${onRoll}::uuid[])
      GROUP BY pupil_id`),
    db.case.findMany({ where: { pupilId: { in: onRoll }, schoolUrn: school.urn, closedAt: null }, select: { id: true, pupilId: true, stage: true, supportPlan: { select: { plan: true } } } }),
  ]);
  const rateOf = new Map(rates.map((rate) => [rate.pupilId, rate]));
  const caseOf = new Map(cases.map((kase) => [kase.pupilId, kase]));
  const pupils = roll.flatMap((pupil) => {
    const rate = rateOf.get(pupil.id);
    const kase = caseOf.get(pupil.id);
    const plan = kase?.supportPlan?.plan as unknown as SupportPlan | undefined;
    const lapsedActions = (plan?.actions ?? []).filter((action) => hasLapsed(action, now)).map(({ actionId, owner, what, dueAt }) => ({ actionId, owner, what, dueAt }));
    const reasons = [
      absenceReason(rate, policy['ABSENCE-RATE-MIN-SESSIONS']),
      kase?.stage === 'support_first' ? 'open_support_case' : undefined,
      lapsedActions.length > 0 ? 'lapsed_actions' : undefined,
    ].filter((reason): reason is InclusionReason => reason !== undefined);
    if (reasons.length === 0) return [];
    const possibleSessions = rate?.possible ?? 0;
    const absentSessions = rate?.absent ?? 0;
    return [{
      pupilId: pupil.id,
      upn: pupil.upn,
      name: pupil.details ? `${pupil.details.givenName} ${pupil.details.familyName}` : null,
      senStatus: pupil.senStatus,
      yearGroup: pupil.yearGroup,
      reasons,
      possibleSessions,
      absentSessions,
      attendancePercent: percentOf(possibleSessions - absentSessions, possibleSessions),
      caseId: kase?.id ?? null,
      caseStage: kase?.stage ?? null,
      lapsedActions,
    }];
  });
  pupils.sort((a, b) => (a.attendancePercent ?? 101) - (b.attendancePercent ?? 101) || (a.upn ?? '').localeCompare(b.upn ?? ''));
  return { urn: school.urn, term: `${term.year}-${term.season}`, from: dates.from, to: dates.to, ratesFrom: schoolYearStart(term.year), pupils };
}
