import { dashboardOf } from '../../read-model/dashboard';
import { inboxOf } from '../../read-model/inbox';
import { toPrincipal } from '../../api/auth/principal';
import { createCalendarStore } from '../../db/calendar-store';
import { englandDateOf } from '../../domain/calendar/england-time';
import { closeCase, getCaseState, grantLaConsent, requestDeletion } from '../../workflows/case-messages';
import { actors } from '../helpers/case-harness';
import { recordHistory } from '../helpers/histories';
import { eventually, schoolActor, useRecordedCases } from '../helpers/recorded-cases';
import { users } from '../helpers/users';

const DAY = 24 * 60 * 60 * 1000;
const LA = '938';
const BIRCH = '100003';
const OAK = '100001';
const manager = toPrincipal(users.manager);
const sendOfficer = toPrincipal(users.sendOfficer);
const cmeOfficer = toPrincipal(users.cmeOfficer);
type InboxRow = { caseId: string; overdueSteps: unknown[] };
const ids = (rows: InboxRow[] | undefined) => (rows ?? []).map((row) => row.caseId);

/** Overdue steps on the time-skipping server with the real activities and database: escalations reach people. */
describe('a clock that ran out stays in the inbox and the dashboard until its step is done (time-skipping, real read model)', () => {
  const { env, db, now, withRecordedCase } = useRecordedCases();

  beforeAll(async () => {
    await db().school.createMany({ data: [{ urn: BIRCH, name: 'Birch Special School', laCode: LA, isSpecial: true }, { urn: OAK, name: 'Oak Primary', laCode: LA }] });
  });

  /** Skips the server's clock to `margin` after the instant `at`. */
  const skipPast = async (at: string, margin: number) => env().sleep(Date.parse(at) - (await now()).getTime() + margin);

  /** How long overdue a school-day clock is today, on the school's own calendar as stored. */
  const schoolDaysOverdue = async (schoolUrn: string, dueAt: string) =>
    (await createCalendarStore(db()).calendarOf(schoolUrn)).schoolDaysBetween(englandDateOf(new Date(Date.parse(dueAt) - 1)), englandDateOf(await now()));

  it('CONSENT-ESCALATION (G11, local practice): an undecided consent escalated to a manager is in their inbox with how long overdue, counts as overdue and breached, and leaves once the SEND officer decides', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: BIRCH, senStatus: 'ehc_plan', placedByLa: true } });
    await withRecordedCase({ id: pupil.id, schoolUrn: BIRCH }, 'ehe_written_notice', async (handle, caseId) => {
      const today = englandDateOf(await now());
      const receipt = await handle.executeUpdate(requestDeletion, {
        args: [{ requestId: 'd-1', actor: schoolActor(BIRCH), ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } }],
      });
      expect(receipt.status).toBe('awaiting_la_consent');
      const escalation = (await handle.query(getCaseState)).deadlines.find((d) => d.kind === 'consent_escalation');
      if (!escalation) throw new Error('the consent escalation clock is not running');
      expect(ids((await inboxOf(db(), manager, await now())).escalated)).not.toContain(caseId);
      expect(await dashboardOf(db(), manager, await now())).toMatchObject({ overdue: 0, breached: 0 });

      // Past CONSENT-ESCALATION's 10 school days (default) with no decision, and a few days more.
      await skipPast(escalation.at, 7 * DAY);
      const managerInbox = await eventually(async () => inboxOf(db(), manager, await now()), (inbox) => ids(inbox.escalated).includes(caseId));
      const expectedOverdue = await schoolDaysOverdue(BIRCH, escalation.at);
      expect(expectedOverdue).toBeGreaterThan(0);
      const row = managerInbox.escalated.find((r) => r.caseId === caseId);
      expect(row).toMatchObject({ stage: 'awaiting_la_consent', nextDeadlineAt: null });
      expect(row?.overdueSteps).toEqual([
        { kind: 'consent_escalation', ruleId: 'CONSENT-ESCALATION', dueAt: escalation.at, escalatedTo: 'manager', overdueBy: { count: expectedOverdue, unit: 'school_days' } },
      ]);
      expect(ids(managerInbox.overdue)).toContain(caseId);
      // The manager cannot decide a consent, so is not asked to.
      expect(managerInbox.consentsToDecide).toBeUndefined();
      expect(await dashboardOf(db(), manager, await now())).toMatchObject({ overdue: 1, breached: 1 });

      const sendInbox = await inboxOf(db(), sendOfficer, await now());
      expect(ids(sendInbox.consentsToDecide)).toContain(caseId);
      expect(ids(sendInbox.escalated)).not.toContain(caseId);

      await handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'EHE plan meets needs; EHCP reviewed' }] });
      const after = await inboxOf(db(), manager, await now());
      expect([ids(after.escalated), ids(after.overdue)]).toEqual([[], []]);
      expect(ids((await inboxOf(db(), sendOfficer, await now())).consentsToDecide)).not.toContain(caseId);
      expect(await dashboardOf(db(), manager, await now())).toMatchObject({ overdue: 0, breached: 0 });
      await recordHistory('consent-escalation-overdue-until-decided', handle);
    });
  });

  it('T1 (SAR24 reg 10(7)-(9)): an opening clock that lapsed is overdue for the LA CME officer until the case moves on', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK } });
    await withRecordedCase({ id: pupil.id, schoolUrn: OAK }, 'unexplained_absence', async (handle, caseId) => {
      const opening = (await handle.query(getCaseState)).deadlines.find((d) => d.kind === 'opening_clock');
      if (!opening) throw new Error('the opening clock is not running');
      await skipPast(opening.at, 3 * DAY);
      const officerInbox = await eventually(async () => inboxOf(db(), cmeOfficer, await now()), (inbox) => ids(inbox.escalated).includes(caseId));
      const row = officerInbox.escalated.find((r) => r.caseId === caseId);
      expect(row).toMatchObject({ stage: 'escalated_to_la' });
      expect(row?.overdueSteps).toEqual([
        { kind: 'opening_clock', ruleId: opening.ruleId, dueAt: opening.at, escalatedTo: 'la_cme_officer', overdueBy: { count: await schoolDaysOverdue(OAK, opening.at), unit: 'school_days' } },
      ]);
      expect(ids((await inboxOf(db(), manager, await now())).escalated)).not.toContain(caseId);
      expect(await dashboardOf(db(), manager, await now())).toMatchObject({ overdue: 1, breached: 1 });

      await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'located_and_attending', reason: 'child seen at home, back in school' }] });
      expect(ids((await inboxOf(db(), cmeOfficer, await now())).escalated)).not.toContain(caseId);
      expect(await dashboardOf(db(), manager, await now())).toMatchObject({ overdue: 0, breached: 0 });
      await recordHistory('opening-clock-lapsed-overdue-until-closed', handle);
    });
  });
});
