import { demoLa, demoSchools, demoTerms } from '../config/demo';
import { addCalendarDays, isWeekend } from '../domain/calendar/iso-date';
import { upnCheckLetter } from '../domain/identifiers';
import { apiClient, devToken, expectOk, type ApiBody, type ApiClient } from '../client/api-client';
import { deliveredUpload } from '../client/upload-progress';

/**
 * `npm run seed`: demo data through the running API, as its users would enter it (AUTH_MODE=dev), on the
 * typed client generated from the OpenAPI document: the demo LA's terms, three schools (one special) and
 * cases in varied stages, including a special-school EHE deletion waiting for the SEND officer's consent.
 * Skipped when the LA already has terms.
 */

/** A valid UPN for the demo LA: check letter, LA, establishment, year, serial. */
const upn = (establishment: string, serial: number) => {
  const body = `${demoLa.code}${establishment}26${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
};

type Concern = NonNullable<ApiBody<'/v1/concerns', 'post'>>;

export async function seedDemo(apiUrl: string, log: (line: string) => void = console.log): Promise<boolean> {
  const as = async (userId: string) => apiClient(apiUrl, await devToken(apiUrl, userId));
  const admin = await as('demo-admin');
  const la = { params: { path: { laCode: demoLa.code } } };
  const existing = await expectOk('seed: terms', admin.GET('/v1/las/{laCode}/terms', la));
  if (existing.terms.length > 0) {
    log('demo data already present; nothing seeded');
    return false;
  }
  await expectOk('seed: put terms', admin.PUT('/v1/las/{laCode}/terms', { ...la, body: { terms: demoTerms } }));
  for (const school of Object.values(demoSchools)) {
    await expectOk(`seed: school ${school.urn}`, admin.PUT('/v1/schools/{urn}', { params: { path: { urn: school.urn } }, body: { name: school.name, laCode: demoLa.code, isSpecial: school.isSpecial } }));
  }
  const [oak, ash, birch, officer] = await Promise.all([as('demo-oak-attendance'), as('demo-ash-attendance'), as('demo-birch-senco'), as('demo-cme-officer')]);
  const report = async (school: ApiClient, urn: string, concern: Omit<Concern, 'schoolUrn'>) => {
    const answer = await expectOk(`seed: concern ${concern.reason}`, school.POST('/v1/concerns', { body: { schoolUrn: urn, ...concern } as Concern }));
    if (!('caseId' in answer)) throw new Error('seed: a demo concern was passed to the LA instead of naming its case');
    return { params: { path: { caseId: answer.caseId } } };
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

  await report(oak, demoSchools.oak.urn, { upn: upn('2001', 1), reason: 'unexplained_absence', child: { givenName: 'Mia', familyName: 'Example', address: '1 Demo Row, Chichester' } });
  const missing = await report(oak, demoSchools.oak.urn, { upn: upn('2001', 2), reason: 'continuous_unauthorised_absence', child: { givenName: 'Leo', familyName: 'Sample' } });
  await expectOk('seed: safeguarding', oak.POST('/v1/cases/{caseId}/safeguarding-concerns', { ...missing, body: { concern: 'missing_child' } }));
  await report(ash, demoSchools.ash.urn, { upn: upn('4001', 3), reason: 'permanent_exclusion' });
  await report(ash, demoSchools.ash.urn, { upn: upn('4001', 4), reason: 'persistent_absence_send', send: { status: 'sen_support', placedByLa: false } });
  const ehe = await report(birch, demoSchools.birch.urn, {
    upn: upn('7001', 5),
    reason: 'ehe_written_notice',
    send: { status: 'ehc_plan', placedByLa: true },
    child: { givenName: 'Ava', familyName: 'Placeholder', address: '5 Demo Lane, Horsham', parents: [{ name: 'Sam Placeholder', phone: '01403 000000' }] },
  });
  await expectOk(
    'seed: deletion request',
    birch.POST('/v1/cases/{caseId}/deletion-requests', { ...ehe, body: { ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } } }),
  );
  await expectOk(
    'seed: referral',
    officer.POST('/v1/referrals', { body: { laCode: demoLa.code, referrer: { kind: 'health' }, child: { givenName: 'Noah', familyName: 'Unlisted', address: 'unknown, last seen Crawley' } } }),
  );
  const found = await report(oak, demoSchools.oak.urn, { upn: upn('2001', 6), reason: 'no_show' });
  await expectOk('seed: close', officer.POST('/v1/cases/{caseId}/close', { ...found, body: { outcome: 'located_and_attending', reason: 'Started at Oak a week late after a family move' } }));
  const fed = await seedAttendanceFeed(officer, today);
  log(`seeded LA ${demoLa.code}: ${Object.keys(demoSchools).length} schools, 7 cases (one awaiting SEND consent), ${fed} more opened by the attendance feed`);
  return true;
}

/**
 * Three weeks of Oak's register marks for three pupils, sent as the attendance feed: one absent without
 * reason for the last 11 school days (T2 opens a case), one with SEN support missing one day in four (PA),
 * one present throughout (nothing). Follows the upload until its alerts are on their cases (they are
 * delivered after it answers) and returns how many cases the feed opened.
 */
async function seedAttendanceFeed(officer: ApiClient, today: string): Promise<number> {
  const oakUrn = demoSchools.oak.urn;
  const pupils = { absent: upn('2001', 7), persistent: upn('2001', 8), present: upn('2001', 9) };
  await expectOk(
    'seed: pupils',
    officer.POST('/v1/register/pupils', {
      body: [
        { schoolUrn: oakUrn, upn: pupils.absent, givenName: 'Isla', familyName: 'Feed' },
        { schoolUrn: oakUrn, upn: pupils.persistent, senStatus: 'K', givenName: 'Omar', familyName: 'Feed' },
        { schoolUrn: oakUrn, upn: pupils.present },
      ],
    }),
  );
  const days = lastSchoolDays(today, 15);
  const marks = days.flatMap((date, i) =>
    (['AM', 'PM'] as const).flatMap((session) => [
      { schoolUrn: oakUrn, upn: pupils.absent, date, session, code: i >= 4 ? 'N' : session === 'AM' ? '/' : '\\' },
      { schoolUrn: oakUrn, upn: pupils.persistent, date, session, code: i % 4 === 0 ? 'C' : session === 'AM' ? '/' : '\\' },
      { schoolUrn: oakUrn, upn: pupils.present, date, session, code: session === 'AM' ? '/' : '\\' },
    ]),
  );
  const upload = await expectOk('seed: marks', officer.POST('/v1/attendance-marks', { body: marks }));
  if (!upload.uploadId) return 0;
  const progress = await deliveredUpload(officer, upload.uploadId);
  return progress.delivered.filter((alert) => !alert.attached).length;
}

/** The `count` school days before `today`, oldest first: weekdays in the demo LA's terms, or any weekdays when the terms are long past. */
function lastSchoolDays(today: string, count: number): string[] {
  const weekdays = Array.from({ length: 120 }, (_, i) => addCalendarDays(today, -1 - i)).filter((day) => !isWeekend(day));
  const inTerm = weekdays.filter((day) => demoTerms.some((term) => term.start <= day && day <= term.end));
  return (inTerm.length >= count ? inTerm : weekdays).slice(0, count).reverse();
}

if (require.main === module) {
  const apiUrl = process.env.API_URL ?? `http://${process.env.API_HOST ?? '127.0.0.1'}:${process.env.API_PORT ?? '3000'}`;
  seedDemo(apiUrl).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
