import { demoLa, demoSchools, demoTerms } from '../config/demo';
import { addCalendarDays, isWeekend } from '../domain/calendar/iso-date';
import { upnCheckLetter } from '../domain/identifiers';

/**
 * `npm run seed`: demo data through the running API, as its users would enter it (AUTH_MODE=dev): the demo
 * LA's terms, three schools (one special) and cases in varied stages, including a special-school EHE
 * deletion waiting for the SEND officer's consent. Skipped when the LA already has terms.
 */
type Call = (path: string, init?: { method?: string; body?: unknown }) => Promise<{ caseId?: string } & Record<string, unknown>>;


/** A valid UPN for the demo LA: check letter, LA, establishment, year, serial. */
const upn = (establishment: string, serial: number) => {
  const body = `${demoLa.code}${establishment}26${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
};

export async function seedDemo(apiUrl: string, log: (line: string) => void = console.log): Promise<boolean> {
  const as = async (userId: string): Promise<Call> => {
    const { token } = (await request(apiUrl, '', '/v1/dev/token', { method: 'POST', body: { userId } })) as { token: string };
    return (path, init) => request(apiUrl, token, path, init);
  };
  const admin = await as('demo-admin');
  const existing = (await admin(`/v1/las/${demoLa.code}/terms`)) as { terms: unknown[] };
  if (existing.terms.length > 0) {
    log('demo data already present; nothing seeded');
    return false;
  }
  await admin(`/v1/las/${demoLa.code}/terms`, { method: 'PUT', body: { terms: demoTerms } });
  for (const school of Object.values(demoSchools)) {
    await admin(`/v1/schools/${school.urn}`, { method: 'PUT', body: { name: school.name, laCode: demoLa.code, isSpecial: school.isSpecial } });
  }
  const [oak, ash, birch, officer] = await Promise.all([as('demo-oak-attendance'), as('demo-ash-attendance'), as('demo-birch-senco'), as('demo-cme-officer')]);
  const report = (school: Call, urn: string, body: Record<string, unknown>) => school('/v1/concerns', { method: 'POST', body: { schoolUrn: urn, ...body } });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

  await report(oak, demoSchools.oak.urn, { upn: upn('2001', 1), reason: 'unexplained_absence', child: { givenName: 'Mia', familyName: 'Example', address: '1 Demo Row, Chichester' } });
  const missing = await report(oak, demoSchools.oak.urn, { upn: upn('2001', 2), reason: 'continuous_unauthorised_absence', child: { givenName: 'Leo', familyName: 'Sample' } });
  await oak(`/v1/cases/${missing.caseId}/safeguarding-concerns`, { method: 'POST', body: { concern: 'missing_child' } });
  await report(ash, demoSchools.ash.urn, { upn: upn('4001', 3), reason: 'permanent_exclusion' });
  await report(ash, demoSchools.ash.urn, { upn: upn('4001', 4), reason: 'persistent_absence_send', send: { status: 'sen_support', placedByLa: false } });
  const ehe = await report(birch, demoSchools.birch.urn, {
    upn: upn('7001', 5),
    reason: 'ehe_written_notice',
    send: { status: 'ehc_plan', placedByLa: true },
    child: { givenName: 'Ava', familyName: 'Placeholder', address: '5 Demo Lane, Horsham', parents: [{ name: 'Sam Placeholder', phone: '01403 000000' }] },
  });
  await birch(`/v1/cases/${ehe.caseId}/deletion-requests`, {
    method: 'POST',
    body: { ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } },
  });
  await officer('/v1/referrals', { method: 'POST', body: { laCode: demoLa.code, referrer: { kind: 'health' }, child: { givenName: 'Noah', familyName: 'Unlisted', address: 'unknown, last seen Crawley' } } });
  const found = await report(oak, demoSchools.oak.urn, { upn: upn('2001', 6), reason: 'no_show' });
  await officer(`/v1/cases/${found.caseId}/close`, { method: 'POST', body: { outcome: 'located_and_attending', reason: 'Started at Oak a week late after a family move' } });
  const fed = await seedAttendanceFeed(officer, today);
  log(`seeded LA ${demoLa.code}: ${Object.keys(demoSchools).length} schools, 7 cases (one awaiting SEND consent), ${fed} more opened by the attendance feed`);
  return true;
}

/**
 * Three weeks of Oak's register marks for three pupils, sent as the attendance feed: one absent without
 * reason for the last 11 school days (T2 opens a case), one with SEN support missing one day in four (PA),
 * one present throughout (nothing). Returns how many cases the feed opened.
 */
async function seedAttendanceFeed(officer: Call, today: string): Promise<number> {
  const oakUrn = demoSchools.oak.urn;
  const pupils = { absent: upn('2001', 7), persistent: upn('2001', 8), present: upn('2001', 9) };
  await officer('/v1/register/pupils', {
    method: 'POST',
    body: [
      { schoolUrn: oakUrn, upn: pupils.absent, givenName: 'Isla', familyName: 'Feed' },
      { schoolUrn: oakUrn, upn: pupils.persistent, senStatus: 'K', givenName: 'Omar', familyName: 'Feed' },
      { schoolUrn: oakUrn, upn: pupils.present },
    ],
  });
  const days = lastSchoolDays(today, 15);
  const marks = days.flatMap((date, i) =>
    (['AM', 'PM'] as const).flatMap((session) => [
      { schoolUrn: oakUrn, upn: pupils.absent, date, session, code: i >= 4 ? 'N' : session === 'AM' ? '/' : '\\' },
      { schoolUrn: oakUrn, upn: pupils.persistent, date, session, code: i % 4 === 0 ? 'C' : session === 'AM' ? '/' : '\\' },
      { schoolUrn: oakUrn, upn: pupils.present, date, session, code: session === 'AM' ? '/' : '\\' },
    ]),
  );
  const report = (await officer('/v1/attendance-marks', { method: 'POST', body: marks })) as { uploadId: string; detection: Delivery };
  // The upload answers once detected; its alerts reach their cases after, so follow it until none is pending.
  let delivery = report.detection;
  for (const giveUpAt = Date.now() + 60_000; delivery.pending > 0; ) {
    if (Date.now() > giveUpAt) throw new Error(`seed: ${delivery.pending} attendance alerts still pending after 60 s: ${delivery.failures.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    delivery = (await officer(`/v1/uploads/${report.uploadId}`)) as Delivery;
  }
  return delivery.delivered.filter((d) => !d.attached).length;
}

type Delivery = { pending: number; failures: string[]; delivered: { attached: boolean }[] };

/** The `count` school days before `today`, oldest first: weekdays in the demo LA's terms, or any weekdays when the terms are long past. */
function lastSchoolDays(today: string, count: number): string[] {
  const weekdays = Array.from({ length: 120 }, (_, i) => addCalendarDays(today, -1 - i)).filter((day) => !isWeekend(day));
  const inTerm = weekdays.filter((day) => demoTerms.some((term) => term.start <= day && day <= term.end));
  return (inTerm.length >= count ? inTerm : weekdays).slice(0, count).reverse();
}

async function request(apiUrl: string, token: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`seed: ${init.method ?? 'GET'} ${path} -> ${response.status} ${JSON.stringify(body)}`);
  return body;
}

if (require.main === module) {
  const apiUrl = process.env.API_URL ?? `http://${process.env.API_HOST ?? '127.0.0.1'}:${process.env.API_PORT ?? '3000'}`;
  seedDemo(apiUrl).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
