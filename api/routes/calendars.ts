import { Router } from 'express';
import { createCalendarStore, UnknownSchoolError } from '../../db/calendar-store';
import type { Db } from '../../db/prisma';
import { endOfEnglandDay } from '../../domain/calendar/england-time';
import { termProblems } from '../../domain/calendar/terms';
import { ApiError, notFound } from '../errors';
import { requireLa, requireRole, requireSchoolAccess } from '../../domain/access';
import { principalOf } from '../auth/authenticate';
import { closuresBody, laCodeParams, schoolDaysQuery, schoolUrnParams, termDatesBody } from '../schemas';
import { parseOr400 } from '../validate';
import type { ClosuresListBody, SchoolDaysBody, TermsBody } from '../response-schemas';

/** LA term dates, each school's closure days, and school-day arithmetic on a school's own calendar. */
export function calendarsRouter(db: Db): Router {
  const router = Router();
  const calendars = createCalendarStore(db);

  router.get('/las/:laCode/terms', async (req, res) => {
    const { laCode } = parseOr400(laCodeParams, req.params);
    res.json({ laCode, terms: await calendars.termsOf(laCode) } satisfies TermsBody);
  });

  router.put('/las/:laCode/terms', async (req, res) => {
    const { laCode } = parseOr400(laCodeParams, req.params);
    const principal = principalOf(res);
    requireRole(principal, ['admin', 'manager']);
    requireLa(principal, laCode);
    const { terms } = parseOr400(termDatesBody, req.body);
    const [problem] = termProblems(terms);
    if (problem) throw new ApiError(422, 'invalid_terms', `terms.${problem.index}: ${problem.problem}`, `terms.${problem.index}`);
    await calendars.replaceTerms(laCode, terms);
    res.json({ laCode, terms: await calendars.termsOf(laCode) } satisfies TermsBody);
  });

  router.get('/schools/:urn/closures', async (req, res) => {
    const { urn } = parseOr400(schoolUrnParams, req.params);
    await requireSchool(db, urn);
    res.json({ urn, closures: await calendars.closuresOf(urn) } satisfies ClosuresListBody);
  });

  router.put('/schools/:urn/closures', async (req, res) => {
    const { urn } = parseOr400(schoolUrnParams, req.params);
    const { closures } = parseOr400(closuresBody, req.body);
    const principal = principalOf(res);
    requireRole(principal, ['admin', 'manager', 'school']);
    requireSchoolAccess(principal, await requireSchool(db, urn), 'urn');
    const dates = closures.map((c) => c.date);
    const repeated = dates.findIndex((date, index) => dates.indexOf(date) !== index);
    if (repeated >= 0) throw new ApiError(422, 'invalid_closures', `closures.${repeated}.date: ${dates[repeated]} is listed twice`, `closures.${repeated}.date`);
    await calendars.replaceClosures(urn, closures);
    res.json({ urn, closures: await calendars.closuresOf(urn) } satisfies ClosuresListBody);
  });

  /** `?from=D&add=N`: the Nth school day after D and when it ends; `?from=D&to=E`: school days after D up to E. */
  router.get('/schools/:urn/school-days', async (req, res) => {
    const { urn } = parseOr400(schoolUrnParams, req.params);
    const query = parseOr400(schoolDaysQuery, req.query);
    if ((query.add === undefined) === (query.to === undefined)) throw new ApiError(422, 'invalid_query', 'give either add or to', 'add');
    const calendar = await calendars.calendarOf(urn).catch((error: unknown) => {
      throw error instanceof UnknownSchoolError ? notFound('school') : error;
    });
    if (query.to !== undefined) {
      res.json({ urn, from: query.from, to: query.to, schoolDays: calendar.schoolDaysBetween(query.from, query.to) } satisfies SchoolDaysBody);
      return;
    }
    const add = query.add ?? 0;
    const { date, provisional } = calendar.addSchoolDays(query.from, add);
    res.json({ urn, from: query.from, schoolDays: add, date, endsAt: endOfEnglandDay(date).toISOString(), provisional } satisfies SchoolDaysBody);
  });

  return router;
}

async function requireSchool(db: Db, urn: string): Promise<{ urn: string; laCode: string }> {
  const school = await db.school.findUnique({ where: { urn }, select: { urn: true, laCode: true } });
  if (!school) throw notFound('school');
  return school;
}
